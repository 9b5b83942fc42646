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
import type { LoadedPostings, SearchIndexReader } from './pieces.ts'
import { tokenizeQuery } from './tokenize.ts'
import { boundedDistance } from './typo.ts'

export type SearchSort = 'relevance' | 'newest' | 'oldest' | 'title' | 'changed'

/** The rank column behind each sort that is neither by doc id nor by score. */
const RANK_COLUMN = { title: 'titleRank', changed: 'changedRank' } as const
type RankedSort = keyof typeof RANK_COLUMN

export interface TextOptions {
  /** Most dictionary terms a prefix expands to (the most frequent first). Default 50. */
  prefixTerms?: number
  /**
   * Most postings a prefix's expansion may add up to, as a multiple of the document count
   * (bounded work for a one- or two-letter prefix, or a common word typed whole). Default 1.
   */
  prefixPostings?: number
  /**
   * A last word that is itself a term in at least this share of the documents is taken as
   * typed whole and not expanded: "water" finds water, not also waters and watershed, which
   * would add cost and nothing a reader could tell apart. Default 0.1.
   */
  wholeWordShare?: number
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
  /** Only documents modified at or after this time (Unix seconds), against `modified`. */
  changedSince?: number
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
  readonly #candidates: Uint32Array
  readonly #bitsets = new Map<string, Uint32Array>()
  readonly #options: Required<TextOptions>
  #allFacets: Map<string, Record<string, Map<string, number>>> = new Map()
  readonly #orders = new Map<RankedSort, Uint32Array>()

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
    this.#candidates = new Uint32Array(this.#n)
    this.#options = {
      prefixTerms: 50,
      prefixPostings: 1,
      wholeWordShare: 0.1,
      minPrefix: 2,
      typos: true,
      typoScan: 20_000,
      ...options,
    }
  }

  /** Full text and filters, facets, sort and page in one call. */
  async search(request: SearchRequest): Promise<SearchResult> {
    // Untrimmed: a trailing space says the last word is complete (no prefix).
    const text = request.text
    const hits = text?.trim() ? await this.matchText(text) : undefined
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
    const whole = exact >= 0 && (index.df[exact] as number) >= o.wholeWordShare * this.#n
    if (prefix && word.length >= o.minPrefix && !whole) {
      const [from, to] = index.prefixRange(word)
      const candidates: number[] = []
      for (let t = from; t < to; t++) if (t !== exact) candidates.push(t)
      candidates.sort((a, b) => (index.df[b] as number) - (index.df[a] as number) || a - b)
      let postings = exact >= 0 ? (index.df[exact] as number) : 0
      const budget = o.prefixPostings * this.#n
      for (const t of candidates) {
        if (terms.length >= o.prefixTerms + (exact >= 0 ? 1 : 0)) break
        postings += index.df[t] as number
        if (postings > budget && terms.length > 0) break
        terms.push(t)
      }
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
    const only = words.length === 1 ? words[0] : undefined
    if (only && (only.docs || only.terms.length === 1)) return single(only, loaded)
    // Synchronous from here on: the shared accumulators are never seen half-filled by
    // another request.
    const count = this.#count
    const score = this.#score
    const last = this.#last
    const scratch = this.#scratch
    const candidates = this.#candidates
    let found = 0
    words.forEach((word, w) => {
      const i = w + 1
      const visit = (d: number, impact: number) => {
        const c = count[d] as number
        if (c === i - 1) {
          count[d] = i
          last[d] = impact
          if (i === 1) {
            score[d] = impact
            candidates[found++] = d
          } else score[d] = (score[d] as number) + impact
        } else if (c === i && impact > (last[d] as number)) {
          score[d] = (score[d] as number) + impact - (last[d] as number)
          last[d] = impact
        }
      }
      if (word.docs) {
        for (const d of word.docs) visit(d, IDENTIFIER_IMPACT)
        return
      }
      for (const t of word.terms) {
        const { bytes, start, df } = loaded.postings(t)
        const p = decodeDocIds(bytes, start, df, scratch)
        for (let j = 0; j < df; j++) visit(scratch[j] as number, bytes[p + j] as number)
      }
    })
    const n = words.length
    let hits = 0
    for (let j = 0; j < found; j++) if (count[candidates[j] as number] === n) hits++
    const sorted = new Uint32Array(hits)
    let k = 0
    for (let j = 0; j < found; j++) {
      const d = candidates[j] as number
      if (count[d] === n) sorted[k++] = d
      count[d] = 0
    }
    // The first word's postings arrive in id order unless it matched through several terms.
    const first = words[0] as Word
    if (!first.docs && first.terms.length > 1) sorted.sort()
    const scores = new Float32Array(hits)
    for (let j = 0; j < hits; j++) {
      const d = sorted[j] as number
      scores[j] = score[d] as number
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
    const since = request.changedSince
    const modified =
      since === undefined
        ? undefined
        : (this.columns.columns.modified as NumberColumn | undefined)?.values
    if (since !== undefined && !modified) throw new Error('changedSince without a modified column')
    const counters = this.#counters(facetNames)

    if (!hits && filters.length === 0 && !range && !modified) {
      return {
        total: this.#n,
        ids: this.#page(sort, offset, limit),
        facets: this.#unfilteredFacets(facetNames),
      }
    }

    const bitsets = filters.map(([name, values]) => this.#bitset(name, values))
    const total = hits ? hits.docs.length : this.#n
    let matches: Uint32Array
    let matchScores: Float32Array | undefined
    // Documents failing exactly one filter, and which: they count for that filter's facet
    // (the alternatives a reader could switch to).
    let near = new Uint32Array(0)
    let nearFilter = new Uint8Array(0)
    let nearCount = 0
    let m = 0
    if (bitsets.length === 0 && !range && !modified && hits) {
      matches = hits.docs
      matchScores = hits.scores
      m = total
    } else {
      matches = new Uint32Array(total)
      matchScores = hits ? new Float32Array(total) : undefined
      if (bitsets.length > 0) {
        near = new Uint32Array(total)
        nearFilter = new Uint8Array(total)
      }
      for (let i = 0; i < total; i++) {
        const d = hits ? (hits.docs[i] as number) : i
        if (lo && hi && ((hi[d] as number) < from || (lo[d] as number) > to)) continue
        if (modified && (modified[d] as number) < (since as number)) continue
        let failed = -1
        let failures = 0
        for (let f = 0; f < bitsets.length; f++) {
          if (!((((bitsets[f] as Uint32Array)[d >>> 5] as number) >>> (d & 31)) & 1)) {
            failed = f
            if (++failures > 1) break
          }
        }
        if (failures === 0) {
          if (matchScores) matchScores[m] = (hits as TextHits).scores[i] as number
          matches[m++] = d
        } else if (failures === 1) {
          near[nearCount] = d
          nearFilter[nearCount++] = failed
        }
      }
    }
    const filterOf = new Map(filters.map(([name], f) => [name, f]))
    for (const { name, column, counts } of counters) {
      countValues(column, counts, matches, m)
      const f = filterOf.get(name)
      if (f === undefined || nearCount === 0) continue
      const own = new Uint32Array(nearCount)
      let n = 0
      for (let i = 0; i < nearCount; i++) if (nearFilter[i] === f) own[n++] = near[i] as number
      countValues(column, counts, own, n)
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
    return this.#orderOf('title')
  }

  /** Doc ids in a ranked sort's order (its rank column inverted), once per engine. */
  #orderOf(sort: RankedSort): Uint32Array {
    let order = this.#orders.get(sort)
    if (!order) {
      const rank = this.#rank(sort)
      order = new Uint32Array(this.#n)
      rank.forEach((r, d) => {
        ;(order as Uint32Array)[r] = d
      })
      this.#orders.set(sort, order)
    }
    return order
  }

  #rank(sort: RankedSort): NumberColumn['values'] {
    const name = RANK_COLUMN[sort]
    const column = this.columns.columns[name]
    if (column?.kind !== 'number') throw new Error(`no ${name} column`)
    return column.values
  }

  /** A page of every document. */
  #page(sort: SearchSort, offset: number, limit: number): number[] {
    const end = Math.min(this.#n, offset + limit)
    const ids: number[] = []
    for (let i = offset; i < end; i++) {
      ids.push(
        sort === 'oldest'
          ? this.#n - 1 - i
          : sort === 'title' || sort === 'changed'
            ? (this.#orderOf(sort)[i] as number)
            : i,
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
    const rank = sort === 'title' || sort === 'changed' ? this.#rank(sort) : undefined
    const better = rank
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

/** Adds the column values of the first `n` of `docs` to `counts`. */
function countValues(
  column: CategoryColumn | MultiColumn,
  counts: Uint32Array,
  docs: Uint32Array,
  n: number,
) {
  if (column.kind === 'category') {
    const codes = column.codes
    for (let i = 0; i < n; i++) {
      const c = codes[docs[i] as number] as number
      if (c !== NONE) counts[c] = (counts[c] as number) + 1
    }
    return
  }
  const { offsets, codes } = column
  for (let i = 0; i < n; i++) {
    const d = docs[i] as number
    const end = offsets[d + 1] as number
    for (let p = offsets[d] as number; p < end; p++) {
      const c = codes[p] as number
      counts[c] = (counts[c] as number) + 1
    }
  }
}

/**
 * Decodes `df` delta-encoded doc ids (LEB128 gaps minus one) from `bytes` at `start` into
 * `out`; returns where the term's impacts (one byte per doc) begin.
 */
function decodeDocIds(bytes: Uint8Array, start: number, df: number, out: Uint32Array): number {
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
    out[j] = d
  }
  return p
}

/** One word matching through one term (or an identifier): its postings are the hits. */
function single(word: Word, loaded: LoadedPostings): TextHits {
  if (word.docs) {
    return {
      docs: word.docs,
      scores: new Float32Array(word.docs.length).fill(IDENTIFIER_IMPACT),
      corrected: false,
    }
  }
  const { bytes, start, df } = loaded.postings(word.terms[0] as number)
  const docs = new Uint32Array(df)
  const scores = new Float32Array(df)
  const p = decodeDocIds(bytes, start, df, docs)
  for (let j = 0; j < df; j++) scores[j] = bytes[p + j] as number
  return { docs, scores, corrected: false }
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
