/**
 * colophon-content/snapshot: the compiled catalogue's format (version 2) and its one reader,
 * without any catalogue data: what a worker that reads KV or R2 imports. Runtime-neutral.
 *
 * @example
 * import { Snapshot } from 'colophon-content/snapshot'
 * const snapshot = new Snapshot(manifest, { read: (name, hash) => kv.get(`${name}@${hash}`, 'arrayBuffer') })
 * await snapshot.report('beyond-factory-asia')
 */
export { OUTPUT_FILES, type VocabularyCounts } from '../output.ts'
export { type BundledSnapshot, bundledSettings, bundledSource } from './bundled.ts'
export {
  BLOCK_SIZE,
  checkManifest,
  identifierKey,
  MANIFEST_POINTER,
  type ManifestPointer,
  PIECES,
  pieceKey,
  REPORT_FILES_DIR,
  SNAPSHOT_FORMAT,
  type SnapshotManifest,
  type SummaryBlock,
  shardCount,
  shardOf,
  type Tombstone,
} from './format.ts'
export { LruCache, type LruWeightLimit } from './lru-cache.ts'
export {
  DEFAULT_SNAPSHOT_CACHE,
  MissingPieceError,
  type PieceSource,
  Snapshot,
  type SnapshotOptions,
} from './snapshot.ts'
