// The keys and values a snapshot folder becomes in a content-addressed store (Workers KV,
// R2), in the order they must be written: every piece, then the whole manifest, then the
// pointer. Node only (reads the folder); used by the loaders and the workerd tests' setup.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readManifest } from 'colophon-content/node'
import { PIECES, pieceKey, type SnapshotManifest } from 'colophon-content/snapshot'
import { MANIFEST_POINTER, manifestKey, pointerOf } from './content-addressed.ts'

/** One key to write: its value is the file at `path`, or `text`. */
export interface SnapshotEntry {
  key: string
  path?: string
  text?: string
}

export interface SnapshotEntries {
  manifest: SnapshotManifest
  /** The pieces, then the whole manifest under its content hash. */
  data: SnapshotEntry[]
  /** The pointer, to write after every data entry. */
  pointer: SnapshotEntry
}

/**
 * The entries of the snapshot folder `dir` (nothing read but its manifest).
 *
 * @example
 * const { data, pointer } = await snapshotEntries('dist/catalogue')
 */
export async function snapshotEntries(dir: string): Promise<SnapshotEntries> {
  const manifest = await readManifest(dir)
  const data: SnapshotEntry[] = Object.entries(manifest.pieces).map(([name, hash]) => ({
    key: pieceKey(name, hash),
    path: join(dir, name),
  }))
  data.push({ key: manifestKey(manifest.contentHash), path: join(dir, PIECES.manifest) })
  return { manifest, data, pointer: { key: MANIFEST_POINTER, text: pointerOf(manifest) } }
}

/** An entry's value. */
export async function entryValue(entry: SnapshotEntry): Promise<Uint8Array> {
  if (entry.text !== undefined) return new TextEncoder().encode(entry.text)
  return new Uint8Array(await readFile(entry.path as string))
}
