// The compile step on the file system: read a catalogue folder, compile it, and write the
// output atomically (a temporary folder beside the output, then swapped in).

import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import {
  type BuildCache,
  buildStatePath,
  CACHE_AT_MOST,
  type FileRecord,
  forgetLastBuild,
  inputsHash,
  type LastBuild,
  readLastBuild,
  readParsed,
  sourceKey,
  stampOf,
  statLine,
  writeBuildCache,
  writeBuildState,
  writeLastBuild,
  writeStateChanges,
} from './build-cache.ts'
import { type BuildState, stateItem } from './build-state.ts'
import { CATALOGUE_FILE, REPORTS_DIR } from './catalogue-file.ts'
import {
  CatalogueCompiler,
  type CompileResult,
  type CompilerOptions,
  type ParsedReport,
  parseReport,
} from './compiler.ts'
import { relativeDisplay } from './display-path.ts'
import type { EmittedReport } from './emit.ts'
import { gitDates } from './git-dates.ts'
import { type InPlaceUpdate, planInPlaceUpdate } from './in-place-build.ts'
import { defaultThreads, parseInWorkers, type SourcePath } from './parse-pool.ts'
import type { ContentProblem } from './problem.ts'
import { slugFromFileName } from './report-file.ts'
import { type SearchEntries, termEntriesOf } from './search/index.ts'
import {
  listSourceFiles,
  readSourceFile,
  readSourceFileSync,
  type SourceRead,
  unreadText,
} from './source-files.ts'
import { mark } from './timings.ts'

/**
 * Up to how many reports changed since the cache's state.bin an in-place update keeps as
 * changes (each replaced again by the next update) before it writes the whole state anew.
 */
const CHANGES_AT_MOST = 64

/** From how many report files parsing is spread over worker threads. */
const WORKERS_FROM = 2000

export interface CompileOptions extends CompilerOptions {
  /**
   * Threads that parse report files: 1 parses on the main thread. Default: one per core
   * (at most 4) from 2,000 files, else 1.
   */
  threads?: number
  /** The catalogue folder: `catalogue.yaml` and `reports/**\/*.md`. */
  dir: string
  /** Turns an absolute file path into the path problems show. Default: relative to cwd. */
  displayPath?: (file: string) => string
}

export interface BuildOptions extends CompileOptions {
  /** The output folder, replaced as a whole when the compile succeeds. */
  out: string
  /** Use and update the cache beside the output (default true). */
  cache?: boolean
}

/** The path problems show for `file`: relative to the working directory, with `/`. */
export function defaultDisplayPath(file: string): string {
  const cwd = process.cwd()
  if (cwdDisplay?.cwd !== cwd) cwdDisplay = { cwd, display: relativeDisplay(cwd) }
  return cwdDisplay.display(file)
}

let cwdDisplay: { cwd: string; display: (file: string) => string } | undefined

/** The report files of a catalogue folder (`reports/**\/*.md`), sorted. */
export async function listReportFiles(dir: string): Promise<string[]> {
  return (await listSourceFiles(join(dir, REPORTS_DIR), dir)).files
}

/** A problem at line 1 of `file`, or where the reading found it. */
function fileProblem(file: string, place: { line: number; column: number; message: string }) {
  return { file, ...place, path: '', code: 'file' } satisfies ContentProblem
}

/**
 * Puts what was read of a report file into the compiler: its text, or the problem that kept
 * it from being read. Returns "missing" when there is no such file, else whether it changed.
 */
export function setReportSource(
  compiler: CatalogueCompiler,
  file: string,
  read: SourceRead,
): 'missing' | 'changed' | 'same' {
  if ('missing' in read) return 'missing'
  if ('text' in read) return compiler.setReportFile(file, read.text) ? 'changed' : 'same'
  compiler.setParsedReport(file, `\u0000unread: ${read.problem.message}`, {
    slug: slugFromFileName(file),
    problems: [fileProblem(file, read.problem)],
  })
  return 'changed'
}

