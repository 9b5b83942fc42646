// The index's serialized form: named pieces, each well under 5 MiB at 100,000 reports.
//   search/header         dictionary (sorted UTF-8 terms, their document frequencies), the
//                         first term of each postings shard, the first key of each
//                         identifier shard
//   search/terms-NNNN     postings of a contiguous term range: per term, doc ids as varint
//                         deltas then one impact byte per doc
//   search/ids-NNNN       identifier keys of a contiguous key range with their doc ids
// The reader loads the header once and shards on demand, caching resolved bytes only (a
// promise shared between requests is cancelled by the Workers runtime with the request
// that made it).

import type { PostingTable, SearchIndexData } from './build-index.ts'
import { ByteReader, ByteWriter, compareBytes, fromUtf8, utf8 } from './bytes.ts'

/** Version of the pieces' binary layout; a reader refuses any other. */
export const SEARCH_FORMAT_VERSION = 1
const MAGIC = 0x31585343 // "CSX1" little-endian
export const SEARCH_HEADER = 'search/header'
/** Target size of a postings or identifier shard (one term's postings are never split). */
export const SHARD_TARGET_BYTES = 1 << 20

const shardName = (kind: 'terms' | 'ids', k: number) =>
  `search/${kind}-${String(k).padStart(4, '0')}`

/** Reads one named piece; `undefined` when it does not exist. */
export type ReadPiece = (name: string) => Promise<Uint8Array | undefined>

function termShards(
  index: SearchIndexData,
  target: number,
): { first: number[]; pieces: Uint8Array[] } {
  const { keys, offsets, docs, impacts } = index.terms
  const first: number[] = []
  const pieces: Uint8Array[] = []
  let k = 0
  while (k < keys.length) {
    const data = new ByteWriter()
    const starts: number[] = []
    const begin = k
    while (k < keys.length && (k === begin || data.length < target)) {
      starts.push(data.length)
      const from = offsets[k] as number
      const to = offsets[k + 1] as number
      data.gaps(docs, from, to)
      data.bytes(impacts.subarray(from, to))
      k++
    }
    starts.push(data.length)
    const w = new ByteWriter()
    w.u32(k - begin)
    for (const s of starts) w.u32(s)
    w.bytes(data.finish())
    first.push(begin)
    pieces.push(w.finish())
  }
  return { first, pieces }
}

function identifierShards(
  table: PostingTable,
  target: number,
): { first: string[]; pieces: Uint8Array[] } {
  const first: string[] = []
  const pieces: Uint8Array[] = []
  let k = 0
  while (k < table.keys.length) {
    const data = new ByteWriter()
    const starts: number[] = []
    const begin = k
    while (k < table.keys.length && (k === begin || data.length < target)) {
      starts.push(data.length)
      data.utf8(table.keys[k] as string)
      const from = table.offsets[k] as number
      const to = table.offsets[k + 1] as number
      data.varint(to - from)
      data.gaps(table.docs, from, to)
      k++
    }
    const w = new ByteWriter()
    w.u32(k - begin)
    for (const s of starts) w.u32(s)
    w.bytes(data.finish())
    first.push(table.keys[begin] as string)
    pieces.push(w.finish())
  }
  return { first, pieces }
}

/**
 * The index as named pieces (header, postings shards, identifier shards).
 *
 * @example
 * for (const [name, bytes] of searchPieces(buildSearchIndex(sources))) write(name, bytes)
 */
export function searchPieces(
  index: SearchIndexData,
  options: { shardBytes?: number } = {},
): Map<string, Uint8Array> {
  const target = options.shardBytes ?? SHARD_TARGET_BYTES
  const terms = termShards(index, target)
  const ids = identifierShards(index.identifiers, target)
  const { keys, offsets } = index.terms
  const h = new ByteWriter()
  h.u32(MAGIC)
  h.u32(SEARCH_FORMAT_VERSION)
  h.u32(index.docCount)
  h.u32(keys.length)
  h.u32(terms.pieces.length)
  h.u32(ids.pieces.length)
  // Every term's UTF-8 bytes, then every term's byte length.
  const text = new Uint8Array(keys.reduce((n, t) => n + t.length * 3, 0))
  const lengths = new Uint32Array(keys.length)
  let size = 0
  keys.forEach((t, i) => {
    const n = utf8.encodeInto(t, text.subarray(size)).written
    lengths[i] = n
    size += n
  })
  h.u32(size)
  h.bytes(text.subarray(0, size))
  for (const n of lengths) h.varint(n)
  for (let t = 0; t < keys.length; t++)
    h.varint((offsets[t + 1] as number) - (offsets[t] as number))
  for (const f of terms.first) h.u32(f)
  for (const key of ids.first) h.utf8(key)
  const pieces = new Map<string, Uint8Array>([[SEARCH_HEADER, h.finish()]])
  for (const [k, p] of terms.pieces.entries()) pieces.set(shardName('terms', k), p)
  for (const [k, p] of ids.pieces.entries()) pieces.set(shardName('ids', k), p)
  return pieces
}

