// Builds the flat inverted index: a sorted term dictionary, and per term the ids of the
// documents holding it (ascending) with one precomputed impact each: BM25F with the field
// boosts folded in, quantized to a byte. Identifiers go to an exact lookup instead.
import { compareBytes, utf8 } from './bytes.ts'
import { identifierKey } from './identifiers.ts'
import type { SearchSource } from './source.ts'
import { tokenize } from './tokenize.ts'

/** Fields and their boosts (what a word in the title is worth against one in the overview). */
export const FIELD_BOOSTS = {
  title: 3,
  subtitle: 2,
  authors: 2,
  vocabulary: 1.5,
  summary: 1.5,
  keyFindings: 1,
  contents: 1,
  overview: 1,
} as const satisfies Partial<Record<keyof SearchSource, number>>

type Field = keyof typeof FIELD_BOOSTS
const FIELDS = Object.keys(FIELD_BOOSTS) as Field[]
const BOOSTS = FIELDS.map((f) => FIELD_BOOSTS[f])
const K1 = 1.2
const B = 0.75
/** The impact of an identifier match: the highest a posting can have. */
export const IDENTIFIER_IMPACT = 255

/** A term dictionary: sorted UTF-8 keys and, per key, a range of `docs`. */
export interface PostingTable {
  keys: string[]
  /** `offsets[k]` … `offsets[k + 1]` is key k's range in `docs` (and `impacts`). */
  offsets: Uint32Array
  docs: Uint32Array
}

/** The whole index in memory, as built; `searchPieces` serializes it. */
export interface SearchIndexData {
  docCount: number
  terms: PostingTable & { impacts: Uint8Array }
  identifiers: PostingTable
}

function fieldText(doc: SearchSource, field: Field): string {
  const value = doc[field]
  if (value === undefined) return ''
  return typeof value === 'string' ? value : value.join(' ; ')
}

export const CHUNK_BITS = 20
export const CHUNK_MASK = (1 << CHUNK_BITS) - 1

/**
 * A growing list of 32-bit integers in chunks of 2^20: growing never copies, and at most one
 * chunk is unused. (A doubling array at 100,000 reports, ~29 million entries, would hold
 * 33.5 million places, and both the old and the new array while it grows.)
 */
export class ChunkedU32 {
  readonly chunks: Uint32Array[] = []
  length = 0
  push(v: number) {
    const at = this.length & CHUNK_MASK
    if (at === 0) this.chunks.push(new Uint32Array(1 << CHUNK_BITS))
    ;(this.chunks[this.chunks.length - 1] as Uint32Array)[at] = v
    this.length++
  }
  /** Lets go of the chunks wholly before `i` (read in order, they are not read again). */
  releaseBefore(i: number) {
    for (let c = (i >>> CHUNK_BITS) - 1; c >= 0 && this.chunks[c]; c--)
      (this.chunks as (Uint32Array | undefined)[])[c] = undefined
  }
}

const FROM_SURROGATES = /[\ud800-\uffff]/

/**
 * The order of `keys` by their UTF-8 bytes. All keys are encoded into one buffer, not one
 * small array each.
 */
export function sortedByBytes(keys: readonly string[]): number[] {
  // Without a character from U+D800 on, UTF-16 order is UTF-8 byte order: a native sort of
  // the (distinct) keys gives it many times faster.
  if (keys.every((key) => !FROM_SURROGATES.test(key))) {
    const position = new Map<string, number>()
    keys.forEach((key, i) => {
      position.set(key, i)
    })
    if (position.size === keys.length)
      return [...keys].sort().map((key) => position.get(key) as number)
  }
  const bytes = new Uint8Array(keys.reduce((n, k) => n + k.length * 3, 0))
  const starts = new Uint32Array(keys.length + 1)
  let at = 0
  keys.forEach((key, i) => {
    starts[i] = at
    at += utf8.encodeInto(key, bytes.subarray(at)).written
  })
  starts[keys.length] = at
  return Array.from(keys.keys()).sort((a, b) =>
    compareBytes(
      bytes,
      starts[a] as number,
      starts[a + 1] as number,
      bytes,
      starts[b] as number,
      starts[b + 1] as number,
    ),
  )
}

/** The identifier keys of one document (see `identifierKey`). */
export function documentIdentifiers(doc: SearchSource): string[] {
  const keys = new Set<string>()
  const add = (key: string | undefined) => key && keys.add(key)
  for (const isbn of doc.identifiers?.isbn ?? []) add(identifierKey('isbn', isbn))
  for (const issn of doc.identifiers?.issn ?? []) add(identifierKey('issn', issn))
  if (doc.identifiers?.doi) add(identifierKey('doi', doc.identifiers.doi))
  if (doc.identifiers?.stockNumber) add(identifierKey('stock', doc.identifiers.stockNumber))
  return [...keys]
}

