// The compile's cache, kept beside the output folder (`.<out>.cache`): every valid report
// file's parse (validated report and rendered HTML) keyed by the hash of its path and text,
// and the hash of the last build's inputs. A build whose inputs are those of the output on
// disk writes nothing; otherwise only files whose text changed are parsed again.
import { createHash } from 'node:crypto'
import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize } from 'node:v8'
import {
  type BuildState,
  changesPathOf,
  encodeBuildState,
  type StateChanges,
} from './build-state.ts'
import type { ParsedReport } from './compiler.ts'

/** Above this many reports the parse cache is not written (it would be held whole in memory). */
export const CACHE_AT_MOST = 50_000

export interface BuildCache {
  /** File key → its parse, for files that were valid on their own. */
  parsed: Map<string, ParsedReport>
  /** The inputs and result of the last build written with this cache. */
  last?: LastBuild
}

export interface LastBuild {
  inputs: string
  contentHash: string
  /**
   * The inputs with the report files' metadata in place of their text (`statStamp`): when
   * it matches, the build is up to date without reading a report file.
   */
  stamp?: string
  /**
   * Each report file's metadata when it was read (`statLine`) and its key: a file whose
   * metadata is the same is not read again, its key is this one.
   */
  files?: FileRecord[]
  /** The hash of the inputs other than the report files (settings, git dates, listing). */
  others?: string
}

/**
 * A report file as a build saw it: display path, metadata (`statLine`, empty when it had
 * just changed), key (`sourceKey`).
 */
export type FileRecord = [file: string, stat: string, key: string]

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

// The CLI bundle (scripts/bundle-cli.mjs) is made with the fingerprint of the sources it was
// made from: its own folder holds no sources to hash.
declare const __COLOPHON_FINGERPRINT__: string | undefined
let fingerprint: string | undefined =
  typeof __COLOPHON_FINGERPRINT__ === 'string' ? __COLOPHON_FINGERPRINT__ : undefined

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
export async function writeBuildCache(
  out: string,
  cache: BuildCache,
  /** Other writes into the cache (the state) that must be done before the last build's record. */
  alongside?: Promise<void>,
): Promise<void> {
  const dir = cacheDir(out)
  await mkdir(dir, { recursive: true })
  const put = async (name: string, data: string | Uint8Array) => {
    await writeFile(join(dir, `${name}.tmp`), data)
    await rename(join(dir, `${name}.tmp`), join(dir, name))
  }
  const file: CacheFile = { fingerprint: compilerFingerprint(), parsed: [...cache.parsed] }
  await Promise.all([put('parsed.bin', serialize(file)), alongside])
  if (cache.last) await writeLastBuild(out, cache.last)
}

/** The cache's state of the last output (see build-state.ts). */
export function buildStatePath(out: string): string {
  return join(cacheDir(out), 'state.bin')
}

/** Writes the state of the output whose content hash is `contentHash`. */
export async function writeBuildState(
  out: string,
  state: BuildState,
  contentHash: string,
): Promise<void> {
  const dir = cacheDir(out)
  await mkdir(dir, { recursive: true })
  const parts = encodeBuildState(state, { fingerprint: compilerFingerprint(), contentHash })
  // Written at once (one system call for tens of MB, not a round trip per 512 KB chunk).
  const file = await open(join(dir, 'state.bin.tmp'), 'w')
  try {
    const size = parts.reduce((n, part) => n + part.byteLength, 0)
    const { bytesWritten } = await file.writev(parts)
    if (bytesWritten !== size)
      throw new Error(`state.bin: ${bytesWritten} of ${size} bytes written`)
  } finally {
    await file.close()
  }
  await rename(join(dir, 'state.bin.tmp'), join(dir, 'state.bin'))
  // Changes kept since the last state.bin are of another output now.
  await rm(changesPathOf(join(dir, 'state.bin')), { force: true })
}

/** Writes the reports changed since `state.bin` (see `StateChanges`), not the whole state. */
export async function writeStateChanges(out: string, changes: StateChanges): Promise<void> {
  const path = changesPathOf(buildStatePath(out))
  await writeFile(`${path}.tmp`, JSON.stringify(changes))
  await rename(`${path}.tmp`, path)
}

/**
 * Removes the small file naming the last build: the output is about to be changed in
 * place, and until the new one is written it is no build's (a build then starts afresh).
 */
export async function forgetLastBuild(out: string): Promise<void> {
  await rm(join(cacheDir(out), 'last.json'), { force: true })
}

/** Writes only the small file naming the last build (a new stamp for the same output). */
export async function writeLastBuild(out: string, last: LastBuild): Promise<void> {
  const dir = cacheDir(out)
  await mkdir(dir, { recursive: true })
  const text = JSON.stringify({ fingerprint: compilerFingerprint(), last })
  await writeFile(join(dir, 'last.json.tmp'), text)
  await rename(join(dir, 'last.json.tmp'), join(dir, 'last.json'))
}

/** A file whose time of change is this close to the stamp's is read anyway (ns). */
const RACY_NS = 1_000_000_000n

/**
 * One report file's metadata (path, size, inode, times of change), taken before it is read,
 * as git's index does: the same line means the same text. Undefined when the file is a link
 * (its target could change unseen), cannot be stat'ed, or changed within a second of
 * `nowNs` (a change right after reading it could keep the same time and size).
 *
 * @example
 * const line = statLine('catalogue/reports/a.md', BigInt(Date.now()) * 1_000_000n)
 */
export function statLine(path: string, nowNs: bigint): string | undefined {
  let stats: import('node:fs').BigIntStats
  try {
    stats = lstatSync(path, { bigint: true })
  } catch {
    return undefined
  }
  if (!stats.isFile() || stats.mtimeNs > nowNs - RACY_NS || stats.ctimeNs > nowNs - RACY_NS)
    return undefined
  return `${path}\0${stats.size} ${stats.ino} ${stats.dev} ${stats.mtimeNs} ${stats.ctimeNs}\n`
}

/**
 * A hash of every report file's `statLine`: the same stamp means the same texts. Undefined
 * when any file's line is.
 *
 * @example
 * const stamp = stampOf(paths.map((p) => statLine(p, now)))
 */
export function stampOf(lines: readonly (string | undefined)[]): string | undefined {
  const hash = createHash('sha256')
  for (const line of lines) {
    if (line === undefined) return undefined
    hash.update(line)
  }
  return hash.digest('base64url')
}

/**
 * `stampOf` the files' `statLine`s.
 *
 * @example
 * const stamp = statStamp(paths, BigInt(Date.now()) * 1_000_000n)
 */
export function statStamp(paths: readonly string[], nowNs: bigint): string | undefined {
  return stampOf(paths.map((path) => statLine(path, nowNs)))
}

/** The hash of a build's inputs: the code, the catalogue file and every report file's key. */
export function inputsHash(settingsText: string | undefined, keys: readonly string[]): string {
  const hash = createHash('sha256').update(compilerFingerprint()).update('\0')
  hash.update(settingsText ?? '\u0000missing').update('\0')
  for (const key of keys) hash.update(key)
  return hash.digest('base64url')
}