/** Where one term's postings are, in a shard held by the caller. */
export interface PostingsRef {
  bytes: Uint8Array
  /** Offset of the first doc-id varint. */
  start: number
  /** Documents holding the term; the impacts are the `df` bytes after the varints. */
  df: number
}

/** Loaded shards for one query: held by the query, so eviction cannot pull them away. */
export interface LoadedPostings {
  postings(term: number): PostingsRef
}

export interface OpenOptions {
  /** Most bytes of shards kept between queries (least recently used out first). */
  cacheBytes?: number
}

/** A search index opened over pieces: the dictionary in memory, postings on demand. */
export class SearchIndexReader {
  readonly docCount: number
  readonly termCount: number
  /** Document frequency per term id (ids are positions in the sorted dictionary). */
  readonly df: Uint32Array
  readonly #blob: Uint8Array
  readonly #termStart: Uint32Array
  readonly #shardFirst: Uint32Array
  readonly #idFirst: Uint8Array[]
  readonly #read: ReadPiece
  readonly #cache = new Map<string, Uint8Array>()
  readonly #cacheLimit: number
  #cacheBytes = 0

  constructor(header: Uint8Array, read: ReadPiece, options: OpenOptions = {}) {
    const r = new ByteReader(header)
    if (r.u32() !== MAGIC) throw new Error(`${SEARCH_HEADER}: not a Colophon search index`)
    const version = r.u32()
    if (version !== SEARCH_FORMAT_VERSION)
      throw new Error(
        `${SEARCH_HEADER}: format ${version}, this reader reads ${SEARCH_FORMAT_VERSION}`,
      )
    this.docCount = r.u32()
    this.termCount = r.u32()
    const shards = r.u32()
    const idShards = r.u32()
    this.#blob = r.bytes(r.u32())
    this.#termStart = new Uint32Array(this.termCount + 1)
    for (let t = 0; t < this.termCount; t++)
      this.#termStart[t + 1] = (this.#termStart[t] as number) + r.varint()
    this.df = new Uint32Array(this.termCount)
    for (let t = 0; t < this.termCount; t++) this.df[t] = r.varint()
    this.#shardFirst = new Uint32Array(shards)
    for (let k = 0; k < shards; k++) this.#shardFirst[k] = r.u32()
    this.#idFirst = []
    for (let k = 0; k < idShards; k++) this.#idFirst.push(r.bytes(r.varint()))
    this.#read = read
    this.#cacheLimit = options.cacheBytes ?? 24 << 20
  }