/**
 * Builds the index over `documents`; a document's id is its position (the API's newest-first
 * list order, so ascending ids are "newest first").
 *
 * @example
 * const index = buildSearchIndex(reports.map((r) => searchSource(r)))
 * const pieces = searchPieces(index) // Map<name, bytes> to write beside the snapshot
 */
export function buildSearchIndex(documents: readonly SearchSource[]): SearchIndexData {
  return buildSearchIndexOf(documents.length, (d) => documents[d] as SearchSource)
}

/**
 * What the index is computed from, per document: its (term, field, tf) entries and its
 * field lengths, in doc-id order, with its identifier keys. Every statistic BM25 needs (df,
 * average lengths, the highest impact) follows from these, so an index can be computed
 * again after a few documents changed without reading any other document again (the
 * build's cache keeps them by term: see term-entries.ts).
 */
export interface SearchEntries {
  docCount: number
  /** Term by term id (ids are in order of first appearance; some may no longer be used). */
  terms: string[]
  /** Entry e is of term `entryTerm[e]`, field `entryFieldTf[e] >>> 24`, tf `& 0xffffff`. */
  entryTerm: ChunkedU32
  entryFieldTf: ChunkedU32
  /** Document d's entries are `docStart[d]` … `docStart[d + 1]`. */
  docStart: Uint32Array
  /** `fieldLengths[d * FIELDS + f]`: words in field f of document d. */
  fieldLengths: Uint32Array
  /** Each document's identifier keys. */
  identifiers: (readonly string[])[]
  /**
   * Every term id, in the terms' UTF-8 byte order, once `searchIndexFromEntries` sorted
   * them (the entries by term follow that order).
   */
  order?: Uint32Array
}

/** How many fields the index weighs (the stride of `SearchEntries.fieldLengths`). */
export const FIELD_COUNT = FIELDS.length

/** Appends one document's entries; `termIds` maps each term to its id in `terms`. */
export function addDocument(
  doc: SearchSource,
  d: number,
  termIds: Map<string, number>,
  terms: string[],
  fieldLengths: Uint32Array,
  push: (term: number, fieldTf: number) => void,
  fieldTf: number[],
): string[] {
  const F = FIELDS.length
  const touched: number[] = []
  for (let f = 0; f < F; f++) {
    const text = fieldText(doc, FIELDS[f] as Field)
    if (!text) continue
    const { words } = tokenize(text)
    fieldLengths[d * F + f] = words.length
    for (const word of words) {
      let id = termIds.get(word)
      if (id === undefined) {
        id = terms.length
        termIds.set(word, id)
        terms.push(word)
        fieldTf.push(0)
      }
      if (fieldTf[id] === 0) touched.push(id)
      fieldTf[id] = (fieldTf[id] as number) + 1
    }
    for (const id of touched) {
      push(id, (f << 24) | Math.min(fieldTf[id] as number, 0xffffff))
      fieldTf[id] = 0
    }
    touched.length = 0
  }
  return documentIdentifiers(doc)
}

/**
 * The entries of `count` documents made one at a time by `documentAt` (each read once, in
 * doc-id order, and let go): at 100,000 reports, holding every document's search text at
 * once would be 450 MB.
 *
 * @example
 * const entries = collectSearchEntries(reports.length, (d) => searchSource(reports[d]))
 * const index = searchIndexFromEntries(entries)
 */
export function collectSearchEntries(
  count: number,
  documentAt: (docId: number) => SearchSource,
): SearchEntries {
  const N = count
  const termIds = new Map<string, number>()
  const terms: string[] = []
  const fieldLengths = new Uint32Array(N * FIELDS.length)
  const entryTerm = new ChunkedU32()
  const entryFieldTf = new ChunkedU32()
  const docStart = new Uint32Array(N + 1)
  const identifiers: string[][] = []
  // Term frequencies of the field being read, by term id (dense; reset after each field).
  const fieldTf: number[] = []
  const push = (term: number, packed: number) => {
    entryTerm.push(term)
    entryFieldTf.push(packed)
  }
  for (let d = 0; d < N; d++) {
    docStart[d] = entryTerm.length
    identifiers.push(addDocument(documentAt(d), d, termIds, terms, fieldLengths, push, fieldTf))
  }
  docStart[N] = entryTerm.length
  return { docCount: N, terms, entryTerm, entryFieldTf, docStart, fieldLengths, identifiers }
}