/** Reads the catalogue file into the compiler; false when there is none. */
export async function setCatalogueSource(
  compiler: CatalogueCompiler,
  file: string,
  path: string,
  root: string,
): Promise<boolean> {
  const read = await readSourceFile(path, root)
  if ('missing' in read) return false
  if ('text' in read) compiler.setCatalogueFile(file, read.text)
  else compiler.setCatalogueProblem(fileProblem(file, read.problem))
  return true
}

/** A catalogue folder's files, read, with what the compile made of them. */
interface LoadedCatalogue {
  compiler: CatalogueCompiler
  settingsText: string | undefined
  /** How many report files there are. */
  reportFiles: number
  /** The hash of every input (settings, files, git dates) and of the code that reads them. */
  inputs: string
  /** The same with the report files' metadata in place of their text (see `statStamp`). */
  stamp?: string
  /** Each report file's parse, by display path (to cache the valid ones). */
  parsed: Map<string, { key: string; parsed: ParsedReport }>
  /** Files skipped by name, to repeat when nothing else is compiled. */
  warnings?: ContentProblem[]
  /** The inputs are those `upToDateIf` named: nothing was parsed (nor read, by stamp). */
  upToDate?: boolean
  /** Each report file's metadata and key, for the next build (see `LastBuild.files`). */
  files?: FileRecord[]
  /** How many report files were read (the others were known by their metadata). */
  filesRead: number
  /** The hash of the inputs other than the report files (settings, git dates, listing). */
  others: string
  /** What the in-place update of the last output writes (see `planInPlaceUpdate`). */
  inPlace?: InPlaceUpdate
}

/** Plans an in-place update of the last output for the report files that changed. */
type InPlacePlanner = (
  compiler: CatalogueCompiler,
  changed: readonly { file: string; text: string }[],
) => Promise<InPlaceUpdate | undefined>

/**
 * Reads every source file of `dir` into a compiler. Files whose key (path and text) is in
 * `cache` are not parsed again; the others are parsed on worker threads when there are many.
 * `oneOff`: the compiler compiles once (a build, a check) and keeps no report texts.
 */
