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

const CHUNK_BITS = 20
const CHUNK_MASK = (1 << CHUNK_BITS) - 1

/**
 * A growing list of 32-bit integers in chunks of 2^20: growing never copies, and at most one
 * chunk is unused. (A doubling array at 100,000 reports, ~29 million entries, would hold
 * 33.5 million places, and both the old and the new array while it grows.)
 */
class ChunkedU32 {
  readonly chunks: Uint32Array[] = []
  length = 0
  push(v: number) {
    const at = this.length & CHUNK_MASK
    if (at === 0) this.chunks.push(new Uint32Array(1 << CHUNK_BITS))
    ;(this.chunks[this.chunks.length - 1] as Uint32Array)[at] = v
    this.length++
  }
  get(i: number): number {
    return (this.chunks[i >>> CHUNK_BITS] as Uint32Array)[i & CHUNK_MASK] as number
  }
  /** Lets go of the chunks wholly before `i` (read in order, they are not read again). */
  releaseBefore(i: number) {
    for (let c = (i >>> CHUNK_BITS) - 1; c >= 0 && this.chunks[c]; c--)
      (this.chunks as (Uint32Array | undefined)[])[c] = undefined
  }
}

/**
 * The order of `keys` by their UTF-8 bytes. All keys are encoded into one buffer, not one
 * small array each.
 */
function sortedByBytes(keys: string[]): number[] {
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
 * `buildSearchIndex` over `count` documents made one at a time by `documentAt` (each read
 * once, in doc-id order, and let go): at 100,000 reports, holding every document's search
 * text at once would be 450 MB.
 *
 * @example
 * const index = buildSearchIndexOf(reports.length, (d) => searchSource(reports[d]))
 */
export function buildSearchIndexOf(
  count: number,
  documentAt: (docId: number) => SearchSource,
): SearchIndexData {
  const F = FIELDS.length
  const N = count
  const termIds = new Map<string, number>()
  const df: number[] = []
  const lastDoc: number[] = []
  const fieldLengths = new Uint32Array(N * F)
  // Per document, its (term, field << 24 | tf) entries, flattened.
  const entryTerm = new ChunkedU32()
  const entryFieldTf = new ChunkedU32()
  const docStart = new Uint32Array(N + 1)
  const identifierDocs = new Map<string, number[]>()
  // Term frequencies of the field being read, by term id (dense; reset after each field).
  const fieldTf: number[] = []
  const fieldTouched: number[] = []

  for (let d = 0; d < N; d++) {
    const doc = documentAt(d)
    docStart[d] = entryTerm.length
    for (let f = 0; f < F; f++) {
      const text = fieldText(doc, FIELDS[f] as Field)
      if (!text) continue
      const { words } = tokenize(text)
      fieldLengths[d * F + f] = words.length
      for (const word of words) {
        let id = termIds.get(word)
        if (id === undefined) {
          id = df.length
          termIds.set(word, id)
          df.push(0)
          lastDoc.push(-1)
          fieldTf.push(0)
        }
        if (fieldTf[id] === 0) fieldTouched.push(id)
        fieldTf[id] = (fieldTf[id] as number) + 1
      }
      for (const id of fieldTouched) {
        entryTerm.push(id)
        entryFieldTf.push((f << 24) | Math.min(fieldTf[id] as number, 0xffffff))
        fieldTf[id] = 0
        if (lastDoc[id] !== d) {
          lastDoc[id] = d
          df[id] = (df[id] as number) + 1
        }
      }
      fieldTouched.length = 0
    }
    for (const key of documentIdentifiers(doc)) {
      const list = identifierDocs.get(key)
      if (!list) identifierDocs.set(key, [d])
      else if (list.at(-1) !== d) list.push(d)
    }
  }
  docStart[N] = entryTerm.length

  const avg = new Float64Array(F)
  for (let d = 0; d < N; d++)
    for (let f = 0; f < F; f++) avg[f] = (avg[f] as number) + (fieldLengths[d * F + f] as number)
  for (let f = 0; f < F; f++) avg[f] = Math.max(1, (avg[f] as number) / Math.max(N, 1))

  // The dictionary is complete: postings go straight to their places in sorted-term order.
  const T = df.length
  const words = [...termIds.keys()]
  const order = sortedByBytes(words)
  const offsets = new Uint32Array(T + 1)
  order.forEach((t, k) => {
    offsets[k + 1] = (offsets[k] as number) + (df[t] as number)
  })
  const cursor = new Uint32Array(T)
  order.forEach((t, k) => {
    cursor[t] = offsets[k] as number
  })
  const total = offsets[T] as number
  const weighted = new Float64Array(T)
  const idf = Float64Array.from(df, (n) => Math.log(1 + (N - n + 0.5) / (n + 0.5)))
  const touched: number[] = []
  // Calls `each(term, impact)` for every term of document d.
  const impactsOf = (d: number, each: (t: number, impact: number) => void) => {
    for (let e = docStart[d] as number; e < (docStart[d + 1] as number); e++) {
      const t = entryTerm.get(e)
      const packed = entryFieldTf.get(e)
      const f = packed >>> 24
      const tf = packed & 0xffffff
      const norm = 1 - B + (B * (fieldLengths[d * F + f] as number)) / (avg[f] as number)
      if (weighted[t] === 0) touched.push(t)
      weighted[t] = (weighted[t] as number) + ((BOOSTS[f] as number) * tf) / norm
    }
    for (const t of touched) {
      const w = weighted[t] as number
      each(t, ((idf[t] as number) * (w * (K1 + 1))) / (w + K1))
      weighted[t] = 0
    }
    touched.length = 0
  }
  // Two passes over the documents: the highest impact first, then each posting quantized
  // against it and put in place. Holding every impact as a float between the two would be
  // 100 MB at 100,000 reports; computing them twice costs less than that is worth.
  let max = 0
  for (let d = 0; d < N; d++)
    impactsOf(d, (_, impact) => {
      if (impact > max) max = impact
    })
  const docs = new Uint32Array(total)
  const impacts = new Uint8Array(total)
  for (let d = 0; d < N; d++) {
    impactsOf(d, (t, impact) => {
      const at = cursor[t] as number
      cursor[t] = at + 1
      docs[at] = d
      // As a 32-bit float first: the quantization the index has always had.
      impacts[at] = Math.max(1, Math.round((Math.fround(impact) / max) * 254))
    })
    entryTerm.releaseBefore(docStart[d + 1] as number)
    entryFieldTf.releaseBefore(docStart[d + 1] as number)
  }

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
    docCount: N,
    terms: { keys: order.map((t) => words[t] as string), offsets, docs, impacts },
    identifiers: {
      keys: idOrder.map((k) => idKeys[k] as string),
      offsets: idOffsets,
      docs: Uint32Array.from(idDocs),
    },
  }
}
