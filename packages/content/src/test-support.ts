// Helpers for this package's tests: throwaway catalogue folders on disk.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REAL_CATALOGUE = fileURLToPath(new URL('../catalogue', import.meta.url))
export const ERROR_FIXTURES = fileURLToPath(new URL('../fixtures/errors', import.meta.url))

/** A fresh temporary folder; `dispose()` removes it. */
export async function tempDir(prefix = 'colophon-') {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return { path, dispose: () => rm(path, { recursive: true, force: true }) }
}

/** A copy of `source` (a catalogue folder) at `target`. */
export async function copyCatalogue(source: string, target: string): Promise<string> {
  await cp(source, target, { recursive: true })
  return target
}

/** Every file of a folder, path → bytes as text, for comparing whole outputs. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
  const tree = new Map<string, string>()
  for (const name of names) tree.set(name, await readFile(join(dir, name), 'utf8'))
  return tree
}

/**
 * Output files (text or bytes) as strings, for comparing whole outputs: a deep equality over
 * byte arrays walks every element, which for a compiled catalogue takes minutes.
 */
export function asTexts(files: ReadonlyMap<string, string | Uint8Array>): Map<string, string> {
  const texts = new Map<string, string>()
  for (const [name, value] of files)
    texts.set(
      name,
      typeof value === 'string' ? value : `bytes ${Buffer.from(value).toString('base64')}`,
    )
  return texts
}