async function load(
  options: CompileOptions & { oneOff?: boolean },
  cache?: BuildCache,
  parses?: () => Promise<BuildCache['parsed']>,
  upToDateIf?: LastBuild,
  inPlace?: InPlacePlanner,
): Promise<LoadedCatalogue> {
  const display = options.displayPath ?? defaultDisplayPath
  mark('start')
  const dates = await gitDates(options.dir)
  const modifiedDates = new Map<string, string>()
  for (const [file, date] of dates.byFile) modifiedDates.set(display(file), date)
  // Filled once the files are listed: where to read a file again to place a problem.
  const pathOf = new Map<string, string>()
  const rereadSource = (file: string) => {
    const read = readSourceFileSync(pathOf.get(file) ?? file, options.dir)
    return 'text' in read ? read.text : ''
  }
  const { oneOff, ...compilerOptions } = options
  const compiler = new CatalogueCompiler({
    ...compilerOptions,
    modifiedDates,
    ...(dates.head === undefined ? {} : { defaultModified: dates.head }),
    ...(oneOff && { once: { rereadSource } }),
  })
  mark('git dates')
  const settingsPath = join(options.dir, CATALOGUE_FILE)
  let settingsText: string | undefined
  const settingsRead = await readSourceFile(settingsPath, options.dir)
  if ('text' in settingsRead) {
    settingsText = settingsRead.text
    compiler.setCatalogueFile(display(settingsPath), settingsText)
  } else if ('problem' in settingsRead) {
    settingsText = `\u0000unread: ${settingsRead.problem.message}`
    compiler.setCatalogueProblem(fileProblem(display(settingsPath), settingsRead.problem))
  }
  const listing = await listSourceFiles(join(options.dir, REPORTS_DIR), options.dir)
  const paths = listing.files
  // Each report file's display path, made once (a path made relative costs microseconds).
  const shown = paths.map(display)
  if (oneOff)
    paths.forEach((path, i) => {
      pathOf.set(shown[i] as string, path)
    })
  const refused = listing.refused.map((r) =>
    fileProblem(display(r.path), { line: 1, column: 1, ...r }),
  )
  const warnings = listing.skipped.map((r) => ({
    ...fileProblem(display(r.path), { line: 1, column: 1, ...r }),
    code: 'warning',
  }))
  compiler.setListingNotes(refused, warnings)
  // Dates of change come from git, not from the files: they are inputs too.
  const otherInputs = [
    settingsText ?? '\u0000missing',
    dates.head ?? '',
    ...modifiedDates,
    ...[...refused, ...warnings].map((p) => `${p.file} ${p.message}`),
  ].join('\u0000')
  const others = inputsHash(otherInputs, [])
  // Stat'ed before reading: a file changed after this is read in full next time.
  const nowNs = BigInt(Date.now()) * 1_000_000n
  const lines = cache ? paths.map((path) => statLine(path, nowNs)) : undefined
  const statted = lines && stampOf(lines)
  const stamp = statted === undefined ? undefined : inputsHash(otherInputs, [`stat ${statted}`])
  // A one-off build reads a file only when its metadata is not what the last build saw:
  // the key is then the last build's, and a cached parse needs no text (see `once`).
  const known = new Map<string, { stat: string; key: string }>()
  if (oneOff)
    for (const [file, stat, key] of cache?.last?.files ?? []) known.set(file, { stat, key })
  const records = (keyAt: (i: number) => string | undefined): FileRecord[] | undefined => {
    if (!lines) return undefined
    const out: FileRecord[] = []
    shown.forEach((file, i) => {
      const key = keyAt(i)
      // A file changed too recently to be known by its metadata is listed all the same.
      if (key !== undefined) out.push([file, lines[i] ?? '', key])
    })
    return out
  }
  mark('stat')
  const reportFiles = paths.length
  // What a load that compiled (or found the texts up to date) returns, from its files' keys.
  const loadedFrom = (
    inputs: string,
    keys: readonly string[],
    filesRead: number,
    upToDate = false,
  ): LoadedCatalogue => {
    const files = records((i) => keys[i])
    return {
      compiler,
      settingsText,
      reportFiles,
      inputs,
      ...(stamp && { stamp }),
      parsed,
      ...(files && { files }),
      filesRead,
      others,
      ...(upToDate && { warnings, upToDate }),
    }
  }
  if (stamp !== undefined && upToDateIf?.stamp === stamp) {
    const inputs = upToDateIf.inputs
    return {
      compiler,
      settingsText,
      reportFiles,
      inputs,
      stamp,
      parsed: new Map(),
      warnings,
      upToDate: true,
      ...(upToDateIf.files && { files: upToDateIf.files }),
      filesRead: 0,
      others,
    }
  }
  const parsed = new Map<string, { key: string; parsed: ParsedReport }>()
  // Kept for the cache only, which is not written above CACHE_AT_MOST reports.
  const keepParses = cache !== undefined && reportFiles <= CACHE_AT_MOST
  const remember = (file: string, key: string, parse: ParsedReport) => {
    if (keepParses) parsed.set(file, { key, parsed: parse })
  }
  const threadsFor = (files: number) =>
    options.threads ?? (files >= WORKERS_FROM ? defaultThreads() : 1)
  // Parses on worker threads, in file order; each batch goes into the compiler as it comes,
  // and the compiler prepares its output meanwhile.
  const keyOfFile = new Map<string, string>()
  const parseOnThreads = (sources: SourcePath[], threads: number) =>
    parseInWorkers(
      sources,
      threads,
      (results) => {
        for (const { file, text, key, read: failed, ...result } of results) {
          keyOfFile.set(file, key)
          if (failed) {
            setReportSource(compiler, file, failed)
            continue
          }
          compiler.setParsedReport(file, text, result)
          remember(file, key, result)
        }
        compiler.prepare(results.map((r) => r.file))
      },
      { texts: !oneOff },
    )
  // With an output to be up to date with, the parses are read only once the texts differ.
  if (upToDateIf === undefined && cache && parses) cache.parsed = await parses()
  // Cold (no output to be up to date with, no parse to reuse): the workers read the files
  // themselves, and start on the first batch at once.
  const cold = upToDateIf === undefined && (cache?.parsed.size ?? 0) === 0
  if (cold && threadsFor(paths.length) > 1) {
    const threads = threadsFor(paths.length)
    const sources = paths.map((path, i) => ({ path, file: shown[i] as string, root: options.dir }))
    await parseOnThreads(sources, threads)
    const keys = sources.map(({ file }) => keyOfFile.get(file) as string)
    mark(`read, parse, validate, render ${paths.length} (${threads} threads)`)
    return loadedFrom(inputsHash(otherInputs, keys), keys, paths.length)
  }
  const keys: string[] = []
  // Read in batches: fast, without opening thousands of files at once. Keys first: when they
  // are the last build's, nothing is parsed at all. A file that cannot be read (a link out of
  // the catalogue, invalid UTF-8) is a problem at the file; its key says so.
  const read: { path: string; file: string; text: string; key: string }[] = []
  const unread: { file: string; read: SourceRead }[] = []
  // Known by their metadata: not read unless their parse is not in the cache.
  const unchanged: { path: string; file: string; key: string }[] = []
  const keyOf = (i: number) => {
    const line = lines?.[i]
    const seen = line === undefined ? undefined : known.get(shown[i] as string)
    return seen?.stat === line ? seen?.key : undefined
  }
  for (let i = 0; i < paths.length; i += 256) {
    const batch = paths.slice(i, i + 256)
    const knownKeys = batch.map((_, j) => keyOf(i + j))
    const reads = await Promise.all(
      batch.map((path, j) =>
        knownKeys[j] === undefined ? readSourceFile(path, options.dir) : undefined,
      ),
    )
    batch.forEach((path, j) => {
      const file = shown[i + j] as string
      const result = reads[j]
      const knownKey = knownKeys[j]
      if (result === undefined && knownKey !== undefined) {
        keys.push(knownKey)
        unchanged.push({ path, file, key: knownKey })
      } else if (result !== undefined && 'text' in result) {
        const key = sourceKey(file, result.text)
        keys.push(key)
        read.push({ path, file, text: result.text, key })
      } else if (result !== undefined) {
        keys.push(sourceKey(file, unreadText(result)))
        unread.push({ file, read: result })
      }
    })
  }
  const inputs = inputsHash(otherInputs, keys)
  if (upToDateIf !== undefined && inputs === upToDateIf.inputs) {
    return loadedFrom(inputs, keys, paths.length - unchanged.length, true)
  }
  // Only some report files changed, and nothing else: the last output may be updated in
  // place, without the parses of the others.
  if (
    inPlace &&
    upToDateIf?.others === others &&
    unread.length === 0 &&
    sameFiles(upToDateIf.files, shown)
  ) {
    const lastKeys = new Map((upToDateIf.files ?? []).map(([file, , key]) => [file, key]))
    const changed = read.filter(({ file, key }) => lastKeys.get(file) !== key)
    const update = await inPlace(compiler, changed)
    mark(update ? 'in place: planned' : 'in place: a full build instead')
    if (update) return { ...loadedFrom(inputs, keys, read.length), inPlace: update }
  }
  if (upToDateIf !== undefined && cache && parses) cache.parsed = await parses()
  for (const { file, read: result } of unread) setReportSource(compiler, file, result)
  for (const { path, file, key } of unchanged) {
    const hit = cache?.parsed.get(key)
    if (hit) {
      compiler.setParsedReport(file, '', hit)
      remember(file, key, hit)
      continue
    }
    // Not cached (it had problems, or the cache was made by other code): read it after all.
    const result = await readSourceFile(path, options.dir)
    if ('text' in result)
      read.push({ path, file, text: result.text, key: sourceKey(file, result.text) })
    else setReportSource(compiler, file, result)
  }
  const filesRead = read.length + unread.length
  const misses: typeof read = []
  for (const entry of read) {
    const hit = cache?.parsed.get(entry.key)
    if (hit) {
      compiler.setParsedReport(entry.file, entry.text, hit)
      remember(entry.file, entry.key, hit)
    } else misses.push(entry)
  }
  const cached = unchanged.length + read.length - misses.length
  mark(`read${cache ? ` (${cached} cached, ${unchanged.length} of them known by metadata)` : ''}`)
  const threads = threadsFor(misses.length)
  if (threads > 1) {
    // The texts go with the files: each is parsed as it was read and keyed.
    await parseOnThreads(
      misses.map(({ path, file, text }) => ({ path, file, text, root: options.dir })),
      threads,
    )
  } else {
    for (const { file, text, key } of misses) {
      const result = parseReport(file, text)
      compiler.setParsedReport(file, text, result)
      remember(file, key, result)
    }
  }
  mark(`parse, validate, render ${misses.length} (${threads} thread${threads > 1 ? 's' : ''})`)
  return loadedFrom(inputs, keys, filesRead)
}

