// What the routes read: one snapshot of the catalogue (a manifest and everything derived from
// it), cached per store and content hash so that a request pays only for its own work.
import type { Tombstone, VocabularyCounts } from 'colophon-content'
import type { SearchEngine, TextHits } from 'colophon-content/search'
import { LruCache, type Snapshot, type SnapshotManifest } from 'colophon-content/snapshot'
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'
import { loadSearchEngine } from './search-engine.ts'
import type { CatalogueStore } from './store/store.ts'

/** How many full-text queries' hits a snapshot keeps. */
export const SEARCH_CACHE_SIZE = 1_000

/** The cache key of a query: case and runs of spaces do not matter; a trailing space does. */
export function queryKey(q: string): string {
  return q.toLowerCase().replace(/\s+/g, ' ').trimStart()
}

/** How many reports' content hashes (their ETags) a snapshot keeps: ~60 bytes each. */
export const HASH_CACHE_SIZE = 20_000

/**
 * How many summaries (by doc id) a snapshot keeps apart from its blocks: a page of search
 * hits comes from up to 20 blocks, and parsing 20 blocks of 100 for 20 summaries is what
 * made a search over HTTP cost 100 times the search itself.
 */
export const SUMMARY_CACHE_SIZE = 5_000

/** How many rendered reports (any format) a snapshot keeps. */
export const RENDER_CACHE_SIZE = 5_000

/**
 * The memory the bodies of a snapshot's kept answers may take (see `stringBytes`): ~3,600
 * reports of 4.4 KB, a fraction of a Worker's 128 MB.
 */
export const ANSWER_CACHE_BYTES = 16 << 20

/**
 * A whole 200 answer kept for a request that asks for it again: its body and every header
 * the app set on it. Served without awaiting anything (see kept-answers.ts).
 */
export interface CachedAnswer {
  /** The text the route rendered (its weight: see `stringBytes`). */
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
}

/**
 * The memory a string's characters take in V8: one byte each, or two for all of them when
 * one is beyond Latin-1 (a name's "ł").
 */
