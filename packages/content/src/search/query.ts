// The query: full text (AND, prefix on the last word, typo fallback, identifiers exact) into
// dense accumulators, then filters and facet counts over the columns (bitsets), then sort
// and page with a top-k heap. Work per request is bounded: the query's length and term
// count are capped, a prefix expands to a bounded number of terms, and the typo fallback
// scans a bounded slice of the dictionary.

import { IDENTIFIER_IMPACT } from './build-index.ts'
import { compareBytes, utf8 } from './bytes.ts'
import {
  type CategoryColumn,
  type Columns,
  type MultiColumn,
  NONE,
  type NumberColumn,
} from './columns.ts'
import { identifierKey } from './identifiers.ts'
import { queryLimitProblem, SearchLimitError } from './limits.ts'
import type { SearchIndexReader } from './pieces.ts'
import { tokenizeQuery } from './tokenize.ts'
import { boundedDistance } from './typo.ts'

export type SearchSort = 'relevance' | 'newest' | 'oldest' | 'title'

export interface TextOptions {
  /** Most dictionary terms a prefix expands to (the most frequent first). Default 50. */
  prefixTerms?: number
  /** Shortest last word expanded as a prefix. Default 2. */
  minPrefix?: number
  /** Whether to try close spellings when the query finds nothing. Default true. */
  typos?: boolean
  /** Most dictionary terms the typo fallback compares per word. Default 20,000. */
  typoScan?: number
}

/** Documents matching a text query, ascending by id, with their scores. */
export interface TextHits {
  docs: Uint32Array
  scores: Float32Array
  /** Whether the typo fallback produced these hits. */
  corrected: boolean
}

export interface SearchRequest {
  text?: string
  /** Column name → values; a document matches a filter holding any of them. */
  filters?: Record<string, readonly string[]>
  /** Inclusive bounds (yyyymmdd) against the `dateLo` / `dateHi` columns. */
  dateRange?: { from?: number; to?: number }
  /** Category or multi columns to count; each is counted without its own filter. */
  facets?: readonly string[]
  sort?: SearchSort
  offset?: number
  limit?: number
}

export interface SearchResult {
  total: number
  /** Doc ids of the requested page, in order. */
  ids: number[]
  /** Per facet column, value → count (values counted 0 are left out). */
  facets: Record<string, Map<string, number>>
}

interface Word {
  terms: number[]
  /** Docs from the identifier lookup instead of terms. */
  docs?: Uint32Array
  df: number
}

const BITSET_CACHE = 64

interface Counter {
  name: string
  column: CategoryColumn | MultiColumn
  counts: Uint32Array
}

/**
 * Searches one catalogue: a search index (optional: without one, text queries find
 * nothing) and its columns, doc ids agreeing.
 *
 * @example
 * const engine = new SearchEngine(await openSearchIndex(read), await openColumns(read))
 * const { total, ids, facets } = await engine.search({ text: 'factory asi', facets: ['type'] })
 */
export class SearchEngine {
  readonly index: SearchIndexReader | undefined
  readonly columns: Columns
  readonly #n: number
  readonly #count: Uint8Array
  readonly #score: Float32Array
  readonly #last: Float32Array
  readonly #scratch: Uint32Array
  readonly #bitsets = new Map<string, Uint32Array>()
  readonly #options: Required<TextOptions>
  #allFacets: Map<string, Record<string, Map<string, number>>> = new Map()
  #titleOrder: Uint32Array | undefined

  constructor(index: SearchIndexReader | undefined, columns: Columns, options: TextOptions = {}) {
    if (index && index.docCount !== columns.count)
      throw new Error(`search index has ${index.docCount} documents, columns ${columns.count}`)
    this.index = index
    this.columns = columns
    this.#n = columns.count
    this.#count = new Uint8Array(this.#n)
    this.#score = new Float32Array(this.#n)
    this.#last = new Float32Array(this.#n)
    this.#scratch = new Uint32Array(this.#n)
    this.#options = { prefixTerms: 50, minPrefix: 2, typos: true, typoScan: 20_000, ...options }
  }

