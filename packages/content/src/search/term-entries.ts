// The index's entries by term, as the build's cache keeps them: for each term (in byte
// order), its (document, field, tf) entries by document. Computing the index from them reads
// and writes in order, where the entries by document scatter every posting; and a few
// documents are replaced in one pass. A build that changed a few reports computes the
// index from these (see in-place-build.ts); the bytes are those of `searchIndexFromEntries`
// over the same documents (tested).
import {
  addDocument,
  bm25Impact,
  CHUNK_BITS,
  CHUNK_MASK,
  FIELD_BOOST_LIST,
  FIELD_COUNT,
  identifierTable,
  idfOf,
  lengthNorms,
  type PostingTable,
  quantizeImpact,
  type SearchEntries,
  type SearchIndexData,
  sortedByBytes,
} from './build-index.ts'
import { compareBytes, utf8 } from './bytes.ts'
import type { SearchSource } from './source.ts'

/** The entries by term. */
export interface TermEntries {
  docCount: number
  /** Every term with at least one entry, in UTF-8 byte order. */
  terms: string[]
  /** Term k's entries are `termStart[k]` … `termStart[k + 1]`. */
  termStart: Uint32Array
  /** Each entry's document: ascending within a term (a document's entries by field). */
  entryDoc: Uint32Array
  /** Each entry's field `>>> 24` and tf `& 0xffffff`. */
  entryFieldTf: Uint32Array
  /** `fieldLengths[d * FIELD_COUNT + f]`: words in field f of document d. */
  fieldLengths: Uint32Array
  identifiers: (readonly string[])[]
  /** The identifier lookup of `identifiers`, once made (kept while they stay the same). */
  identifierTable?: PostingTable
}

/**
 * The entries of `entries` by term.
 *
 * @example
 * const byTerm = termEntriesOf(collectSearchEntries(n, documentAt))
 */
export function termEntriesOf(entries: SearchEntries): TermEntries {
  const { terms } = entries
  const termCount = terms.length
  const length = entries.entryTerm.length
  const count = countByTerm(termCount, entries.entryTerm.chunks, length)
  const sorted =
    entries.order?.length === termCount ? Array.from(entries.order) : sortedByBytes(terms)
  const order = sorted.filter((t) => (count[t] as number) > 0)
  const termStart = new Uint32Array(order.length + 1)
  const cursor = new Uint32Array(termCount)
  order.forEach((t, k) => {
    cursor[t] = termStart[k] as number
    termStart[k + 1] = (termStart[k] as number) + (count[t] as number)
  })
  const entryDoc = new Uint32Array(length)
  const entryFieldTf = new Uint32Array(length)
  scatterByTerm(entries, cursor, entryDoc, entryFieldTf)
  return {
    docCount: entries.docCount,
    terms: order.map((t) => terms[t] as string),
    termStart,
    entryDoc,
    entryFieldTf,
    fieldLengths: entries.fieldLengths,
    identifiers: entries.identifiers,
    identifierTable: identifierTable(entries.identifiers),
  }
}

// Small functions for the loops over every entry (V8 optimizes them sooner), reading the
// entries' chunks as they are (a flat copy would be 200 MB at 50,000 reports).

function countByTerm(termCount: number, chunks: readonly Uint32Array[], length: number) {
  const count = new Uint32Array(termCount)
  chunks.forEach((chunk, c) => {
    const end = Math.min(chunk.length, length - c * (1 << CHUNK_BITS))
    for (let i = 0; i < end; i++) {
      const t = chunk[i] as number
      count[t] = (count[t] as number) + 1
    }
  })
  return count
}

function scatterByTerm(
  entries: SearchEntries,
  cursor: Uint32Array,
  entryDoc: Uint32Array,
  entryFieldTf: Uint32Array,
) {
  const { docStart } = entries
  const termChunks = entries.entryTerm.chunks
  const fieldTfChunks = entries.entryFieldTf.chunks
  const N = entries.docCount
  for (let d = 0; d < N; d++) {
    const end = docStart[d + 1] as number
    for (let e = docStart[d] as number; e < end; e++) {
      const c = e >>> CHUNK_BITS
      const i = e & CHUNK_MASK
      const t = (termChunks[c] as Uint32Array)[i] as number
      const at = cursor[t] as number
      cursor[t] = at + 1
      entryDoc[at] = d
      entryFieldTf[at] = (fieldTfChunks[c] as Uint32Array)[i] as number
    }
  }
}

/**
 * `x` with the documents in `changed` (doc id → its new search text) made again, the others
 * as they were. With `previous` (each changed document's search text before), only the
 * terms those texts hold are looked into; the others' entries are copied as they are.
 *
 * @example
 * const next = replaceTermEntries(byTerm, new Map([[42, searchSource(edited)]]))
 */
