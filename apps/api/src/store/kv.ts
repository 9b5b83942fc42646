import { type PieceSource, pieceKey } from 'colophon-content/snapshot'
import { MANIFEST_POINTER, manifestKey, parseManifest, parsePointer } from './content-addressed.ts'
import { SnapshotStore, type SnapshotStoreOptions } from './store.ts'

/** The part of a Workers KV namespace binding the store uses. */
export interface KvNamespaceLike {
  get(key: string, options: { type: 'text'; cacheTtl?: number }): Promise<string | null>
  get(key: string, options: { type: 'arrayBuffer'; cacheTtl?: number }): Promise<ArrayBuffer | null>
}

export interface KvStoreOptions extends SnapshotStoreOptions {
  /** KV edge cache TTL for reads (s, at least 30 on Cloudflare). Pieces never change. */
  cacheTtl?: number
}

/**
 * A store over a snapshot loaded into Workers KV by `pnpm --filter colophon-api kv:load`, for
 * a catalogue too large to bundle. Pieces are read one key each, on demand.
 *
 * @example
 * const store = new KvStore(env.CATALOGUE)
 * const app = createApp({ store })
 */
export class KvStore extends SnapshotStore {
  readonly kind = 'kv'
  readonly #kv: KvNamespaceLike
  readonly #cacheTtl: number | undefined
  protected readonly source: PieceSource

  constructor(kv: KvNamespaceLike, options: KvStoreOptions = {}) {
    super(options)
    this.#kv = kv
    this.#cacheTtl = options.cacheTtl
    this.source = {
      read: async (name, hash) => {
        const value = await this.#kv.get(pieceKey(name, hash), this.#options('arrayBuffer'))
        return value === null ? undefined : new Uint8Array(value)
      },
    }
  }

  #options<T extends 'text' | 'arrayBuffer'>(type: T) {
    return this.#cacheTtl ? { type, cacheTtl: this.#cacheTtl } : { type }
  }

  async #text(key: string): Promise<string> {
    const text = await this.#kv.get(key, this.#options('text'))
    if (text === null) throw new Error(`KV catalogue is incomplete: key "${key}" is missing`)
    return text
  }

  protected async currentHash() {
    // The pointer changes with each load: no edge cache on it.
    const text = await this.#kv.get(MANIFEST_POINTER, { type: 'text' })
    if (text === null) throw new Error(`KV catalogue is empty: no "${MANIFEST_POINTER}" key`)
    return parsePointer(text, `KV key "${MANIFEST_POINTER}"`)
  }

  protected async readManifest(contentHash: string) {
    const key = manifestKey(contentHash)
    return parseManifest(await this.#text(key), `KV key "${key}"`)
  }
}