  /** The term's UTF-8 bytes in the dictionary blob. */
  termRange(t: number): [Uint8Array, number, number] {
    return [this.#blob, this.#termStart[t] as number, this.#termStart[t + 1] as number]
  }

  term(t: number): string {
    return fromUtf8.decode(this.#blob.subarray(this.#termStart[t], this.#termStart[t + 1]))
  }

  /** First term id whose bytes are ≥ `key` (binary search). */
  lowerBound(key: Uint8Array): number {
    let lo = 0
    let hi = this.termCount
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const c = compareBytes(
        this.#blob,
        this.#termStart[mid] as number,
        this.#termStart[mid + 1] as number,
        key,
      )
      if (c < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The id of `word` (folded), or -1. */
  find(word: string): number {
    const key = utf8.encode(word)
    const t = this.lowerBound(key)
    if (t >= this.termCount) return -1
    const [blob, s, e] = this.termRange(t)
    return compareBytes(blob, s, e, key) === 0 ? t : -1
  }

  /** Term ids starting with `prefix`: [from, to). */
  prefixRange(prefix: string): [number, number] {
    const key = utf8.encode(prefix)
    const from = this.lowerBound(key)
    let lo = from
    let hi = this.termCount
    // The first term past the prefix range: compare only the prefix's length.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const s = this.#termStart[mid] as number
      const e = Math.min(this.#termStart[mid + 1] as number, s + key.length)
      if (compareBytes(this.#blob, s, e, key) <= 0) lo = mid + 1
      else hi = mid
    }
    return [from, lo]
  }

  #shardOf(t: number): number {
    let lo = 0
    let hi = this.#shardFirst.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if ((this.#shardFirst[mid] as number) <= t) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  async #piece(name: string): Promise<Uint8Array> {
    const cached = this.#cache.get(name)
    if (cached) {
      this.#cache.delete(name)
      this.#cache.set(name, cached)
      return cached
    }
    const bytes = await this.#read(name)
    if (!bytes) throw new Error(`search index piece ${name} is missing`)
    // A piece read concurrently by another query may have landed meanwhile: keep one.
    const raced = this.#cache.get(name)
    if (raced) return raced
    this.#cache.set(name, bytes)
    this.#cacheBytes += bytes.length
    for (const [key, value] of this.#cache) {
      if (this.#cacheBytes <= this.#cacheLimit || key === name) break
      this.#cache.delete(key)
      this.#cacheBytes -= value.length
    }
    return bytes
  }

  /** Loads the shards holding `terms` (in parallel) and gives access to their postings. */
  async load(terms: Iterable<number>): Promise<LoadedPostings> {
    const needed = new Set<number>()
    for (const t of terms) needed.add(this.#shardOf(t))
    const shards = new Map<number, Uint8Array>()
    await Promise.all(
      [...needed].map(async (k) => shards.set(k, await this.#piece(shardName('terms', k)))),
    )
    return {
      postings: (t) => {
        const k = this.#shardOf(t)
        const bytes = shards.get(k)
        if (!bytes) throw new Error(`postings of term ${t} were not loaded`)
        const local = t - (this.#shardFirst[k] as number)
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        const count = view.getUint32(0, true)
        const dataStart = 4 + (count + 1) * 4
        return {
          bytes,
          start: dataStart + view.getUint32(4 + local * 4, true),
          df: this.df[t] as number,
        }
      },
    }
  }

  /** Doc ids of each identifier key found (keys not in the catalogue are left out). */
  async identifiers(keys: readonly string[]): Promise<Map<string, Uint32Array>> {
    const found = new Map<string, Uint32Array>()
    await Promise.all(
      keys.map(async (key) => {
        const bytes = utf8.encode(key)
        let lo = 0
        let hi = this.#idFirst.length - 1
        if (hi < 0) return
        const firstOf = (k: number) => this.#idFirst[k] as Uint8Array
        if (compareBytes(firstOf(0), 0, firstOf(0).length, bytes) > 0) return
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1
          if (compareBytes(firstOf(mid), 0, firstOf(mid).length, bytes) <= 0) lo = mid
          else hi = mid - 1
        }
        const shard = await this.#piece(shardName('ids', lo))
        const view = new DataView(shard.buffer, shard.byteOffset, shard.byteLength)
        const count = view.getUint32(0, true)
        const base = 4 + count * 4
        const entry = (i: number) => new ByteReader(shard, base + view.getUint32(4 + i * 4, true))
        let a = 0
        let b = count
        while (a < b) {
          const mid = (a + b) >>> 1
          const r = entry(mid)
          const length = r.varint()
          if (compareBytes(shard, r.offset, r.offset + length, bytes) < 0) a = mid + 1
          else b = mid
        }
        if (a >= count) return
        const r = entry(a)
        const length = r.varint()
        if (compareBytes(shard, r.offset, r.offset + length, bytes) !== 0) return
        r.offset += length
        const n = r.varint()
        const docs = new Uint32Array(n)
        let previous = -1
        for (let j = 0; j < n; j++) {
          previous = previous + 1 + r.varint()
          docs[j] = previous
        }
        found.set(key, docs)
      }),
    )
    return found
  }
}

/**
 * Opens an index written by `searchPieces`: reads the header now, shards when a query
 * needs them.
 *
 * @example
 * const index = await openSearchIndex((name) => store.piece(name))
 */
export async function openSearchIndex(
  readPiece: ReadPiece,
  options?: OpenOptions,
): Promise<SearchIndexReader> {
  const header = await readPiece(SEARCH_HEADER)
  if (!header) throw new Error(`search index piece ${SEARCH_HEADER} is missing`)
  return new SearchIndexReader(header, readPiece, options)
}