/** Whether the last build's report files are `files`, in order. */
function sameFiles(last: readonly FileRecord[] | undefined, files: readonly string[]): boolean {
  return last?.length === files.length && last.every(([file], i) => file === files[i])
}

/** Reads every source file of `dir` into a compiler. */
export async function loadCatalogue(options: CompileOptions): Promise<CatalogueCompiler> {
  return (await load(options)).compiler
}

/**
 * Validates a catalogue folder and compiles it in memory; writes nothing.
 *
 * @example
 * const { ok, problems } = await compile({ dir: 'catalogue' })
 */
export async function compile(options: CompileOptions): Promise<CompileResult> {
  return (await load({ ...options, oneOff: true })).compiler.compile()
}

export interface BuildResult extends CompileResult {
  /** True when the output on disk was already built from these very inputs: nothing written. */
  upToDate?: boolean
  /**
   * How up to date was seen: by the report files' metadata alone (none was read), or by
   * their texts.
   */
  upToDateBy?: 'metadata' | 'text'
  /** The output's content hash (also when up to date). */
  contentHash?: string
  /**
   * How many report files were read: the cache knows the others by their metadata (path,
   * size, inode, times of change) and has their parses.
   */
  filesRead?: number
  /**
   * Set when only some report files changed: the last output was updated in place, and
   * this many of its files written (or removed); the others were already right.
   */
  updatedInPlace?: number
}