export function replaceTermEntries(
  x: TermEntries,
  changed: ReadonlyMap<number, SearchSource>,
  previous?: ReadonlyMap<number, SearchSource>,
): TermEntries {
  const F = FIELD_COUNT
  const N = x.docCount
  const isChanged = new Uint8Array(N)
  const fieldLengths = x.fieldLengths.slice()
  const identifiers = [...x.identifiers]
  // The changed documents' entries, by term: [doc, fieldTf] pairs by document, then field.
  const added = new Map<string, number[]>()
  const docs = [...changed.keys()].sort((a, b) => a - b)
  for (const d of docs) {
    if (!Number.isInteger(d) || d < 0 || d >= N) throw new RangeError(`no document ${d}`)
    isChanged[d] = 1
    fieldLengths.fill(0, d * F, (d + 1) * F)
    identifiers[d] = documentEntries(
      changed.get(d) as SearchSource,
      d,
      fieldLengths,
      (term, packed) => {
        const list = added.get(term)
        if (list) list.push(d, packed)
        else added.set(term, [d, packed])
      },
    )
  }
  // The terms to look into: those of the changed documents, before and now (all of them
  // when the texts before are not known, or hold a term the entries do not).
  let before: Set<string> | undefined = previous && new Set()
  let removed = 0
  for (const d of docs) {
    const doc = previous?.get(d)
    if (!doc || !before) {
      before = undefined
      break
    }
    documentEntries(doc, 0, new Uint32Array(F), (term) => {
      before?.add(term)
      removed++
    })
  }
  const looked = new Set<number>()
  const fresh: { term: string; at: number }[] = []
  for (const term of new Set([...added.keys(), ...(before ?? [])])) {
    const at = insertionPoint(x.terms, term)
    if (x.terms[at] === term) looked.add(at)
    else if (added.has(term)) fresh.push({ term, at })
    else before = undefined
  }
  const lookedAt = before ? [...looked].sort((a, b) => a - b) : undefined
  fresh.sort((a, b) => a.at - b.at || compareStrings(a.term, b.term))

  let size = x.entryDoc.length
  for (const list of added.values()) size += list.length / 2
  const entryDoc = new Uint32Array(size)
  const entryFieldTf = new Uint32Array(size)
  const terms: string[] = []
  const termStart = new Uint32Array(x.terms.length + fresh.length + 1)
  let at = 0
  let dropped = 0
  // Old terms from..to copied as they are, in one piece.
  const copyTerms = (from: number, to: number) => {
    if (from >= to) return
    const start = x.termStart[from] as number
    const end = x.termStart[to] as number
    entryDoc.set(x.entryDoc.subarray(start, end), at)
    entryFieldTf.set(x.entryFieldTf.subarray(start, end), at)
    for (let k = from; k < to; k++) {
      terms.push(x.terms[k] as string)
      termStart[terms.length] = at + (x.termStart[k + 1] as number) - start
    }
    at += end - start
  }
  // One term: its old entries (from..to) of unchanged documents merged with the new ones.
  const mergeTerm = (term: string, from: number, to: number) => {
    const extra = added.get(term) ?? []
    const begin = at
    let e = from
    let a = 0
    while (e < to || a < extra.length) {
      const oldDoc = e < to ? (x.entryDoc[e] as number) : N
      if (e < to && isChanged[oldDoc]) {
        e++
        dropped++
        continue
      }
      const newDoc = a < extra.length ? (extra[a] as number) : N
      if (oldDoc < newDoc) {
        entryDoc[at] = oldDoc
        entryFieldTf[at++] = x.entryFieldTf[e++] as number
      } else {
        entryDoc[at] = newDoc
        entryFieldTf[at++] = extra[a + 1] as number
        a += 2
      }
    }
    if (at === begin) return
    terms.push(term)
    termStart[terms.length] = at
  }
  let next = 0
  let f = 0
  const visit = lookedAt ?? null
  let v = 0
  for (;;) {
    // The next term to look into: an old one of the changed documents, or a new one.
    const oldK = visit ? (v < visit.length ? (visit[v] as number) : x.terms.length) : next
    const freshK = f < fresh.length ? (fresh[f] as { at: number }).at : x.terms.length
    const k = Math.min(oldK, freshK)
    copyTerms(next, k)
    next = Math.max(next, k)
    if (freshK <= oldK && f < fresh.length) {
      mergeTerm((fresh[f] as { term: string }).term, 0, 0)
      f++
      continue
    }
    if (k >= x.terms.length) break
    mergeTerm(x.terms[k] as string, x.termStart[k] as number, x.termStart[k + 1] as number)
    next = k + 1
    v++
  }
  // The texts before named the entries to drop; if they did not account for all of them,
  // the entries were made from something else: look into every term instead.
  if (lookedAt && dropped !== removed) return replaceTermEntries(x, changed)
  const sameIdentifiers = docs.every((d) => sameKeys(identifiers[d], x.identifiers[d]))
  return {
    identifierTable:
      sameIdentifiers && x.identifierTable ? x.identifierTable : identifierTable(identifiers),
    docCount: N,
    terms,
    termStart: termStart.slice(0, terms.length + 1),
    entryDoc: entryDoc.subarray(0, at),
    entryFieldTf: entryFieldTf.subarray(0, at),
    fieldLengths,
    identifiers,
  }
}

