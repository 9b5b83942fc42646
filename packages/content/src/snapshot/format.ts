// Snapshot format 2: the compiled catalogue as small, content-addressed pieces, made for the
// edge (a Workers KV value, an R2 object or a file each). Runtime-neutral: no Node APIs, so
// the worker, the Node server and the compile step share these names and rules.
//
// Every piece is named here; `manifest.json` lists each piece's hash, so a reader that has
// a manifest can fetch `<name>@<hash>` from a content-addressed store (KV, R2) and never mixes
// two builds. A report's position in the newest-first list is its doc id; summaries and
// reports are stored in blocks of BLOCK_SIZE doc ids, slugs and identifiers in hash shards.

/** Bumped whenever a piece's name or shape changes; readers refuse other versions. */
export const SNAPSHOT_FORMAT = 2

/** Doc ids per summaries block and per reports block (a page of 20 reads one block). */
export const BLOCK_SIZE = 100

/** About how many entries a slug or identifier shard holds. */
export const SHARD_TARGET = 1024

export const PIECES = {
  manifest: 'manifest.json',
  settings: 'catalogue.json',
  vocabularies: 'vocabularies.json',
  /** `withdrawn.json`: `{ slug: Tombstone }`, the withdrawn reports (none in the blocks). */
  withdrawn: 'withdrawn.json',
  /** `summaries/<block>.json`: `{ hashes, items }` for doc ids block·BLOCK_SIZE onwards. */
  summaries: (block: number) => `summaries/${block}.json`,
  /** `report-blocks/<block>.json`: the compiled reports of those doc ids, in order. */
  reports: (block: number) => `report-blocks/${block}.json`,
  /** `slugs/<shard>.json`: `{ slug: docId }` for the slugs that hash to this shard. */
  slugs: (shard: number) => `slugs/${shard}.json`,
  /** `identifiers/<shard>.json`: `{ "isbn:978…" | "doi:10.…": docId }`. */
  identifiers: (shard: number) => `identifiers/${shard}.json`,
} as const

/** Not pieces: one file per report for integrators (`reports/<slug>.json`), on disk only. */
export const REPORT_FILES_DIR = 'reports'

/** The manifest: small, read first, the only piece not named by a hash. */
export interface SnapshotManifest {
  format: typeof SNAPSHOT_FORMAT
  /** The catalogue schema version the reports were validated against. */
  schemaVersion: number
  /** One hash over every piece: changes whenever anything in the catalogue changes. */
  contentHash: string
  reportCount: number
  blockSize: number
  shards: { slugs: number; identifiers: number }
  /**
   * Identifies the dump (every report's JSON, one per line, in doc-id order): a hash over
   * the reports' own hashes in that order. The dump's ETag.
   */
  dumpHash: string
  /** Every piece's name → its content hash (22 characters of SHA-256, base64url). */
  pieces: Record<string, string>
}

/** What a withdrawn report leaves: a 410 with the reason, an OAI-PMH deleted record. */
export interface Tombstone {
  title: string
  type: string
  series?: string
  topics?: string[]
  /** When the record last changed (the withdrawal, usually). */
  modified: string
  withdrawn: { date: string; reason: string }
  /** Its ISBNs (13 digits, no hyphens) and DOI (lower-cased): the lookups answer 410 too. */
  isbn?: string[]
  doi?: string
}

/** A summaries block: the reports' summaries and each report's own content hash (its ETag). */
export interface SummaryBlock<Summary = unknown> {
  hashes: string[]
  items: Summary[]
}

/** How many shards `count` entries take. */
export function shardCount(count: number): number {
  return Math.max(1, Math.ceil(count / SHARD_TARGET))
}

/**
 * The shard of a key: FNV-1a (32 bits) over its UTF-16 code units, modulo `shards`.
 *
 * @example
 * shardOf('beyond-factory-asia', 4) // a number in 0..3, the same in every runtime
 */
export function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % shards
}

/** The key of an identifier in the identifier shards. */
export function identifierKey(kind: 'isbn' | 'doi', normalized: string): string {
  return `${kind}:${normalized}`
}

/**
 * Where a content-addressed store (KV, R2) keeps a piece: `<name>@<hash>`. The manifest is
 * kept under its content hash too, with a tiny pointer (`MANIFEST_POINTER`) written last.
 */
export function pieceKey(name: string, hash: string): string {
  return `${name}@${hash}`
}

/** The one mutable key of a content-addressed store: `{ format, contentHash }`, written last. */
export const MANIFEST_POINTER = 'manifest'

export interface ManifestPointer {
  format: typeof SNAPSHOT_FORMAT
  contentHash: string
}

/** Checks a parsed manifest's format, so an old or newer build fails with a clear message. */
export function checkManifest(value: unknown, where: string): SnapshotManifest {
  const manifest = value as Partial<SnapshotManifest> | null
  if (!manifest || typeof manifest !== 'object' || typeof manifest.contentHash !== 'string') {
    throw new Error(`${where}: not a Colophon snapshot manifest`)
  }
  if (manifest.format !== SNAPSHOT_FORMAT) {
    throw new Error(
      `${where}: snapshot format ${String(manifest.format ?? 1)}, this reader reads format ${SNAPSHOT_FORMAT}; rebuild the catalogue with colophon build`,
    )
  }
  return manifest as SnapshotManifest
}