async function outputContentHash(out: string): Promise<string | undefined> {
  try {
    return JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')).contentHash
  } catch {
    return undefined
  }
}

/**
 * Compiles a catalogue folder and, when it has no problems, replaces `out` with the result.
 * A failed compile writes nothing and leaves the previous output as it was. With the cache
 * (default), unchanged files are not parsed again, and a build whose inputs are those of
 * the output on disk writes nothing at all.
 *
 * @example
 * const result = await build({ dir: 'catalogue', out: 'dist/catalogue' })
 * if (!result.ok) process.exitCode = 1
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const useCache = options.cache !== false
  const last = useCache ? await readLastBuild(options.out) : undefined
  // The parses are read only when the output on disk is not that of the last build's inputs.
  let parsedCache: Promise<BuildCache['parsed']> | undefined
  const cache: BuildCache | undefined = useCache
    ? { parsed: new Map(), ...(last && { last }) }
    : undefined
  const lastOnDisk =
    last && (await outputContentHash(options.out)) === last.contentHash ? last : undefined
  const inPlace: InPlacePlanner | undefined = lastOnDisk
    ? async (compiler, changed) => {
        const settings = compiler.settings
        if (!settings || compiler.listing.problems.length > 0) return undefined
        const { modifiedDates, defaultModified } = compiler.options
        return planInPlaceUpdate({
          out: options.out,
          statePath: buildStatePath(options.out),
          settings,
          contentHash: lastOnDisk.contentHash,
          changed,
          modified: (file) => modifiedDates?.get(file) ?? defaultModified,
          entry: options.entry !== false,
        })
      }
    : undefined
  const loaded = await load(
    { ...options, oneOff: true },
    cache,
    async () => {
      parsedCache ??= readParsed(options.out)
      return parsedCache
    },
    lastOnDisk,
    inPlace,
  )
  const { inputs, stamp, others } = loaded
  const lastBuild = (contentHash: string): LastBuild => ({
    inputs,
    contentHash,
    ...(stamp && { stamp }),
    ...(loaded.files && { files: loaded.files }),
    others,
  })
  if (loaded.upToDate && last) {
    // Up to date by the files' texts, not their metadata: keep the new stamp for next time.
    if (loaded.stamp !== undefined && loaded.stamp !== last.stamp)
      await writeLastBuild(options.out, {
        ...last,
        stamp: loaded.stamp,
        ...(loaded.files && { files: loaded.files }),
      })
    mark('up to date')
    return {
      ok: true,
      problems: loaded.warnings ?? [],
      fileCount: loaded.reportFiles + (loaded.settingsText === undefined ? 0 : 1),
      reportCount: loaded.reportFiles,
      upToDate: true,
      upToDateBy: loaded.stamp !== undefined && loaded.stamp === last.stamp ? 'metadata' : 'text',
      contentHash: last.contentHash,
      filesRead: loaded.filesRead,
    }
  }
  const { compiler } = loaded
  const warnings = [...compiler.listing.warnings]
  if (loaded.inPlace) {
    const update = loaded.inPlace
    const { contentHash } = update.manifest
    // Until the new record is written the output is no build's: a build interrupted while
    // updating it leaves the next one to build in full, and swap the result in.
    await forgetLastBuild(options.out)
    await updateOutput(options.out, update.files, update.removed)
    // A few reports changed since the cache's state.bin: those are kept, not the whole state.
    if (update.changes.docs.length <= CHANGES_AT_MOST)
      await writeStateChanges(options.out, update.changes)
    else await writeBuildState(options.out, update.state, contentHash)
    await writeLastBuild(options.out, lastBuild(contentHash))
    mark('in place: written')
    return {
      ok: true,
      problems: [],
      ...(warnings.length > 0 && { warnings }),
      fileCount: loaded.reportFiles + 1,
      reportCount: loaded.reportFiles,
      output: {
        files: new Map(),
        fileCount: update.fileCount,
        manifest: update.manifest,
        searchPieces: new Map(),
        piecesSize: update.state.piecesSize,
      },
      contentHash,
      filesRead: loaded.filesRead,
      updatedInPlace: update.files.size + update.removed.length,
    }
  }
  // Each file goes into the new output folder as the emit makes it; the folder is swapped
  // in only when the compile succeeded, and removed otherwise.
  const output = newOutputFolder(options.out)
  const keepCache = useCache && loaded.reportFiles <= CACHE_AT_MOST
  // What the emit made the search index from, for the state of the output in the cache.
  let made: { entries: SearchEntries; ordered: readonly EmittedReport[] } | undefined
  let result: CompileResult
  try {
    result = compiler.compile({
      sink: output.write,
      ...(keepCache && {
        onSearchEntries: (entries: SearchEntries, ordered: readonly EmittedReport[]) => {
          made = { entries, ordered }
        },
      }),
    })
  } catch (error) {
    await output.discard()
    throw error
  }
  mark('compile and write')
  if (!result.ok || !result.output) {
    await output.discard()
    return { ...result, filesRead: loaded.filesRead }
  }
  await output.swapIn()
  mark('swap in')
  const contentHash = result.output.manifest.contentHash
  if (keepCache && result.reportCount <= CACHE_AT_MOST) {
    const parsed = new Map<string, ParsedReport>()
    for (const { key, parsed: p } of loaded.parsed.values())
      if (p.report && p.problems.length === 0) parsed.set(key, p)
    let stateWritten: Promise<void> | undefined
    if (made) {
      const { entries, ordered } = made
      const state: BuildState = {
        entries: termEntriesOf(entries),
        items: ordered.map((e) => stateItem(e.summary)),
        hashes: ordered.map((e) => e.hash),
        piecesSize: result.output.piecesSize,
      }
      mark('cache: the state of the output')
      stateWritten = writeBuildState(options.out, state, contentHash)
    }
    await writeBuildCache(options.out, { parsed, last: lastBuild(contentHash) }, stateWritten)
    mark('cache')
  }
  return { ...result, contentHash, filesRead: loaded.filesRead }
}

/**
 * Writes `files` into a new temporary folder beside `out`, then swaps it in: the old output
 * is renamed aside and the new one renamed into place (two renames, microseconds apart),
 * then the old one is removed. If writing fails, the temporary folder is removed and `out`
 * is untouched.
 */
