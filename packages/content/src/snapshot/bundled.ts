// The snapshot as `colophon build` inlines it into `dist/catalogue/index.js` for a worker
// that bundles its catalogue: the manifest and each piece as a string literal (binary pieces
// as base64). Runtime-neutral.
import type { CatalogueSettings } from 'colophon-schema'
import { PIECES, type SnapshotManifest } from './format.ts'
import type { PieceSource } from './snapshot.ts'

export interface BundledSnapshot {
  manifest: SnapshotManifest
  /** Piece name → its text (or base64 bytes); null when the catalogue was too large to inline. */
  pieces: Record<string, string | { base64: string }> | null
  /** Why `pieces` is null. */
  tooLarge?: string
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * A piece source over a bundled snapshot.
 *
 * @example
 * import { catalogue } from 'colophon-content'
 * const snapshot = new Snapshot(catalogue.manifest, bundledSource(catalogue))
 */
export function bundledSource(bundled: BundledSnapshot): PieceSource {
  const { pieces } = bundled
  if (!pieces) throw new Error(bundled.tooLarge ?? 'colophon-content: no bundled pieces')
  return {
    async read(name) {
      if (!Object.hasOwn(pieces, name)) return undefined
      const value = pieces[name] as string | { base64: string }
      return typeof value === 'string' ? value : fromBase64(value.base64)
    },
  }
}

/**
 * The catalogue's settings from a bundled snapshot, synchronously (a worker needs its base
 * URL before its first request is served).
 *
 * @example
 * import { catalogue } from 'colophon-content'
 * bundledSettings(catalogue).baseUrl // 'https://reports.example.org'
 */
export function bundledSettings(bundled: BundledSnapshot): CatalogueSettings {
  const value = bundled.pieces?.[PIECES.settings]
  if (typeof value !== 'string')
    throw new Error(bundled.tooLarge ?? 'colophon-content: no bundled settings')
  return JSON.parse(value) as CatalogueSettings
}
