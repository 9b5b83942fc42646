// What the routes read: one snapshot of the catalogue (a manifest and everything derived from
// it), cached per store and content hash so that a request pays only for its own work.
import type { VocabularyCounts } from 'colophon-content'
import { loadSearchIndex } from 'colophon-content/search'
import {
  LruCache,
  OUTPUT_FILES,
  type Snapshot,
  type SnapshotManifest,
} from 'colophon-content/snapshot'
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'
import type { CatalogueStore } from './store/store.ts'

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

const decoder = new TextDecoder()

/**
 * A catalogue snapshot as the routes see it: its manifest, settings and vocabularies (small,
 * read when it opens), everything else read from the snapshot's pieces on demand. Only
 * resolved values are kept: requests never wait on another request's promise.
 */
export class Catalogue {
  readonly snapshot: Snapshot
  readonly storeKind: string
  readonly manifest: SnapshotManifest
  readonly settings: CatalogueSettings
  readonly vocabularies: VocabularyCounts
  #summaries: readonly ReportSummary[] | undefined
  #position: Map<string, number> | undefined
  #titleOrder: Uint32Array | undefined
  #dateBounds: { lo: string[]; hi: string[] } | undefined
  #search: SearchIndex | undefined
  readonly #rendered = new LruCache<string, string>(RENDER_CACHE_SIZE)
  readonly #memo = new Map<string, unknown>()
  readonly #hits = new LruCache<string, number[]>(SEARCH_CACHE_SIZE)

  constructor(
    snapshot: Snapshot,
    storeKind: string,
    data: Pick<Catalogue, 'settings' | 'vocabularies'>,
  ) {
    this.snapshot = snapshot
    this.storeKind = storeKind
    this.manifest = snapshot.manifest
    this.settings = data.settings
    this.vocabularies = data.vocabularies
  }

  get reportCount(): number {
    return this.manifest.reportCount
  }

  report(slug: string): Promise<CompiledReport | undefined> {
    return this.snapshot.report(slug)
  }

  /** A report's content hash (its strong ETag), or undefined for an unknown slug. */
  reportHash(slug: string): Promise<string | undefined> {
    return this.snapshot.reportHash(slug)
  }

  /** The slug of the report with this normalized identifier. */
  async lookup(kind: 'isbn' | 'doi', normalized: string): Promise<string | undefined> {
    const id = await this.snapshot.lookup(kind, normalized)
    return id === undefined ? undefined : this.snapshot.slugAt(id)
  }

  /** The newest `count` summaries (the feed, a first page): one block read. */
  newest(count: number): Promise<ReportSummary[]> {
    return this.snapshot.summaries(0, count)
  }

  /**
   * Every summary, newest first, read from the blocks once per snapshot. What the in-memory
   * list and search need until they work from the compact columns.
   */
  async allSummaries(): Promise<readonly ReportSummary[]> {
    if (this.#summaries) return this.#summaries
    const all: ReportSummary[] = []
    for await (const summary of this.snapshot.allSummaries()) all.push(summary)
    this.#summaries ??= all
    return this.#summaries
  }

  /** The summaries, once `allSummaries()` has been awaited. */
  get summaries(): readonly ReportSummary[] {
    if (!this.#summaries) throw new Error('Catalogue: await allSummaries() first')
    return this.#summaries
  }

  /**
   * A rendered representation, cached: a snapshot never changes, so neither does a report's
   * BibTeX or JSON. Bounded (least recently used out first).
   */
  async rendered(
    key: string,
    render: () => Promise<string | undefined>,
  ): Promise<string | undefined> {
    const cached = this.#rendered.get(key)
    if (cached !== undefined) return cached
    const value = await render()
    if (value !== undefined) this.#rendered.set(key, value)
    return value
  }

  /**
   * Positions of the reports matching a full-text query, best first; the most recent
   * SEARCH_CACHE_SIZE queries are kept (typing a query repeats its prefixes).
   */
  async searchHits(q: string): Promise<number[]> {
    const key = q.toLowerCase().replace(/\s+/g, ' ')
    const cached = this.#hits.get(key)
    if (cached) return cached
    const index = await this.search()
    await this.allSummaries()
    const positions: number[] = []
    for (const hit of searchIndex(index, q)) {
      const position = this.position.get(hit.id as string)
      if (position !== undefined) positions.push(position)
    }
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

  /** The MiniSearch index, loaded from its piece once per snapshot (resolved, never shared in flight). */
  async search(): Promise<SearchIndex> {
    if (this.#search) return this.#search
    const bytes = await this.snapshot.piece(OUTPUT_FILES.searchIndex)
    if (!bytes) throw new Error('this snapshot has no search index')
    const index = loadSearchIndex(decoder.decode(bytes))
    this.#search ??= index
    return this.#search
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

// One Catalogue per snapshot (per content hash) and public URL, kept once resolved.
const catalogues = new WeakMap<Snapshot, Map<string, Catalogue>>()

/**
 * The current catalogue of `store`: a new one only when the snapshot (content hash) changes.
 *
 * @example
 * const catalogue = await openCatalogue(new BundledStore(bundled))
 */
export async function openCatalogue(store: CatalogueStore, publicUrl?: string): Promise<Catalogue> {
  const snapshot = await store.snapshot()
  let byUrl = catalogues.get(snapshot)
  if (!byUrl) {
    byUrl = new Map()
    catalogues.set(snapshot, byUrl)
  }
  // Catalogues (and their rendered caches) are kept apart per public URL.
  const key = publicUrl ?? ''
  const cached = byUrl.get(key)
  if (cached) return cached
  const [settings, vocabularies] = await Promise.all([snapshot.settings(), snapshot.vocabularies()])
  const catalogue = new Catalogue(snapshot, store.kind, {
    settings: publicUrl ? { ...settings, baseUrl: publicUrl } : settings,
    vocabularies,
  })
  const existing = byUrl.get(key)
  if (existing) return existing
  byUrl.set(key, catalogue)
  return catalogue
}
