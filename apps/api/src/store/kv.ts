import type { Manifest, VocabularyCounts } from 'colophon-content'
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'
import { fileKey, type KvFile, MANIFEST_KEY, reportKey } from './kv-layout.ts'
import type { CatalogueStore, IdentifierIndex } from './store.ts'

/** The part of a Workers KV namespace binding the store uses. */
export interface KvNamespaceLike {
  get(key: string, options: { type: 'text'; cacheTtl?: number }): Promise<string | null>
}

export interface KvStoreOptions {
  /** How long this isolate trusts the manifest it read before reading it again (ms). */
  manifestTtlMs?: number
  /** KV edge cache TTL for reads (s, at least 30 on Cloudflare). */
  cacheTtl?: number
}

/**
 * A store over a catalogue loaded into Workers KV by `pnpm --filter colophon-api kv:load`,
 * for a catalogue too large to bundle. Catalogue-wide files are cached in the isolate by
 * content hash; reports are read one key at a time.
 *
 * @example
 * export default { fetch: (req, env, ctx) => createApp({ store: new KvStore(env.CATALOGUE) }).fetch(req, env, ctx) }
 */
export class KvStore implements CatalogueStore {
  readonly kind = 'kv'
  readonly #kv: KvNamespaceLike
  readonly #manifestTtlMs: number
  readonly #cacheTtl: number | undefined
  #manifest: { value: Manifest; readAt: number } | undefined
  #pending: Promise<Manifest> | undefined
  readonly #files = new Map<string, Promise<unknown>>()

  constructor(kv: KvNamespaceLike, options: KvStoreOptions = {}) {
    this.#kv = kv
    this.#manifestTtlMs = options.manifestTtlMs ?? 10_000
    this.#cacheTtl = options.cacheTtl
  }

  async #text(key: string): Promise<string> {
    const options = this.#cacheTtl
      ? { type: 'text' as const, cacheTtl: this.#cacheTtl }
      : { type: 'text' as const }
    const text = await this.#kv.get(key, options)
    if (text === null) throw new Error(`KV catalogue is incomplete: key "${key}" is missing`)
    return text
  }

  async manifest(): Promise<Manifest> {
    const cached = this.#manifest
    if (cached && Date.now() - cached.readAt < this.#manifestTtlMs) return cached.value
    this.#pending ??= this.#text(MANIFEST_KEY)
      .then((text) => {
        const value = JSON.parse(text) as Manifest
        if (cached && cached.value.contentHash !== value.contentHash) this.#files.clear()
        this.#manifest = { value, readAt: Date.now() }
        return value
      })
      .finally(() => {
        this.#pending = undefined
      })
    return this.#pending
  }

  async #file<T>(file: KvFile): Promise<T> {
    const key = fileKey(await this.manifest(), file)
    let value = this.#files.get(key)
    if (!value) {
      value = this.#text(key).then((text) => (file === 'searchIndex' ? text : JSON.parse(text)))
      // A failed read must not stick: forget it so that the next request tries again.
      value.catch(() => this.#files.delete(key))
      this.#files.set(key, value)
    }
    return value as Promise<T>
  }

  settings() {
    return this.#file<CatalogueSettings>('settings')
  }
  summaries() {
    return this.#file<ReportSummary[]>('summaries')
  }
  vocabularies() {
    return this.#file<VocabularyCounts>('vocabularies')
  }
  searchIndex() {
    return this.#file<string>('searchIndex')
  }
  identifiers() {
    return this.#file<IdentifierIndex>('identifiers')
  }

  async report(slug: string): Promise<CompiledReport | undefined> {
    const key = reportKey(await this.manifest(), slug)
    if (!key) return undefined
    return JSON.parse(await this.#text(key)) as CompiledReport
  }
}
