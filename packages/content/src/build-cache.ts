// The compile's cache, kept beside the output folder (`.<out>.cache`): every valid report
// file's parse (validated report and rendered HTML) keyed by the hash of its path and text,
// and the hash of the last build's inputs. A build whose inputs are those of the output on
// disk writes nothing; otherwise only files whose text changed are parsed again.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize } from 'node:v8'
import type { ParsedReport } from './compiler.ts'

/** Above this many reports the parse cache is not written (it would be held whole in memory). */
export const CACHE_AT_MOST = 50_000

export interface BuildCache {
  /** File key → its parse, for files that were valid on their own. */
  parsed: Map<string, ParsedReport>
  /** The inputs and result of the last build written with this cache. */
  last?: { inputs: string; contentHash: string }
}

interface CacheFile {
  fingerprint: string
  parsed: [string, ParsedReport][]
}

/** The cache folder of an output folder. */
export function cacheDir(out: string): string {
  return join(dirname(out), `.${basename(out)}.cache`)
}

/** The key of one source file: its display path and text. */
export function sourceKey(file: string, text: string): string {
  return createHash('sha256')
    .update(file)
    .update('\0')
    .update(text)
    .digest('base64url')
    .slice(0, 22)
}

let fingerprint: string | undefined

/**
 * A hash of the code that parses and validates (this package's and the schema's sources and
 * the versions of the parsers): a cache made by other code is not used.
 */
export function compilerFingerprint(): string {
  if (fingerprint) return fingerprint
  const hash = createHash('sha256')
  const roots = ['./', '../../schema/src/'].map((p) => fileURLToPath(new URL(p, import.meta.url)))
  for (const root of roots) {
    const names = (readdirSync(root, { recursive: true }) as string[])
      .filter((n) => /\.(ts|js)$/.test(n) && !/\.test\.ts$/.test(n))
      .sort()
    for (const name of names) hash.update(name).update(readFileSync(join(root, name)))
  }
  for (const dep of ['js-yaml', 'markdown-it', 'yaml', 'zod']) {
    try {
      const pkg = fileURLToPath(import.meta.resolve(`${dep}/package.json`))
      hash.update(readFileSync(pkg))
    } catch {
      hash.update(dep)
    }
  }
  fingerprint = hash.digest('base64url')
  return fingerprint
}

/** The last build's inputs and result, from its small file (read before the parses). */
export async function readLastBuild(out: string): Promise<BuildCache['last']> {
  try {
    const last = JSON.parse(await readFile(join(cacheDir(out), 'last.json'), 'utf8'))
    return last.fingerprint === compilerFingerprint() ? last.last : undefined
  } catch {
    return undefined
  }
}

/** The parses of `out`'s cache, or none when there is none or it was made by other code. */
export async function readParsed(out: string): Promise<BuildCache['parsed']> {
  try {
    const file = deserialize(await readFile(join(cacheDir(out), 'parsed.bin'))) as CacheFile
    if (file.fingerprint !== compilerFingerprint()) return new Map()
    return new Map(file.parsed)
  } catch {
    return new Map()
  }
}

/** The whole cache of `out`. */
export async function readBuildCache(out: string): Promise<BuildCache> {
  const [last, parsed] = await Promise.all([readLastBuild(out), readParsed(out)])
  return { parsed, ...(last && { last }) }
}

/**
 * Writes the cache: the parses, then the small file naming the build they belong to (each
 * to a temporary file, then renamed: never half-written).
 */
export async function writeBuildCache(out: string, cache: BuildCache): Promise<void> {
  const dir = cacheDir(out)
  await mkdir(dir, { recursive: true })
  const put = async (name: string, data: string | Uint8Array) => {
    await writeFile(join(dir, `${name}.tmp`), data)
    await rename(join(dir, `${name}.tmp`), join(dir, name))
  }
  const file: CacheFile = { fingerprint: compilerFingerprint(), parsed: [...cache.parsed] }
  await put('parsed.bin', serialize(file))
  if (cache.last)
    await put('last.json', JSON.stringify({ fingerprint: file.fingerprint, last: cache.last }))
}

/** The hash of a build's inputs: the code, the catalogue file and every report file's key. */
export function inputsHash(settingsText: string | undefined, keys: readonly string[]): string {
  const hash = createHash('sha256').update(compilerFingerprint()).update('\0')
  hash.update(settingsText ?? '\u0000missing').update('\0')
  for (const key of keys) hash.update(key)
  return hash.digest('base64url')
}
