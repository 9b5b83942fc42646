// What the routes read: one snapshot of the catalogue (a manifest and everything derived from
// it), cached per store and content hash so that a request pays only for its own work.
import type { Manifest, VocabularyCounts } from 'colophon-content'
import { loadSearchIndex } from 'colophon-content/search'
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'
import type { CatalogueStore, IdentifierIndex } from './store/store.ts'

type SearchIndex = ReturnType<typeof loadSearchIndex>

/** How many full-text queries' hits a snapshot keeps. */
export const SEARCH_CACHE_SIZE = 1_000

/**
 * Per-query options over the compiled index's defaults: prefix matching for the last word
 * only (what is being typed), no fuzzy matching. Prefix and fuzzy expansion of every word is
 * what makes a search over 10,000 reports slow.
 */
const SEARCH_TUNING = {
  prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
  fuzzy: false,
} as const

/**
 * The fallback when the exact and prefix query finds nothing (a misspelling): fuzzy matching
 * for words of five letters or more. Only then, so that an exact match never pulls in its
 * fuzzy neighbours ("trade" does not find "grade") and most queries skip the expansion.
 */
const FUZZY_FALLBACK = {
  prefix: SEARCH_TUNING.prefix,
  fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
}

/**
 * Full-text search over a loaded index: exact and prefix first, fuzzy only when that finds
 * nothing.
 *
 * @example
 * searchIndex(index, 'fctory').map((r) => r.id) // ['beyond-factory-asia'] via the fallback
 */
export function searchIndex(index: SearchIndex, q: string) {
  const exact = index.search(q, SEARCH_TUNING)
  return exact.length > 0 ? exact : index.search(q, FUZZY_FALLBACK)
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
  #titleOrder: Uint32Array | undefined
  #dateBounds: { lo: string[]; hi: string[] } | undefined
  #search: Promise<SearchIndex> | undefined
  #identifiers: Promise<IdentifierIndex> | undefined
  readonly #rendered = new Map<string, string>()
  readonly #memo = new Map<string, unknown>()
  readonly #hits = new Map<string, number[]>()

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
   * Positions of the reports matching a full-text query, best first; the most recent
   * SEARCH_CACHE_SIZE queries are kept (typing a query repeats its prefixes).
   */
  async searchHits(q: string): Promise<number[]> {
    const key = q.toLowerCase().replace(/\s+/g, ' ')
    const cached = this.#hits.get(key)
    if (cached) {
      // Most recently used last: Map keeps insertion order.
      this.#hits.delete(key)
      this.#hits.set(key, cached)
      return cached
    }
    const index = await this.search()
    const positions: number[] = []
    for (const hit of searchIndex(index, q)) {
      const position = this.position.get(hit.id as string)
      if (position !== undefined) positions.push(position)
    }
    if (this.#hits.size >= SEARCH_CACHE_SIZE)
      this.#hits.delete(this.#hits.keys().next().value as string)
    this.#hits.set(key, positions)
    return positions
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

  /** Summary positions in title order (locale-aware, then newest first). */
  get titleOrder(): Uint32Array {
    if (!this.#titleOrder) {
      const collator = new Intl.Collator(this.settings.language, {
        sensitivity: 'base',
        numeric: true,
      })
      const order = Uint32Array.from(this.summaries.keys())
      const titles = this.summaries.map((s) => s.title)
      order.sort((a, b) => collator.compare(titles[a] as string, titles[b] as string) || a - b)
      this.#titleOrder = order
    }
    return this.#titleOrder
  }

  /** Earliest and latest day each report's partial date may mean ("2013" → 2013-01-01…2013-12-31). */
  get dateBounds(): { lo: string[]; hi: string[] } {
    this.#dateBounds ??= {
      lo: this.summaries.map((s) => lowerBound(s.published)),
      hi: this.summaries.map((s) => upperBound(s.published)),
    }
    return this.#dateBounds
  }

  search(): Promise<SearchIndex> {
    this.#search ??= this.#store.searchIndex().then(loadSearchIndex)
    this.#search.catch(() => {
      this.#search = undefined
    })
    return this.#search
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
