// What the routes read: one catalogue per snapshot (per content hash): its manifest, settings
// and vocabularies at hand, everything else read from the snapshot's pieces on demand through
// bounded caches, so that a 100,000-report catalogue fits a Worker. Only resolved values are
// kept: a request never waits on a promise another request started (the Workers runtime
// cancels those).
import {
  openColumns,
  openSearchIndex,
  type ReadPiece,
  SearchEngine,
  type TextHits,
} from 'colophon-content/search'
import {
  LruCache,
  type Snapshot,
  type SnapshotManifest,
  type VocabularyCounts,
} from 'colophon-content/snapshot'
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'
import type { CatalogueStore } from './store/store.ts'

/** How many full-text queries' hits a snapshot keeps. */
export const SEARCH_CACHE_SIZE = 1_000

/** The cache key of a query: case and runs of spaces do not matter; a trailing space does. */
export function queryKey(q: string): string {
  return q.toLowerCase().replace(/\s+/g, ' ').trimStart()
}

/** How many rendered reports (any format) a snapshot keeps. */
export const RENDER_CACHE_SIZE = 2_000

/**
 * A catalogue snapshot as the routes see it.
 *
 * @example
 * const catalogue = await openCatalogue(store)
 * await catalogue.report('beyond-factory-asia')
 */
export class Catalogue {
  readonly snapshot: Snapshot
  readonly storeKind: string
  readonly manifest: SnapshotManifest
  readonly settings: CatalogueSettings
  readonly vocabularies: VocabularyCounts
  #engine: SearchEngine | undefined
  readonly #rendered = new LruCache<string, string>(RENDER_CACHE_SIZE)
  readonly #memo = new Map<string, unknown>()
  readonly #hits = new LruCache<string, TextHits>(SEARCH_CACHE_SIZE)

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

  /** Summaries by doc id (a page of results), from their blocks. */
  summariesOf(docIds: ArrayLike<number>): Promise<ReportSummary[]> {
    return this.snapshot.summariesOf(docIds)
  }

  /** The newest `count` summaries (the feed): one block read. */
  newest(count: number): Promise<ReportSummary[]> {
    return this.snapshot.summaries(0, count)
  }

  /** Every summary, newest first, block by block (the sitemap). Not kept. */
  async allSummaries(): Promise<ReportSummary[]> {
    const all: ReportSummary[] = []
    for await (const summary of this.snapshot.allSummaries()) all.push(summary)
    return all
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
   * The reports matching a full-text query (ids = doc ids), with scores; the most recent
   * SEARCH_CACHE_SIZE queries are kept (typing a query repeats its prefixes). Throws the
   * engine's `SearchLimitError` for a query over its limits.
   */
  async textHits(q: string): Promise<{ hits: TextHits; cached: boolean }> {
    const key = queryKey(q)
    const cached = this.#hits.get(key)
    if (cached) return { hits: cached, cached: true }
    const engine = await this.engine()
    const hits = await engine.matchText(key)
    this.#hits.set(key, hits)
    return { hits, cached: false }
  }

  /**
   * The search engine over the snapshot's search and column pieces. Only the resolved engine
   * is kept; its term shards load on demand.
   */
  async engine(): Promise<SearchEngine> {
    if (this.#engine) return this.#engine
    const read: ReadPiece = (name) => this.snapshot.piece(name)
    const [index, columns] = await Promise.all([openSearchIndex(read), openColumns(read)])
    this.#engine ??= new SearchEngine(index, columns)
    return this.#engine
  }

  /** A value derived from this snapshot alone, computed once. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.#memo.has(key)) this.#memo.set(key, compute())
    return this.#memo.get(key) as T
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
 * const catalogue = await openCatalogue(new FolderStore('dist/catalogue'))
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
  const existing = byUrl.get(key)
  if (existing) return existing
  const catalogue = new Catalogue(snapshot, store.kind, {
    settings: publicUrl ? { ...settings, baseUrl: publicUrl } : settings,
    vocabularies,
  })
  byUrl.set(key, catalogue)
  return catalogue
}
