// Where the compiled catalogue (snapshot format 2, see colophon-content/snapshot) is read from.
// The app sees only this interface, so the same routes serve a snapshot bundled into the
// worker, a folder on disk, Workers KV or R2. Every store hands out resolved values only:
// an in-flight promise shared between requests is what the Workers runtime cancels.
import {
  type PieceSource,
  Snapshot,
  type SnapshotManifest,
  type SnapshotOptions,
} from 'colophon-content/snapshot'

export interface CatalogueStore {
  /** Short name for /health: `embedded`, `dir`, `kv`, `r2`. */
  readonly kind: string
  /** The current snapshot: the same object for as long as the content hash is the same. */
  snapshot(): Promise<Snapshot>
  /**
   * The current snapshot without waiting, if the store still trusts it (no manifest check is
   * due); else undefined, and the caller awaits `snapshot()`. What a cached answer needs.
   */
  current?(): Snapshot | undefined
  /** The bytes of one piece of the current snapshot (for the search index's shards). */
  piece(name: string): Promise<Uint8Array | undefined>
}

export interface SnapshotStoreOptions {
  /** How long the current manifest is trusted before it is checked again (ms). */
  manifestTtlMs?: number
  /** Parsed pieces each snapshot keeps (blocks, shards); see `SnapshotOptions`. */
  cacheSize?: number
  /** The bytes of piece text those pieces may come from; see `SnapshotOptions`. */
  cacheBytes?: number
}

/**
 * A store over a source of pieces and a way to read the current manifest: keeps the current
 * snapshot (resolved) and checks the manifest again after `manifestTtlMs`.
 */
export abstract class SnapshotStore implements CatalogueStore {
  abstract readonly kind: string
  readonly #ttl: number
  readonly #cache: SnapshotOptions
  #current: { snapshot: Snapshot; checkedAt: number } | undefined

  constructor(options: SnapshotStoreOptions = {}) {
    this.#ttl = options.manifestTtlMs ?? 10_000
    this.#cache = {
      ...(options.cacheSize && { cacheSize: options.cacheSize }),
      ...(options.cacheBytes && { cacheBytes: options.cacheBytes }),
    }
  }

  /** The current content hash (cheap: a pointer, or the manifest itself). */
  protected abstract currentHash(): Promise<string>
  /** The whole manifest of a content hash. */
  protected abstract readManifest(contentHash: string): Promise<SnapshotManifest>
  /** Where that manifest's pieces are read. */
  protected abstract readonly source: PieceSource

  current(): Snapshot | undefined {
    const current = this.#current
    return current && Date.now() - current.checkedAt < this.#ttl ? current.snapshot : undefined
  }

  async snapshot(): Promise<Snapshot> {
    const current = this.current()
    if (current) return current
    const hash = await this.currentHash()
    // Another request may have switched meanwhile: keep whichever matches.
    const latest = this.#current
    if (latest?.snapshot.manifest.contentHash === hash) {
      latest.checkedAt = Date.now()
      return latest.snapshot
    }
    const manifest = await this.readManifest(hash)
    const snapshot = new Snapshot(manifest, this.source, this.#cache)
    this.#current = { snapshot, checkedAt: Date.now() }
    return snapshot
  }

  async piece(name: string): Promise<Uint8Array | undefined> {
    return (await this.snapshot()).piece(name)
  }
}
