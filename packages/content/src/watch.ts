// Watch mode: compile once, then on every change recompile only the files that changed and
// rewrite only the output files whose content changed.
import { join, sep } from 'node:path'
import {
  type CompileOptions,
  defaultDisplayPath,
  listReportFiles,
  loadCatalogue,
  setReportSource,
  updateOutput,
  writeOutputAtomic,
} from './build.ts'
import { CATALOGUE_FILE, REPORTS_DIR } from './catalogue-file.ts'
import type { CompileResult } from './compiler.ts'
import { ENTRY_FILES } from './emit.ts'
import { readSourceFile } from './source-files.ts'
import { watchTree } from './watch-tree.ts'

const ENTRY = [ENTRY_FILES.js, ENTRY_FILES.dts]

export interface WatchEvent {
  /** Source files that changed (display paths); empty for the first compile. */
  changed: string[]
  /** Source files that were removed (display paths). */
  removed: string[]
  result: CompileResult
  /** Output files written (paths inside the output folder); empty when the compile failed. */
  written: string[]
  /** Output files deleted (a report that is gone). */
  deleted: string[]
  /** From the change being picked up to the output written, in milliseconds. */
  ms: number
  /** The first compile, a change, or the follow-up that rewrites the search index. */
  stage: 'initial' | 'change' | 'follow-up'
  /**
   * True after a change: the reports, list, vocabularies and manifest are written; the
   * search index and the typed entry follow in a second event (with nothing in `changed`)
   * once the edits pause.
   */
  searchPending: boolean
}

export interface WatchOptions extends CompileOptions {
  out: string
  /** Called after the first compile and after each change. */
  onEvent(event: WatchEvent): void
  /** Stops watching. */
  signal?: AbortSignal
  /** How long to wait for more changes before compiling. Default 20 ms. */
  debounceMs?: number
  /** How long edits must pause before the search index and typed entry are rewritten. Default 300 ms. */
  fullDelayMs?: number
}

/**
 * Compiles `dir` into `out`, then watches `dir` and recompiles what changes until `signal`
 * aborts. A failed compile writes nothing; the last good output stays.
 *
 * @example
 * const controller = new AbortController()
 * await watchCatalogue({ dir: 'catalogue', out: 'dist/catalogue', signal: controller.signal,
 *   onEvent: (e) => console.log(e.changed, e.written) })
 */
export async function watchCatalogue(options: WatchOptions): Promise<void> {
  const display = options.displayPath ?? defaultDisplayPath
  const started = performance.now()
  const compiler = await loadCatalogue(options)
  let previous: Map<string, string | Uint8Array> | undefined

  let fullTimer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let fail: (error: unknown) => void = () => {}

  const publish = async (
    stage: WatchEvent['stage'],
    changed: string[],
    removed: string[],
    since: number,
  ) => {
    const quick = stage === 'change'
    const result = compiler.compile({ quick: quick && previous !== undefined })
    let written: string[] = []
    let deleted: string[] = []
    if (result.ok && result.output) {
      const files = result.output.files
      if (previous) {
        // A quick compile leaves the typed entry out: keep the one on disk.
        if (result.partial) {
          for (const name of ENTRY)
            if (previous.has(name) && !files.has(name))
              files.set(name, previous.get(name) as string | Uint8Array)
        }
        const changedFiles = new Map<string, string | Uint8Array>()
        for (const [name, text] of files)
          if (!sameContent(previous.get(name), text)) changedFiles.set(name, text)
        deleted = [...previous.keys()].filter((name) => !files.has(name))
        await updateOutput(options.out, changedFiles, deleted)
        written = [...changedFiles.keys()]
      } else {
        await writeOutputAtomic(options.out, files)
        written = [...files.keys()]
      }
      previous = files
    }
    options.onEvent({
      stage,
      changed,
      removed,
      result,
      written,
      deleted,
      ms: performance.now() - since,
      searchPending: result.partial === true,
    })
    if (result.partial) {
      // The search index and the typed entry follow once the edits pause.
      clearTimeout(fullTimer)
      fullTimer = setTimeout(() => {
        running = running.then(() => publish('follow-up', [], [], performance.now())).catch(fail)
      }, options.fullDelayMs ?? 300)
    }
  }

  await publish('initial', [], [], started)
  if (options.signal?.aborted) return

  const pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let firstChangeAt = 0

  const flush = async () => {
    const since = firstChangeAt
    const names = [...pending]
    pending.clear()
    const changed: string[] = []
    const removed: string[] = []
    let rescan = false
    for (const name of names) {
      const path = join(options.dir, name)
      const posix = sep === '/' ? name : name.split(sep).join('/')
      if (posix === CATALOGUE_FILE) {
        const read = await readSourceFile(path, options.dir)
        if ('missing' in read) compiler.removeCatalogueFile()
        else if ('problem' in read)
          compiler.setCatalogueProblem({
            file: display(path),
            ...read.problem,
            path: '',
            code: 'file',
          })
        else if (!compiler.setCatalogueFile(display(path), read.text)) continue
        changed.push(display(path))
      } else if (posix.startsWith(`${REPORTS_DIR}/`) && posix.endsWith('.md')) {
        const outcome = setReportSource(
          compiler,
          display(path),
          await readSourceFile(path, options.dir),
        )
        if (outcome === 'missing') {
          if (compiler.removeReportFile(display(path))) removed.push(display(path))
        } else if (outcome === 'changed') changed.push(display(path))
      } else rescan = true
    }
    if (rescan) {
      // A folder was added, moved or removed: compare the list of files.
      const files = new Map(
        (await listReportFiles(options.dir)).map((path) => [display(path), path]),
      )
      for (const file of compiler.reportFiles) {
        if (!files.has(file) && compiler.removeReportFile(file)) removed.push(file)
      }
      for (const [file, path] of files) {
        if (compiler.hasReportFile(file)) continue
        const read = await readSourceFile(path, options.dir)
        if (setReportSource(compiler, file, read) === 'changed') changed.push(file)
      }
    }
    if (changed.length === 0 && removed.length === 0) return
    clearTimeout(fullTimer)
    await publish('change', changed, removed, since)
  }

  await new Promise<void>((resolve, reject) => {
    fail = reject
    const watcher = watchTree(options.dir, { signal: options.signal })
    watcher.on('change', (_event, filename) => {
      if (pending.size === 0) firstChangeAt = performance.now()
      pending.add(filename === null ? '' : String(filename))
      clearTimeout(timer)
      timer = setTimeout(() => {
        running = running.then(flush).catch(reject)
      }, options.debounceMs ?? 20)
    })
    watcher.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).name === 'AbortError') resolve()
      else reject(error)
    })
    watcher.on('close', () => {
      clearTimeout(timer)
      clearTimeout(fullTimer)
      running.then(() => resolve(), reject)
    })
  })
}

/** Whether two versions of an output file hold the same text or bytes. */
function sameContent(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === b) return true
  if (typeof a === 'string' || typeof b === 'string' || a === undefined) return false
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0
}
