// The compile step on the file system: read a catalogue folder, compile it, and write the
// output atomically (a temporary folder beside the output, then swapped in).

import { writeFileSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import { CATALOGUE_FILE, REPORTS_DIR } from './catalogue-file.ts'
import { CatalogueCompiler, type CompileResult, type CompilerOptions } from './compiler.ts'
import { defaultThreads, parseInWorkers } from './parse-pool.ts'
import { mark } from './timings.ts'

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
}

/** The path problems show for `file`: relative to the working directory, with `/`. */
export function defaultDisplayPath(file: string): string {
  const path = relative(process.cwd(), file) || file
  return sep === '/' ? path : path.split(sep).join('/')
}

/** The report files of a catalogue folder (`reports/**\/*.md`), sorted. */
export async function listReportFiles(dir: string): Promise<string[]> {
  const reportsDir = join(dir, REPORTS_DIR)
  let names: string[]
  try {
    names = await readdir(reportsDir, { recursive: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return names
    .filter((name) => name.endsWith('.md') && !basename(name).startsWith('.'))
    .map((name) => join(reportsDir, name))
    .sort()
}

/** Reads every source file of `dir` into a compiler. */
export async function loadCatalogue(options: CompileOptions): Promise<CatalogueCompiler> {
  const display = options.displayPath ?? defaultDisplayPath
  mark('start')
  const compiler = new CatalogueCompiler(options)
  const settingsPath = join(options.dir, CATALOGUE_FILE)
  try {
    compiler.setCatalogueFile(display(settingsPath), await readFile(settingsPath, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const paths = await listReportFiles(options.dir)
  const threads = options.threads ?? (paths.length >= WORKERS_FROM ? defaultThreads() : 1)
  if (threads > 1) {
    await parseInWorkers(
      paths.map((path) => ({ path, file: display(path) })),
      threads,
      (results) => {
        for (const { file, text, ...parsed } of results)
          compiler.setParsedReport(file, text, parsed)
        compiler.prepare(results.map((r) => r.file))
      },
    )
  } else {
    // Read in batches: fast, without opening thousands of files at once.
    for (let i = 0; i < paths.length; i += 256) {
      const batch = paths.slice(i, i + 256)
      const texts = await Promise.all(batch.map((file) => readFile(file, 'utf8')))
      batch.forEach((file, j) => {
        compiler.setReportFile(display(file), texts[j] as string)
      })
    }
  }
  mark(`read, parse, validate, render (${threads} thread${threads > 1 ? 's' : ''})`)
  return compiler
}

/**
 * Validates a catalogue folder and compiles it in memory; writes nothing.
 *
 * @example
 * const { ok, problems } = await compile({ dir: 'catalogue' })
 */
export async function compile(options: CompileOptions): Promise<CompileResult> {
  return (await loadCatalogue(options)).compile()
}

/**
 * Compiles a catalogue folder and, when it has no problems, replaces `out` with the result.
 * A failed compile writes nothing and leaves the previous output as it was.
 *
 * @example
 * const result = await build({ dir: 'catalogue', out: 'dist/catalogue' })
 * if (!result.ok) process.exitCode = 1
 */
export async function build(options: BuildOptions): Promise<CompileResult> {
  const result = await compile(options)
  if (result.ok && result.output) await writeOutputAtomic(options.out, result.output.files)
  mark('write')
  return result
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
  const parent = dirname(out)
  await mkdir(parent, { recursive: true })
  const temp = await mkdtemp(join(parent, `.${basename(out)}-new-`))
  try {
    // mkdtemp makes the folder private; the output is meant to be read.
    await chmod(temp, 0o755)
    await writeFiles(temp, files)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
  const old = `${temp.replace(/-new-/, '-old-')}`
  let moved = false
  try {
    await rename(out, old)
    moved = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(temp, { recursive: true, force: true })
      throw error
    }
  }
  await rename(temp, out)
  if (moved) await rm(old, { recursive: true, force: true })
}

async function writeFiles(dir: string, files: ReadonlyMap<string, string | Uint8Array>) {
  const dirs = new Set<string>()
  for (const name of files.keys()) dirs.add(dirname(join(dir, name)))
  for (const d of [...dirs].sort()) await mkdir(d, { recursive: true })
  // Synchronous writes: for thousands of small files, faster than queueing each on libuv's
  // thread pool (and the compile has nothing else to do meanwhile).
  for (const [name, text] of files) writeFileSync(join(dir, name), text)
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
