// One reader over snapshot format 2 for every place a snapshot lives (a folder, the worker
// bundle, Workers KV, R2): the source only fetches a piece's bytes; this class knows the
// layout, parses pieces and keeps a bounded cache of them. Runtime-neutral.
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'
import type { VocabularyCounts } from '../output.ts'
import {
  identifierKey,
  PIECES,
  type SnapshotManifest,
  type SummaryBlock,
  shardOf,
  type Tombstone,
} from './format.ts'
import { LruCache } from './lru-cache.ts'

/** Where a snapshot's pieces are read from. */
export interface PieceSource {
  /**
   * The bytes of one piece, or undefined when the source lacks it. `hash` is the manifest's
   * hash of the piece: content-addressed sources (KV, R2) key by it, a folder may ignore it.
   */
  read(name: string, hash: string): Promise<Uint8Array | string | undefined>
}

export interface SnapshotOptions {
  /** How many parsed pieces (blocks, shards) to keep. Default 64. */
  cacheSize?: number
  /**
   * The most bytes of piece text the parsed pieces kept were read from (their heap is a few
   * times that). Default 8 MiB, for a Worker's 128 MB; a Node server can afford far more, and
   * a cache smaller than the pieces a workload visits makes every request parse a block.
   */
  cacheBytes?: number
}

/** The parsed pieces a snapshot keeps by default: within a Worker's memory. */
export const DEFAULT_SNAPSHOT_CACHE = { cacheSize: 64, cacheBytes: 8 << 20 } as const

const decoder = new TextDecoder()
const encoder = new TextEncoder()

/** The error of a source that lacks a piece its manifest names. */
export class MissingPieceError extends Error {
  constructor(name: string, hash: string) {
    super(`snapshot is incomplete: piece "${name}" (${hash}) is missing`)
    this.name = 'MissingPieceError'
  }
}

/**
 * A catalogue snapshot: one manifest and the pieces it names.
 *
 * @example
 * const snapshot = new Snapshot(manifest, source)
 * await snapshot.report('beyond-factory-asia') // the compiled report, from its block
 * await snapshot.summaries(0, 20)              // the newest 20 summaries
 */
export class Snapshot {
  readonly manifest: SnapshotManifest
  readonly #source: PieceSource
  readonly #cache: LruCache<string, { parsed: unknown; bytes: number }>
  // Small pieces every request needs, kept for the snapshot's life once read.
  #settings: CatalogueSettings | undefined
  #vocabularies: VocabularyCounts | undefined
  #withdrawn: Readonly<Record<string, Tombstone>> | undefined