/** The average length of each field over `N` documents (at least 1). */
function averageLengths(fieldLengths: Uint32Array, N: number): Float64Array {
  const F = FIELDS.length
  const avg = new Float64Array(F)
  for (let d = 0; d < N; d++)
    for (let f = 0; f < F; f++) avg[f] = (avg[f] as number) + (fieldLengths[d * F + f] as number)
  for (let f = 0; f < F; f++) avg[f] = Math.max(1, (avg[f] as number) / Math.max(N, 1))
  return avg
}

/** The identifier lookup: each key (in byte order) with the documents holding it. */
export function identifierTable(identifiers: readonly (readonly string[])[]): PostingTable {
  const identifierDocs = new Map<string, number[]>()
  identifiers.forEach((keys, d) => {
    for (const key of keys) {
      const list = identifierDocs.get(key)
      if (!list) identifierDocs.set(key, [d])
      else if (list.at(-1) !== d) list.push(d)
    }
  })
  const idKeys = [...identifierDocs.keys()]
  const idOrder = sortedByBytes(idKeys)
  const idOffsets = new Uint32Array(idKeys.length + 1)
  const idDocs: number[] = []
  idOrder.forEach((k, i) => {
    idOffsets[i] = idDocs.length
    for (const d of identifierDocs.get(idKeys[k] as string) as number[]) idDocs.push(d)
  })
  idOffsets[idKeys.length] = idDocs.length
  return {
    keys: idOrder.map((k) => idKeys[k] as string),
    offsets: idOffsets,
    docs: Uint32Array.from(idDocs),
  }
}

/** The fields' boosts, by field number. */
export const FIELD_BOOST_LIST: readonly number[] = BOOSTS

/**
 * BM25's length normalization of each document's fields (`fieldLengths` as in
 * `SearchEntries`), against the fields' average lengths.
 */
export function lengthNorms(fieldLengths: Uint32Array, N: number): Float64Array {
  const F = FIELDS.length
  const avg = averageLengths(fieldLengths, N)
  const norms = new Float64Array(fieldLengths.length)
  for (let i = 0; i < norms.length; i++)
    norms[i] = 1 - B + (B * (fieldLengths[i] as number)) / (avg[i % F] as number)
  return norms
}

/** A term's impact in a document: its idf, and its boosted, normalized tf summed (`w`). */
export function bm25Impact(idf: number, w: number): number {
  return (idf * (w * (K1 + 1))) / (w + K1)
}

/** An impact as the index's byte, against the highest: as a 32-bit float first, as always. */
export function quantizeImpact(impact32: number, max: number): number {
  return Math.max(1, Math.round((impact32 / max) * 254))
}

/** Documents holding a term among `N` → its idf. */
export function idfOf(n: number, N: number): number {
  return Math.log(1 + (N - n + 0.5) / (n + 0.5))
}

/** What BM25 impacts are computed from (see `searchIndexFromEntries`). */
interface ImpactInputs {
  docStart: Uint32Array
  termChunks: readonly Uint32Array[]
  fieldTfChunks: readonly Uint32Array[]
  /** See `lengthNorms`. */
  norms: Float64Array
  idf: Float64Array
  /** By term id: the weight of the document being read (0 between documents). */
  weighted: Float64Array
  /** The terms of the document being read. */
  touched: Uint32Array
}

/**
 * Adds up document d's weight per term (BM25F: boosted, length-normalized tf) into
 * `weighted`; returns how many terms it has, listed first in `touched`. Small functions
 * for the hot loops: V8 optimizes them far better than one large one.
 */
function weighDocument(x: ImpactInputs, d: number): number {
  const { termChunks, fieldTfChunks, norms, weighted, touched } = x
  const F = FIELDS.length
  let count = 0
  let e = x.docStart[d] as number
  const end = x.docStart[d + 1] as number
  while (e < end) {
    const c = e >>> CHUNK_BITS
    const terms = termChunks[c] as Uint32Array
    const fieldTfs = fieldTfChunks[c] as Uint32Array
    const stop = Math.min(end, (c + 1) << CHUNK_BITS)
    for (; e < stop; e++) {
      const t = terms[e & CHUNK_MASK] as number
      const packed = fieldTfs[e & CHUNK_MASK] as number
      const f = packed >>> 24
      const tf = packed & 0xffffff
      if (weighted[t] === 0) touched[count++] = t
      weighted[t] =
        (weighted[t] as number) + ((BOOSTS[f] as number) * tf) / (norms[d * F + f] as number)
    }
  }
  return count
}

/** Term t's impact in the document just weighed (and its weight reset). */
function impactOf(x: ImpactInputs, t: number): number {
  const w = x.weighted[t] as number
  x.weighted[t] = 0
  return bm25Impact(x.idf[t] as number, w)
}