  /** Full text and filters, facets, sort and page in one call. */
  async search(request: SearchRequest): Promise<SearchResult> {
    const text = request.text?.trim()
    const hits = text ? await this.matchText(text) : undefined
    return this.select(request, hits)
  }

  /**
   * The documents matching `text`: every word (AND), the last one also as a prefix while
   * typed, identifiers exactly. When that finds nothing, close spellings of the words.
   * Throws `SearchLimitError` for a query over the limits.
   */
  async matchText(text: string, options: TextOptions = {}): Promise<TextHits> {
    const o = { ...this.#options, ...options }
    const index = this.index
    const empty: TextHits = {
      docs: new Uint32Array(0),
      scores: new Float32Array(0),
      corrected: false,
    }
    const tooLong = queryLimitProblem(text, 0)
    if (tooLong) throw new SearchLimitError(tooLong)
    if (!index) return empty
    // Chunks with a digit may be stock numbers: look them up before splitting into words.
    const stockKeys = (text.match(/\S*\d\S*/g) ?? [])
      .map((chunk) => identifierKey('stock', chunk))
      .filter((k): k is string => k !== undefined)
    const stock = stockKeys.length ? await index.identifiers(stockKeys) : new Map()
    const tokens = tokenizeQuery(text, (key) => stock.has(key))
    const overLimit = queryLimitProblem(text, tokens.count)
    if (overLimit) throw new SearchLimitError(overLimit)
    if (tokens.words.length + tokens.identifiers.length === 0) return empty
    const identifierDocs = await index.identifiers(tokens.identifiers.filter((k) => !stock.has(k)))
    for (const [k, v] of stock) identifierDocs.set(k, v)
    if (identifierDocs.size < tokens.identifiers.length) return empty

    const words: Word[] = tokens.identifiers.map((k) => {
      const docs = identifierDocs.get(k) as Uint32Array
      return { terms: [], docs, df: docs.length }
    })
    const lastWord = tokens.words.length - 1
    const textWords = tokens.words.map((w, i) =>
      this.#resolve(w, i === lastWord && tokens.lastIsPrefix, o),
    )
    let hits = await this.#accumulate([...words, ...textWords])
    if (hits.docs.length > 0 || !o.typos) return hits
    // The fallback: each word of four letters or more also matches its close spellings.
    let changed = false
    const corrected = textWords.map((word, i) => {
      const w = tokens.words[i] as string
      if (w.length < 4 || /^\d+$/.test(w)) return word
      const near = this.#closeTerms(w, o.typoScan)
      if (near.length === 0) return word
      changed = true
      const terms = [...new Set([...word.terms, ...near])]
      return { terms, df: terms.reduce((n, t) => n + (index.df[t] as number), 0) }
    })
    if (!changed) return hits
    hits = await this.#accumulate([...words, ...corrected])
    return { ...hits, corrected: true }
  }

  #resolve(word: string, prefix: boolean, o: Required<TextOptions>): Word {
    const index = this.index as SearchIndexReader
    const exact = index.find(word)
    const terms = exact >= 0 ? [exact] : []
    if (prefix && word.length >= o.minPrefix) {
      const [from, to] = index.prefixRange(word)
      const candidates: number[] = []
      for (let t = from; t < to; t++) if (t !== exact) candidates.push(t)
      if (candidates.length > o.prefixTerms)
        candidates.sort((a, b) => (index.df[b] as number) - (index.df[a] as number) || a - b)
      for (const t of candidates.slice(0, o.prefixTerms)) terms.push(t)
    }
    return { terms, df: terms.reduce((n, t) => n + (index.df[t] as number), 0) }
  }