function stringBytes(text: string): number {
  return /[\u0100-\uffff]/.test(text) ? text.length * 2 : text.length
}

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
  /** Withdrawn reports by slug: a 410, a deleted OAI record; out of lists and search. */
  readonly withdrawn: Readonly<Record<string, Tombstone>>
  #summaries: readonly ReportSummary[] | undefined
  #engine: SearchEngine | undefined
  readonly #rendered = new LruCache<string, string>(RENDER_CACHE_SIZE)
  readonly #hits = new LruCache<string, TextHits>(SEARCH_CACHE_SIZE)
  readonly #memo = new Map<string, unknown>()
  readonly #hashes = new LruCache<string, string>(HASH_CACHE_SIZE)
  readonly #summaryCache = new LruCache<number, ReportSummary>(SUMMARY_CACHE_SIZE)
  readonly #answers = new LruCache<string, CachedAnswer>(RENDER_CACHE_SIZE, {
    maxWeight: ANSWER_CACHE_BYTES,
    weigh: (answer) => stringBytes(answer.body),
  })

  constructor(
    snapshot: Snapshot,
    storeKind: string,
    data: Pick<Catalogue, 'settings' | 'vocabularies' | 'withdrawn'>,
  ) {
    this.snapshot = snapshot
    this.storeKind = storeKind
    this.manifest = snapshot.manifest
    this.settings = data.settings
    this.vocabularies = data.vocabularies
    this.withdrawn = data.withdrawn
  }

  /** The tombstone of a withdrawn report (own keys only: "constructor" is no slug). */
  tombstone(slug: string): Tombstone | undefined {
    return Object.hasOwn(this.withdrawn, slug) ? this.withdrawn[slug] : undefined
  }

  get reportCount(): number {
    return this.manifest.reportCount
  }

  report(slug: string): Promise<CompiledReport | undefined> {
    return this.snapshot.report(slug)
  }

  /** A report's content hash (its strong ETag), or undefined for an unknown slug. */
  async reportHash(slug: string): Promise<string | undefined> {
    // Kept apart from the snapshot's pieces: a hot report's ETag needs no block parsed again
    // once its slug shard and summaries block have left the snapshot's small LRU.
    const cached = this.#hashes.get(slug)
    if (cached !== undefined) return cached
    const hash = await this.snapshot.reportHash(slug)
    if (hash !== undefined) this.#hashes.set(slug, hash)
    return hash
  }

  /** The slug of the report with this normalized identifier. */
  async lookup(kind: 'isbn' | 'doi', normalized: string): Promise<string | undefined> {
    const id = await this.snapshot.lookup(kind, normalized)
    return id === undefined ? undefined : this.snapshot.slugAt(id)
  }

  /** The summaries of these doc ids, in order; each block is read at most once per call. */
  async summariesOf(docIds: readonly number[]): Promise<ReportSummary[]> {
    const found = new Map<number, ReportSummary>()
    for (const id of docIds) {
      const cached = this.#summaryCache.get(id)
      if (cached) found.set(id, cached)
    }
    // Misses in doc-id order: the snapshot then reads each block once.
    const missing = [...new Set(docIds.filter((id) => !found.has(id)))].sort((a, b) => a - b)
    const read = await this.snapshot.summariesOf(missing)
    missing.forEach((id, i) => {
      const summary = read[i] as ReportSummary
      found.set(id, summary)
      this.#summaryCache.set(id, summary)
    })
    return docIds.map((id) => found.get(id) as ReportSummary)
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
   * A value derived from the snapshot (an order, the OAI items), computed once: a snapshot
   * never changes. Synchronous, so no promise is ever shared between requests.
   */
  memo<T>(key: string, make: () => T): T {
    if (this.#memo.has(key)) return this.#memo.get(key) as T
    const value = make()
    this.#memo.set(key, value)
    return value
  }

  /**
   * The answer kept for this request key (what a route makes of the request's path and the
   * headers it reads), or undefined. Synchronous: a hot report is answered without a single
   * await, which is most of what a lookup costs once everything else is cached.
   */
  answer(key: string): CachedAnswer | undefined {
    return this.#answers.get(key)
  }

  /** Keeps an answer for `answer(key)`; bounded (least recently used out first). */
  keepAnswer(key: string, answer: CachedAnswer): void {
    this.#answers.set(key, answer)
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
   * The reports matching a full-text query (ids = doc ids, positions in the newest-first
   * list), with scores; the most recent SEARCH_CACHE_SIZE queries are kept (typing a query
   * repeats its prefixes). Throws the engine's `SearchLimitError` for a query over its limits.
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
   * The search engine (index and columns), opened once per snapshot. Only the resolved
   * engine is kept: a promise shared between requests is cancelled by the Workers runtime
   * with the request that made it.
   */
  async engine(): Promise<SearchEngine> {
    if (this.#engine) return this.#engine
    const engine = await loadSearchEngine(this.snapshot, this.settings, () => this.allSummaries())
    this.#engine ??= engine
    return this.#engine
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
 * The catalogue `openCatalogue` would give, when it is known without waiting: the store
 * trusts its snapshot and the catalogue has been opened before. Else undefined.
 *
 * @example
 * const catalogue = currentCatalogue(store) ?? (await openCatalogue(store))
 */
export function currentCatalogue(store: CatalogueStore, publicUrl?: string): Catalogue | undefined {
  const snapshot = store.current?.()
  return snapshot && catalogues.get(snapshot)?.get(publicUrl ?? '')
}

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
  const [settings, vocabularies, withdrawn] = await Promise.all([
    snapshot.settings(),
    snapshot.vocabularies(),
    snapshot.withdrawn(),
  ])
  const catalogue = new Catalogue(snapshot, store.kind, {
    settings: publicUrl ? { ...settings, baseUrl: publicUrl } : settings,
    vocabularies,
    withdrawn,
  })
  const existing = byUrl.get(key)
  if (existing) return existing
  byUrl.set(key, catalogue)
  return catalogue
}