export async function writeOutputAtomic(
  out: string,
  files: ReadonlyMap<string, string | Uint8Array>,
): Promise<void> {
  const output = newOutputFolder(out)
  try {
    for (const [name, data] of files) output.write(name, data)
  } catch (error) {
    await output.discard()
    throw error
  }
  await output.swapIn()
}

/**
 * A new output folder beside `out`, private until swapped in, made at the first `write`
 * (a compile that fails before writing leaves nothing behind, not even the parent). `write`
 * puts one file into it (synchronously: for thousands of small files, faster than queueing
 * each on libuv's thread pool, and the compile has nothing else to do meanwhile); `swapIn`
 * renames the old output aside and the new one into place (two renames, microseconds
 * apart), then removes the old one; `discard` removes the new folder, `out` untouched.
 */
function newOutputFolder(out: string) {
  let temp: string | undefined
  const made = new Set<string>()
  const folder = () => {
    if (temp === undefined) {
      mkdirSync(dirname(out), { recursive: true })
      temp = mkdtempSync(join(dirname(out), `.${basename(out)}-new-`))
      // mkdtemp makes the folder private; the output is meant to be read.
      chmodSync(temp, 0o755)
      made.add(temp)
    }
    return temp
  }
  return {
    write(name: string, data: string | Uint8Array) {
      const target = join(folder(), name)
      const dir = dirname(target)
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true })
        made.add(dir)
      }
      writeFileSync(target, data)
    },
    discard: async () => {
      if (temp !== undefined) await rm(temp, { recursive: true, force: true })
    },
    async swapIn() {
      const written = folder()
      const old = `${written.replace(/-new-/, '-old-')}`
      let moved = false
      try {
        await rename(out, old)
        moved = true
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          await rm(written, { recursive: true, force: true })
          throw error
        }
      }
      await rename(written, out)
      if (moved) await rm(old, { recursive: true, force: true })
    },
  }
}

/**
 * Updates `out` in place with the files that changed (watch mode): each file is written
 * beside its target and renamed over it, so no reader sees a half-written file; the
 * manifest goes last. Files in `removed` are deleted.
 */
export async function updateOutput(
  out: string,
  changed: ReadonlyMap<string, string | Uint8Array>,
  removed: readonly string[] = [],
): Promise<void> {
  const manifest = changed.get('manifest.json')
  const rest = [...changed].filter(([name]) => name !== 'manifest.json')
  await Promise.all(
    rest.map(async ([name, text]) => {
      const target = join(out, name)
      await mkdir(dirname(target), { recursive: true })
      await writeFile(`${target}.tmp`, text)
      await rename(`${target}.tmp`, target)
    }),
  )
  await Promise.all(removed.map((name) => rm(join(out, name), { force: true })))
  if (manifest !== undefined) {
    const target = join(out, 'manifest.json')
    await writeFile(`${target}.tmp`, manifest)
    await rename(`${target}.tmp`, target)
  }
}
