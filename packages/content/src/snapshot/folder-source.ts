// A snapshot folder on disk (`colophon build`'s output) as a piece source (Node).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkManifest, PIECES, type SnapshotManifest } from './format.ts'
import type { PieceSource } from './snapshot.ts'

/**
 * Reads pieces from `dir`, one file each.
 *
 * @example
 * const source = folderSource('dist/catalogue')
 * const snapshot = new Snapshot(await readManifest('dist/catalogue'), source)
 */
export function folderSource(dir: string): PieceSource {
  return {
    async read(name) {
      try {
        return new Uint8Array(await readFile(join(dir, name)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
    },
  }
}

/** The manifest of the snapshot folder `dir`, format checked. */
export async function readManifest(dir: string): Promise<SnapshotManifest> {
  const file = join(dir, PIECES.manifest)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${file}: no compiled catalogue here (run colophon build)`)
    throw error
  }
  return checkManifest(JSON.parse(text), file)
}