  /** Terms within one edit (two from eight letters) of `word`, most frequent first, up to 8. */
  #closeTerms(word: string, scan: number): number[] {
    const index = this.index as SearchIndexReader
    const key = utf8.encode(word)
    const max = key.length >= 8 ? 2 : 1
    // The terms sharing the first letter: a typo there is rarer, and the range is contiguous.
    const [from, to] = index.prefixRange(word.slice(0, 1))
    const found: number[] = []
    for (let t = from; t < Math.min(to, from + scan); t++) {
      const [blob, s, e] = index.termRange(t)
      if (Math.abs(e - s - key.length) > max) continue
      if (compareBytes(blob, s, e, key) === 0) continue
      if (boundedDistance(blob, s, e, key, max) <= max) found.push(t)
    }
    found.sort((a, b) => (index.df[b] as number) - (index.df[a] as number) || a - b)
    return found.slice(0, 8)
  }

  /** AND over words: a word's score in a doc is its best term's impact; scores add up. */
  async #accumulate(words: Word[]): Promise<TextHits> {
    const index = this.index as SearchIndexReader
    const none: TextHits = {
      docs: new Uint32Array(0),
      scores: new Float32Array(0),
      corrected: false,
    }
    if (words.some((w) => w.df === 0)) return none
    words.sort((a, b) => a.df - b.df)
    const loaded = await index.load(words.flatMap((w) => w.terms))
    // Synchronous from here on: the shared accumulators are never seen half-filled by
    // another request.
    const count = this.#count
    const score = this.#score
    const last = this.#last
    const scratch = this.#scratch
    const candidates: number[] = []
    const visit = (i: number, d: number, impact: number) => {
      const c = count[d] as number
      if (c === i - 1) {
        count[d] = i
        last[d] = impact
        score[d] = (i === 1 ? 0 : (score[d] as number)) + impact
        if (i === 1) candidates.push(d)
      } else if (c === i && impact > (last[d] as number)) {
        score[d] = (score[d] as number) + impact - (last[d] as number)
        last[d] = impact
      }
    }
    words.forEach((word, w) => {
      const i = w + 1
      if (word.docs) {
        for (const d of word.docs) visit(i, d, IDENTIFIER_IMPACT)
        return
      }
      for (const t of word.terms) {
        const { bytes, start, df } = loaded.postings(t)
        let p = start
        let d = -1
        for (let j = 0; j < df; j++) {
          let v = 0
          let shift = 0
          let b: number
          do {
            b = bytes[p++] as number
            v |= (b & 0x7f) << shift
            shift += 7
          } while (b & 0x80)
          d += v + 1
          scratch[j] = d
        }
        for (let j = 0; j < df; j++) visit(i, scratch[j] as number, bytes[p + j] as number)
      }
    })
    const n = words.length
    const docs: number[] = []
    for (const d of candidates) {
      if (count[d] === n) docs.push(d)
    }
    const sorted = Uint32Array.from(docs).sort()
    const scores = new Float32Array(sorted.length)
    sorted.forEach((d, j) => {
      scores[j] = score[d] as number
    })
    for (const d of candidates) {
      count[d] = 0
      score[d] = 0
      last[d] = 0
    }
    return { docs: sorted, scores, corrected: false }
  }

  /** Which docs a filter keeps, as a bitset (cached: the same filters come back often). */
  #bitset(name: string, values: readonly string[]): Uint32Array {
    const key = `${name}=${[...values].sort().join(',')}`
    const cached = this.#bitsets.get(key)
    if (cached) return cached
    const column = this.columns.columns[name]
    if (!column || column.kind === 'number') throw new Error(`no category column ${name}`)
    const wanted = new Uint8Array(column.dictionary.length + 1)
    const codeOf = new Map(column.dictionary.map((v, i) => [v, i]))
    for (const v of values) {
      const c = codeOf.get(v)
      if (c !== undefined) wanted[c] = 1
    }
    const bits = new Uint32Array((this.#n + 31) >>> 5)
    if (column.kind === 'category') {
      for (let d = 0; d < this.#n; d++) {
        const c = column.codes[d] as number
        if (c !== NONE && wanted[c]) bits[d >>> 5] = (bits[d >>> 5] as number) | (1 << (d & 31))
      }
    } else {
      for (let d = 0; d < this.#n; d++) {
        for (let p = column.offsets[d] as number; p < (column.offsets[d + 1] as number); p++) {
          if (wanted[column.codes[p] as number]) {
            bits[d >>> 5] = (bits[d >>> 5] as number) | (1 << (d & 31))
            break
          }
        }
      }
    }
    if (this.#bitsets.size >= BITSET_CACHE)
      this.#bitsets.delete(this.#bitsets.keys().next().value as string)
    this.#bitsets.set(key, bits)
    return bits
  }

  #counters(facets: readonly string[]): Counter[] {
    return facets.map((name) => {
      const column = this.columns.columns[name]
      if (!column || column.kind === 'number') throw new Error(`no category column ${name}`)
      return { name, column, counts: new Uint32Array(column.dictionary.length) }
    })
  }

  /** Filters, facets, sort and page over the text hits (or every document). */
  select(request: SearchRequest, hits?: TextHits): SearchResult {
    const sort = request.sort ?? (hits ? 'relevance' : 'newest')
    const offset = request.offset ?? 0
    const limit = request.limit ?? 20
    const facetNames = request.facets ?? []
    const filters = Object.entries(request.filters ?? {})
    const range = request.dateRange
    const lo = range ? (this.columns.columns.dateLo as NumberColumn | undefined)?.values : undefined
    const hi = range ? (this.columns.columns.dateHi as NumberColumn | undefined)?.values : undefined
    if (range && (!lo || !hi)) throw new Error('date range filter without dateLo/dateHi columns')
    const from = range?.from ?? 0
    const to = range?.to ?? Number.POSITIVE_INFINITY
    const counters = this.#counters(facetNames)

    if (!hits && filters.length === 0 && !range) {
      return {
        total: this.#n,
        ids: this.#page(sort, offset, limit),
        facets: this.#unfilteredFacets(facetNames),
      }
    }

    const bitsets = filters.map(([name, values]) => this.#bitset(name, values))
    const filterIndex = filters.map(([name]) => facetNames.indexOf(name))
    const has = (bits: Uint32Array, d: number) => ((bits[d >>> 5] as number) >>> (d & 31)) & 1
    const countDoc = (k: number, d: number) => {
      const counter = counters[k]
      if (!counter) return
      const { column, counts } = counter
      if (column.kind === 'category') {
        const c = column.codes[d] as number
        if (c !== NONE) counts[c] = (counts[c] as number) + 1
      } else {
        for (let p = column.offsets[d] as number; p < (column.offsets[d + 1] as number); p++) {
          const c = column.codes[p] as number
          counts[c] = (counts[c] as number) + 1
        }
      }
    }
    const total = hits ? hits.docs.length : this.#n
    const matches = new Uint32Array(total)
    const matchScores = hits ? new Float32Array(total) : undefined
    let m = 0
    for (let i = 0; i < total; i++) {
      const d = hits ? (hits.docs[i] as number) : i
      if (lo && hi && ((hi[d] as number) < from || (lo[d] as number) > to)) continue
      // No filter failed → a match; exactly one → it still counts for that filter's facet.
      let failed = -1
      let failures = 0
      for (let f = 0; f < bitsets.length; f++) {
        if (!has(bitsets[f] as Uint32Array, d)) {
          failed = f
          if (++failures > 1) break
        }
      }
      if (failures === 0) {
        if (matchScores) matchScores[m] = (hits as TextHits).scores[i] as number
        matches[m++] = d
        for (let k = 0; k < counters.length; k++) countDoc(k, d)
      } else if (failures === 1) {
        const k = filterIndex[failed] as number
        if (k >= 0) countDoc(k, d)
      }
    }
    const ids = this.#order(
      sort,
      matches.subarray(0, m),
      matchScores?.subarray(0, m),
      offset,
      limit,
    )
    return { total: m, ids, facets: this.#facetMaps(counters) }
  }

  #facetMaps(counters: Counter[]): Record<string, Map<string, number>> {
    const out: Record<string, Map<string, number>> = {}
    for (const { name, column, counts } of counters) {
      const map = new Map<string, number>()
      counts.forEach((n, c) => {
        if (n > 0) map.set(column.dictionary[c] as string, n)
      })
      out[name] = map
    }
    return out
  }

  #unfilteredFacets(names: readonly string[]): Record<string, Map<string, number>> {
    const key = names.join(',')
    let facets = this.#allFacets.get(key)
    if (!facets) {
      const counters = this.#counters(names)
      for (const { column, counts } of counters) {
        if (column.kind === 'category') {
          for (const c of column.codes) if (c !== NONE) counts[c] = (counts[c] as number) + 1
        } else for (const c of column.codes) counts[c] = (counts[c] as number) + 1
      }
      facets = this.#facetMaps(counters)
      if (this.#allFacets.size > 16) this.#allFacets = new Map()
      this.#allFacets.set(key, facets)
    }
    return facets
  }

  /** Doc ids in title order (from the `titleRank` column). */
  get titleOrder(): Uint32Array {
    if (!this.#titleOrder) {
      const rank = this.#rank()
      const order = new Uint32Array(this.#n)
      rank.forEach((r, d) => {
        order[r] = d
      })
      this.#titleOrder = order
    }
    return this.#titleOrder
  }

  #rank(): NumberColumn['values'] {
    const column = this.columns.columns.titleRank
    if (column?.kind !== 'number') throw new Error('no titleRank column')
    return column.values
  }

  /** A page of every document. */
  #page(sort: SearchSort, offset: number, limit: number): number[] {
    const end = Math.min(this.#n, offset + limit)
    const ids: number[] = []
    for (let i = offset; i < end; i++) {
      ids.push(
        sort === 'oldest' ? this.#n - 1 - i : sort === 'title' ? (this.titleOrder[i] as number) : i,
      )
    }
    return ids
  }

  /** A page of `docs` (ascending ids) in the requested order: top-k by heap where needed. */
  #order(
    sort: SearchSort,
    docs: Uint32Array,
    scores: Float32Array | undefined,
    offset: number,
    limit: number,
  ): number[] {
    const end = Math.min(docs.length, offset + limit)
    if (offset >= end) return []
    if (sort === 'newest' || (sort === 'relevance' && !scores))
      return Array.from(docs.subarray(offset, end))
    if (sort === 'oldest') {
      const ids: number[] = []
      for (let i = offset; i < end; i++) ids.push(docs[docs.length - 1 - i] as number)
      return ids
    }
    // Positions into `docs`; `better(a, b)`: a sorts before b.
    const rank = sort === 'title' ? this.#rank() : undefined
    const better =
      sort === 'title'
        ? (a: number, b: number) =>
            ((rank as NumberColumn['values'])[docs[a] as number] as number) <
            ((rank as NumberColumn['values'])[docs[b] as number] as number)
        : (a: number, b: number) => {
            const sa = (scores as Float32Array)[a] as number
            const sb = (scores as Float32Array)[b] as number
            return sa > sb || (sa === sb && a < b)
          }
    return topK(docs.length, end, better)
      .slice(offset)
      .map((i) => docs[i] as number)
  }
}

/**
 * The first `k` of `0 … n-1` under `better`, in order: a heap of size k whose root is the
 * worst kept, so each candidate costs O(log k).
 */
export function topK(n: number, k: number, better: (a: number, b: number) => boolean): number[] {
  const heap = new Uint32Array(k)
  let size = 0
  // Root = worst: parent must not be better than child.
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let worst = i
      if (l < size && better(heap[worst] as number, heap[l] as number)) worst = l
      if (r < size && better(heap[worst] as number, heap[r] as number)) worst = r
      if (worst === i) return
      const t = heap[i] as number
      heap[i] = heap[worst] as number
      heap[worst] = t
      i = worst
    }
  }
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >>> 1
      if (!better(heap[parent] as number, heap[i] as number)) return
      const t = heap[i] as number
      heap[i] = heap[parent] as number
      heap[parent] = t
      i = parent
    }
  }
  for (let x = 0; x < n; x++) {
    if (size < k) {
      heap[size] = x
      up(size++)
    } else if (k > 0 && better(x, heap[0] as number)) {
      heap[0] = x
      down(0)
    }
  }
  return Array.from(heap.subarray(0, size)).sort((a, b) =>
    better(a, b) ? -1 : better(b, a) ? 1 : 0,
  )
}
