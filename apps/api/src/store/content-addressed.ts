// The key layout of a snapshot in a key-value store (Workers KV, R2): every piece, and the
// manifest itself, under `<name>@<hash>`; one mutable key, `manifest`, a tiny pointer to the
// current content hash, written last. A reader that sees a pointer finds every key it
// implies, and a new build never overwrites what a running worker may still be reading.
import {
  checkManifest,
  MANIFEST_POINTER,
  type ManifestPointer,
  PIECES,
  pieceKey,
  SNAPSHOT_FORMAT,
  type SnapshotManifest,
} from 'colophon-content/snapshot'

export { MANIFEST_POINTER }

/** The key of a snapshot's whole manifest. */
export const manifestKey = (contentHash: string) => pieceKey(PIECES.manifest, contentHash)

/** The pointer's value for a manifest. */
export function pointerOf(manifest: SnapshotManifest): string {
  const pointer: ManifestPointer = { format: SNAPSHOT_FORMAT, contentHash: manifest.contentHash }
  return JSON.stringify(pointer)
}

/** The content hash a pointer names, format checked. */
export function parsePointer(text: string, where: string): string {
  const pointer = JSON.parse(text) as Partial<ManifestPointer>
  if (pointer.format !== SNAPSHOT_FORMAT || typeof pointer.contentHash !== 'string') {
    throw new Error(
      `${where}: snapshot format ${String(pointer.format ?? 1)}, this reader reads format ${SNAPSHOT_FORMAT}; load a catalogue built by this version`,
    )
  }
  return pointer.contentHash
}

export function parseManifest(text: string, where: string): SnapshotManifest {
  return checkManifest(JSON.parse(text), where)
}
