// What the routes read: one snapshot of the catalogue (a manifest and everything derived from
// it), cached per store and content hash so that a request pays only for its own work.
import type { Manifest, VocabularyCounts } from 'colophon-content'
import type { SearchEngine, TextHits } from 'colophon-content/search'
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'
import { loadSearchEngine } from './search-engine.ts'
import type { CatalogueStore, IdentifierIndex } from './store/store.ts'

/** How many full-text queries' hits a snapshot keeps. */
export const SEARCH_CACHE_SIZE = 1_000

/** The cache key of a query: case and runs of spaces do not matter; a trailing space does. */
export function queryKey(q: string): string {
  return q.toLowerCase().replace(/\s+/g, ' ').trimStart()
}

/** How many rendered reports (any format) a snapshot keeps. */
export const RENDER_CACHE_SIZE = 5_000

/** A catalogue snapshot: constant data plus lazily built indexes. */
export class Catalogue {
  readonly #store: CatalogueStore
  readonly storeKind: string
  readonly manifest: Manifest
  readonly settings: CatalogueSettings
  readonly summaries: readonly ReportSummary[]
  readonly vocabularies: VocabularyCounts
  #position: Map<string, number> | undefined
  #engine: SearchEngine | undefined
  #identifiers: Promise<IdentifierIndex> | undefined
  readonly #rendered = new Map<string, string>()
  readonly #memo = new Map<string, unknown>()
  readonly #hits = new Map<string, TextHits>()

  constructor(
    store: CatalogueStore,
    data: Pick<Catalogue, 'manifest' | 'settings' | 'summaries' | 'vocabularies'>,
  ) {
    this.#store = store
    this.storeKind = store.kind
    this.manifest = data.manifest
    this.settings = data.settings
    this.summaries = data.summaries
    this.vocabularies = data.vocabularies
  }

  report(slug: string): Promise<CompiledReport | undefined> {
    if (!Object.hasOwn(this.manifest.reports, slug)) return Promise.resolve(undefined)
    return this.#store.report(slug)
  }

  /**
   * A rendered representation, cached: a snapshot never changes, so neither does a report's
   * BibTeX or JSON. Bounded (oldest out first) so that a large catalogue cannot fill memory.
   */
  async rendered(
    key: string,
    render: () => Promise<string | undefined>,
  ): Promise<string | undefined> {
    const cached = this.#rendered.get(key)
    if (cached !== undefined) return cached
    const value = await render()
    if (value === undefined) return undefined
    if (this.#rendered.size >= RENDER_CACHE_SIZE) {
      this.#rendered.delete(this.#rendered.keys().next().value as string)
    }
    this.#rendered.set(key, value)
    return value
  }

  /**
   * The reports matching a full-text query (ids = positions in `summaries`), with scores;
   * the most recent SEARCH_CACHE_SIZE queries are kept (typing a query repeats its
   * prefixes). Throws the engine's `SearchLimitError` for a query over its limits.
   */
  async textHits(q: string): Promise<{ hits: TextHits; cached: boolean }> {
    const key = queryKey(q)
    const cached = this.#hits.get(key)
    if (cached) {
      // Most recently used last: Map keeps insertion order.
      this.#hits.delete(key)
      this.#hits.set(key, cached)
      return { hits: cached, cached: true }
    }
    const engine = await this.engine()
    const hits = await engine.matchText(key)
    if (this.#hits.size >= SEARCH_CACHE_SIZE)
      this.#hits.delete(this.#hits.keys().next().value as string)
    this.#hits.set(key, hits)
    return { hits, cached: false }
  }

  /**
   * The search engine (index and columns). Only the resolved engine is kept: a promise
   * shared between requests would be cancelled with the request that made it on Workers.
   */
  async engine(): Promise<SearchEngine> {
    if (this.#engine) return this.#engine
    const engine = await loadSearchEngine(this.#store, this.settings, this.summaries)
    this.#engine ??= engine
    return this.#engine
  }

  /** A value derived from this snapshot alone, computed once. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.#memo.has(key)) this.#memo.set(key, compute())
    return this.#memo.get(key) as T
  }

  /** Position of each slug in `summaries` (newest first). */
  get position(): Map<string, number> {
    this.#position ??= new Map(this.summaries.map((s, i) => [s.slug, i]))
    return this.#position
  }

  identifiers(): Promise<IdentifierIndex> {
    this.#identifiers ??= this.#store.identifiers()
    this.#identifiers.catch(() => {
      this.#identifiers = undefined
    })
    return this.#identifiers
  }
}

/** "2013" → "2013-01-01", "2013-04" → "2013-04-01". */
export function lowerBound(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date
}

/** "2013" → "2013-12-31", "2013-04" → "2013-04-31" (compared as a string, so 31 is safe). */
export function upperBound(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date
}

const snapshots = new WeakMap<CatalogueStore, Map<string, Promise<Catalogue>>>()

/**
 * The current snapshot of `store`: rebuilt only when the manifest's content hash changes.
 *
 * @example
 * const catalogue = await openCatalogue(new EmbeddedStore(compiled))
 */
export async function openCatalogue(store: CatalogueStore, publicUrl?: string): Promise<Catalogue> {
  const manifest = await store.manifest()
  let byUrl = snapshots.get(store)
  if (!byUrl) {
    byUrl = new Map()
    snapshots.set(store, byUrl)
  }
  // Snapshots (and their rendered caches) are kept apart per public URL.
  const key = publicUrl ?? ''
  const cached = byUrl.get(key)
  if (cached) {
    const current = await cached.catch(() => undefined)
    if (current?.manifest.contentHash === manifest.contentHash) return current
  }
  const next = Promise.all([store.settings(), store.summaries(), store.vocabularies()]).then(
    ([settings, summaries, vocabularies]) =>
      new Catalogue(store, {
        manifest,
        settings: publicUrl ? { ...settings, baseUrl: publicUrl } : settings,
        summaries,
        vocabularies,
      }),
  )
  byUrl.set(key, next)
  next.catch(() => byUrl.delete(key))
  return next
}