function highestImpact(x: ImpactInputs): number {
  let max = 0
  const N = x.docStart.length - 1
  for (let d = 0; d < N; d++) {
    const count = weighDocument(x, d)
    for (let i = 0; i < count; i++) {
      const impact = impactOf(x, x.touched[i] as number)
      if (impact > max) max = impact
    }
  }
  return max
}

/** Puts document d's postings in place, each impact quantized against `max`. */
function placePostings(
  x: ImpactInputs,
  d: number,
  max: number,
  cursor: Uint32Array,
  docs: Uint32Array,
  impacts: Uint8Array,
) {
  const count = weighDocument(x, d)
  for (let i = 0; i < count; i++) {
    const t = x.touched[i] as number
    const impact = impactOf(x, t)
    const at = cursor[t] as number
    cursor[t] = at + 1
    docs[at] = d
    impacts[at] = quantizeImpact(Math.fround(impact), max)
  }
}

/** Documents per term (a term in two fields of one document counts once). */
function documentFrequencies(
  termCount: number,
  docStart: Uint32Array,
  termChunks: readonly Uint32Array[],
): Uint32Array {
  const df = new Uint32Array(termCount)
  const lastDoc = new Int32Array(termCount).fill(-1)
  const N = docStart.length - 1
  for (let d = 0; d < N; d++) {
    const end = docStart[d + 1] as number
    for (let e = docStart[d] as number; e < end; e++) {
      const t = (termChunks[e >>> CHUNK_BITS] as Uint32Array)[e & CHUNK_MASK] as number
      if (lastDoc[t] !== d) {
        lastDoc[t] = d
        df[t] = (df[t] as number) + 1
      }
    }
  }
  return df
}

/**
 * `buildSearchIndex` over `count` documents made one at a time by `documentAt` (each read
 * once, in doc-id order, and let go).
 *
 * @example
 * const index = buildSearchIndexOf(reports.length, (d) => searchSource(reports[d]))
 */
export function buildSearchIndexOf(
  count: number,
  documentAt: (docId: number) => SearchSource,
): SearchIndexData {
  return searchIndexFromEntries(collectSearchEntries(count, documentAt), { release: true })
}

/**
 * The index computed from `entries`. `release`: let go of entries' chunks as they are read
 * (the entries cannot be used again; at 100,000 reports they are 200 MB).
 *
 * @example
 * const index = searchIndexFromEntries(collectSearchEntries(n, documentAt))
 */
export function searchIndexFromEntries(
  entries: SearchEntries,
  options: { release?: boolean } = {},
): SearchIndexData {
  const N = entries.docCount
  const { entryTerm, entryFieldTf, docStart, fieldLengths, terms } = entries
  const termCount = terms.length
  // Documents per term (a term in two fields of one document counts once).
  const df = documentFrequencies(termCount, docStart, entryTerm.chunks)

  // The dictionary (the terms still in use): postings go straight to their places in
  // sorted-term order.
  let all = entries.order
  if (all?.length !== termCount) {
    all = Uint32Array.from(sortedByBytes(terms))
    entries.order = all
  }
  const order = all.filter((t) => (df[t] as number) > 0)
  const T = order.length
  const offsets = new Uint32Array(T + 1)
  order.forEach((t, k) => {
    offsets[k + 1] = (offsets[k] as number) + (df[t] as number)
  })
  const cursor = new Uint32Array(termCount)
  order.forEach((t, k) => {
    cursor[t] = offsets[k] as number
  })
  const total = offsets[T] as number
  const weighted = new Float64Array(termCount)
  const idf = Float64Array.from(df, (n) => idfOf(n, N))
  const inputs: ImpactInputs = {
    docStart,
    termChunks: entryTerm.chunks,
    fieldTfChunks: entryFieldTf.chunks,
    norms: lengthNorms(fieldLengths, N),
    idf,
    weighted,
    touched: new Uint32Array(termCount),
  }
  // Two passes over the documents: the highest impact first, then each posting quantized
  // against it and put in place. Holding every impact as a float between the two would be
  // 100 MB at 100,000 reports; computing them twice costs less than that is worth.
  const max = highestImpact(inputs)
  const docs = new Uint32Array(total)
  const impacts = new Uint8Array(total)
  const release = options.release === true
  for (let d = 0; d < N; d++) {
    placePostings(inputs, d, max, cursor, docs, impacts)
    if (release) {
      entryTerm.releaseBefore(docStart[d + 1] as number)
      entryFieldTf.releaseBefore(docStart[d + 1] as number)
    }
  }

  return {
    docCount: N,
    terms: { keys: Array.from(order, (t) => terms[t] as string), offsets, docs, impacts },
    identifiers: identifierTable(entries.identifiers),
  }
}