/** One document's entries (term, field << 24 | tf) in field order, and its identifiers. */
function documentEntries(
  doc: SearchSource,
  d: number,
  fieldLengths: Uint32Array,
  each: (term: string, packed: number) => void,
): string[] {
  const terms: string[] = []
  return addDocument(
    doc,
    d,
    new Map(),
    terms,
    fieldLengths,
    (t, packed) => each(terms[t] as string, packed),
    [],
  )
}

const sameKeys = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a?.length === b?.length && (a ?? []).every((key, i) => key === b?.[i])

const compareStrings = (a: string, b: string) => {
  const x = utf8.encode(a)
  const y = utf8.encode(b)
  return compareBytes(x, 0, x.length, y, 0, y.length)
}

/** Where `term` goes among `sorted` (byte order). */
function insertionPoint(sorted: readonly string[], term: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareStrings(sorted[middle] as string, term) < 0) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The index computed from the entries by term: what `searchIndexFromEntries` gives over the
 * same documents, byte for byte, reading each entry twice in order.
 *
 * @example
 * const pieces = searchPieces(searchIndexFromTermEntries(byTerm))
 */
export function searchIndexFromTermEntries(x: TermEntries): SearchIndexData {
  x.identifierTable ??= identifierTable(x.identifiers)
  const N = x.docCount
  const T = x.terms.length
  const norms = lengthNorms(x.fieldLengths, N)
  const { offsets, idf } = postingOffsets(x)
  const docs = new Uint32Array(offsets[T] as number)
  // Each impact as a 32-bit float (the quantization rounds that), the highest as it was.
  const impacts = new Float32Array(offsets[T] as number)
  let max = 0
  for (let k = 0; k < T; k++)
    max = Math.max(
      max,
      weighTerm(x, norms, idf[k] as number, k, offsets[k] as number, docs, impacts),
    )
  return {
    docCount: N,
    terms: { keys: x.terms, offsets, docs, impacts: quantized(impacts, max) },
    identifiers: x.identifierTable,
  }
}

// The loops below are small functions of their own: a build runs each once, and V8
// optimizes a small function's loop far sooner than one inside a large function.

/** Where each term's postings start (one per document holding it), and its idf. */
function postingOffsets(x: TermEntries): { offsets: Uint32Array; idf: Float64Array } {
  const N = x.docCount
  const T = x.terms.length
  const offsets = new Uint32Array(T + 1)
  const idf = new Float64Array(T)
  for (let k = 0; k < T; k++) {
    const n = distinctDocs(x.entryDoc, x.termStart[k] as number, x.termStart[k + 1] as number)
    offsets[k + 1] = (offsets[k] as number) + n
    idf[k] = idfOf(n, N)
  }
  return { offsets, idf }
}

/** Each impact as a byte, against the highest, as `searchIndexFromEntries` makes it. */
function quantized(impacts: Float32Array, max: number): Uint8Array {
  const out = new Uint8Array(impacts.length)
  for (let i = 0; i < impacts.length; i++) out[i] = quantizeImpact(impacts[i] as number, max)
  return out
}

function distinctDocs(entryDoc: Uint32Array, from: number, to: number): number {
  let n = 0
  let last = -1
  for (let e = from; e < to; e++) {
    const d = entryDoc[e] as number
    if (d !== last) {
      n++
      last = d
    }
  }
  return n
}

/**
 * Term k's postings from `at`: each document's impact, its entries weighed in field order.
 * Returns the highest impact (before it was made a 32-bit float).
 */
function weighTerm(
  x: TermEntries,
  norms: Float64Array,
  idf: number,
  k: number,
  at: number,
  docs: Uint32Array,
  impacts: Float32Array,
): number {
  const F = FIELD_COUNT
  const { entryDoc, entryFieldTf } = x
  const to = x.termStart[k + 1] as number
  let e = x.termStart[k] as number
  let out = at
  let max = 0
  while (e < to) {
    const d = entryDoc[e] as number
    let w = 0
    for (; e < to && entryDoc[e] === d; e++) {
      const packed = entryFieldTf[e] as number
      const f = packed >>> 24
      w += ((FIELD_BOOST_LIST[f] as number) * (packed & 0xffffff)) / (norms[d * F + f] as number)
    }
    const impact = bm25Impact(idf, w)
    if (impact > max) max = impact
    docs[out] = d
    impacts[out++] = impact
  }
  return max
}