  constructor(manifest: SnapshotManifest, source: PieceSource, options: SnapshotOptions = {}) {
    this.manifest = manifest
    this.#source = source
    this.#cache = new LruCache(options.cacheSize ?? DEFAULT_SNAPSHOT_CACHE.cacheSize, {
      maxWeight: options.cacheBytes ?? DEFAULT_SNAPSHOT_CACHE.cacheBytes,
      weigh: (entry) => entry.bytes,
    })
  }

  get reportCount(): number {
    return this.manifest.reportCount
  }

  /** Whether the manifest names this piece. */
  has(name: string): boolean {
    return Object.hasOwn(this.manifest.pieces, name)
  }

  /**
   * The bytes of any piece the manifest names (the search index's shards, for one); undefined
   * for a name it does not. Throws MissingPieceError when the source lacks a named piece.
   */
  async piece(name: string): Promise<Uint8Array | undefined> {
    const value = await this.#read(name)
    return value === undefined || typeof value !== 'string' ? value : encoder.encode(value)
  }

  async #read(name: string): Promise<Uint8Array | string | undefined> {
    if (!this.has(name)) return undefined
    const hash = this.manifest.pieces[name] as string
    const value = await this.#source.read(name, hash)
    if (value === undefined) throw new MissingPieceError(name, hash)
    return value
  }

  /** A JSON piece, parsed, through the bounded cache. */
  async json<T>(name: string): Promise<T | undefined> {
    const cached = this.#cache.get(name)
    if (cached !== undefined) return cached.parsed as T
    const value = await this.#read(name)
    if (value === undefined) return undefined
    const parsed = JSON.parse(typeof value === 'string' ? value : decoder.decode(value)) as T
    this.#cache.set(name, { parsed, bytes: value.length })
    return parsed
  }

  async #required<T>(name: string): Promise<T> {
    const value = await this.json<T>(name)
    if (value === undefined) throw new Error(`snapshot manifest names no piece "${name}"`)
    return value
  }

  async settings(): Promise<CatalogueSettings> {
    this.#settings ??= await this.#required<CatalogueSettings>(PIECES.settings)
    return this.#settings
  }

  async vocabularies(): Promise<VocabularyCounts> {
    this.#vocabularies ??= await this.#required<VocabularyCounts>(PIECES.vocabularies)
    return this.#vocabularies
  }

  /** Withdrawn reports' tombstones by slug (none in the blocks, lists or search). */
  async withdrawn(): Promise<Readonly<Record<string, Tombstone>>> {
    this.#withdrawn ??= (await this.json<Record<string, Tombstone>>(PIECES.withdrawn)) ?? {}
    return this.#withdrawn
  }

  /**
   * Every compiled report with its content hash, in doc-id order (newest first), block by
   * block, not cached (each block is read once): what the dump streams.
   */
  async *allReports(): AsyncGenerator<{ report: CompiledReport; hash: string }> {
    const size = this.manifest.blockSize
    const blocks = Math.ceil(this.reportCount / size)
    for (let block = 0; block < blocks; block++) {
      const { hashes } = await this.summaryBlock(block)
      const value = await this.#read(PIECES.reports(block))
      if (value === undefined)
        throw new Error(`snapshot manifest names no piece "${PIECES.reports(block)}"`)
      const reports = JSON.parse(
        typeof value === 'string' ? value : decoder.decode(value),
      ) as CompiledReport[]
      for (const [i, report] of reports.entries()) yield { report, hash: hashes[i] as string }
    }
  }

  /** The summaries block holding `docId`. */
  summaryBlock(block: number): Promise<SummaryBlock<ReportSummary>> {
    return this.#required(PIECES.summaries(block))
  }

  /** Summaries of doc ids `from` (inclusive) to `to` (exclusive), newest first. */
  async summaries(from: number, to: number): Promise<ReportSummary[]> {
    const size = this.manifest.blockSize
    const end = Math.min(to, this.reportCount)
    const out: ReportSummary[] = []
    for (let block = Math.floor(from / size); block * size < end; block++) {
      const { items } = await this.summaryBlock(block)
      const lo = Math.max(from - block * size, 0)
      const hi = Math.min(end - block * size, items.length)
      for (let i = lo; i < hi; i++) out.push(items[i] as ReportSummary)
    }
    return out
  }

  /** Summaries of these doc ids, in the order given (each block read once). */
  async summariesOf(docIds: ArrayLike<number>): Promise<ReportSummary[]> {
    const size = this.manifest.blockSize
    const out: ReportSummary[] = []
    for (let i = 0; i < docIds.length; i++) {
      const id = docIds[i] as number
      const { items } = await this.summaryBlock(Math.floor(id / size))
      out.push(items[id % size] as ReportSummary)
    }
    return out
  }

  /**
   * Every summary, newest first, block by block (not cached here: the caller decides).
   * For Node tools and small catalogues; the request path reads blocks instead.
   */
  async *allSummaries(): AsyncGenerator<ReportSummary> {
    const blocks = Math.ceil(this.reportCount / this.manifest.blockSize)
    for (let block = 0; block < blocks; block++) {
      yield* (await this.summaryBlock(block)).items
    }
  }

  /** The doc id of a slug, or undefined when the catalogue has no such report. */
  async docId(slug: string): Promise<number | undefined> {
    if (this.reportCount === 0) return undefined
    const shard = await this.#required<Record<string, number>>(
      PIECES.slugs(shardOf(slug, this.manifest.shards.slugs)),
    )
    return Object.hasOwn(shard, slug) ? shard[slug] : undefined
  }

  /** The content hash of a report's JSON (its strong ETag), by slug. */
  async reportHash(slug: string): Promise<string | undefined> {
    const id = await this.docId(slug)
    if (id === undefined) return undefined
    const size = this.manifest.blockSize
    return (await this.summaryBlock(Math.floor(id / size))).hashes[id % size]
  }

  /** One compiled report by doc id. */
  async reportAt(docId: number): Promise<CompiledReport | undefined> {
    if (!(docId >= 0 && docId < this.reportCount)) return undefined
    const size = this.manifest.blockSize
    const block = await this.#required<CompiledReport[]>(PIECES.reports(Math.floor(docId / size)))
    return block[docId % size]
  }

  /** One compiled report by slug. */
  async report(slug: string): Promise<CompiledReport | undefined> {
    const id = await this.docId(slug)
    return id === undefined ? undefined : this.reportAt(id)
  }

  /** The doc id of a normalized identifier (ISBN-13 digits, lower-cased bare DOI). */
  async lookup(kind: 'isbn' | 'doi', normalized: string): Promise<number | undefined> {
    if (this.reportCount === 0) return undefined
    const key = identifierKey(kind, normalized)
    const shard = await this.#required<Record<string, number>>(
      PIECES.identifiers(shardOf(key, this.manifest.shards.identifiers)),
    )
    return Object.hasOwn(shard, key) ? shard[key] : undefined
  }

  /** The slug of a doc id. */
  async slugAt(docId: number): Promise<string | undefined> {
    if (!(docId >= 0 && docId < this.reportCount)) return undefined
    const size = this.manifest.blockSize
    return (await this.summaryBlock(Math.floor(docId / size))).items[docId % size]?.slug
  }
}
