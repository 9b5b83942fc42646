// The compile step over sources held in memory: each file is parsed and validated on its
// own (and kept, so watch mode redoes only what changed), then the rules across files run,
// then the output is emitted. No file system here: see build.ts for reading and writing.
import {
  type CatalogueSettings,
  type CompiledReport,
  catalogueRules,
  formatPath,
  normalizeIsbn,
  type PathSegment,
  type Report,
} from 'colophon-schema'
import { type ParsedCatalogueFile, parseCatalogueFile } from './catalogue-file.ts'
import {
  CatalogueEmitter,
  type CatalogueOutput,
  compileReport,
  type EmitOptions,
  type EmittedReport,
  emitReport,
} from './emit.ts'
import { renderMarkdown } from './markdown.ts'
import { type ContentProblem, compareProblems, type Location } from './problem.ts'
import { type ParsedReportFile, parseReportFile, slugFromFileName } from './report-file.ts'
import { mark } from './timings.ts'

/** One report file read and checked on its own, with its overview rendered. */
export interface ParsedReport {
  slug: string
  report?: Report
  problems: ContentProblem[]
  html?: string
}

/**
 * Parses, validates and renders one report file: the work done per file, on the main
 * thread or in a worker (see parse-pool.ts). `previous` lends its HTML when the overview
 * did not change.
 */
export function parseReport(file: string, text: string, previous?: ParsedReport): ParsedReport {
  try {
    return parseReportUnguarded(file, text, previous)
  } catch (error) {
    // Whatever goes wrong, the compile names the file it was reading, never a bare stack.
    return { slug: slugFromFileName(file), problems: [internalProblem(file, error)] }
  }
}

/** A problem for an unexpected error while compiling `file`. */
export function internalProblem(file: string, error: unknown): ContentProblem {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return {
    file,
    line: 1,
    column: 1,
    path: '',
    message: `this file could not be compiled (${message.slice(0, 300)}); please report this`,
    code: 'internal',
  }
}

function parseReportUnguarded(file: string, text: string, previous?: ParsedReport): ParsedReport {
  const { slug, report, problems } = parseReportFile(text, file)
  const description = report?.description
  const html =
    description === undefined
      ? undefined
      : previous?.report?.description === description
        ? previous.html
        : renderMarkdown(description)
  return { slug, report, problems, html }
}

interface ReportEntry {
  file: string
  /** The file's text; undefined when the compiler reads it again instead (`rereadSource`). */
  text?: string
  parsed: ParsedReport & Pick<ParsedReportFile, 'locate'>
  html?: string
  /** Emitted with the settings it was compiled against. */
  emitted?: { settings: CatalogueSettings; value: EmittedReport }
}

export interface CompileResult {
  ok: boolean
  /** Every problem in every file, ordered by file, line and column. */
  problems: ContentProblem[]
  /** How many files were read (the catalogue file and the reports). */
  fileCount: number
  reportCount: number
  /** The output, when there are no problems. */
  output?: CatalogueOutput
  /** True for a quick compile: the search index is as last emitted, the typed entry left out. */
  partial?: boolean
  /** Files skipped by name (`x.MD`, `.x.md`): not problems, but worth a word. */
  warnings?: ContentProblem[]
}

export interface CompilerOptions {
  /** Emit the output (default true); `false` validates only (`colophon check`). */
  emit?: boolean
  /** Write the typed entry (`index.js`) too. Default true. */
  entry?: boolean
  /** Each report file's date of change (display path → UTC datetime), from its git history. */
  modifiedDates?: ReadonlyMap<string, string>
  /** The date of change of a file that `modifiedDates` lacks (the catalogue's last commit). */
  defaultModified?: string
  /**
   * The catalogue is compiled once (a build, a check): the compiler keeps nothing for a
   * next compile, no report texts and no emit state, which at 100,000 reports is a GB of
   * memory. A problem found across files is placed by reading its file again with
   * `rereadSource`. Watch mode, which compiles again and compares texts, leaves it unset.
   */
  once?: { rereadSource: (file: string) => string }
}

/** An unexpected error while compiling one file, named: the CLI prints it as a problem there. */
export class CompileFileError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'CompileFileError'
  }
}

const VOCABULARY_FIELDS = new Set(['type', 'series', 'topics'])
const LINK_FIELDS = new Set(['related', 'supersedes', 'translations'])

/**
 * Compiles a catalogue from its files' text. Feed it files, then call `compile()`; change
 * or remove files and call `compile()` again: only the changed files are parsed again.
 *
 * @example
 * const compiler = new CatalogueCompiler()
 * compiler.setCatalogueFile('catalogue/catalogue.yaml', settingsText)
 * compiler.setReportFile('catalogue/reports/beyond-factory-asia.md', reportText)
 * const { ok, problems, output } = compiler.compile()
 */
export class CatalogueCompiler {
  #settings?: { file: string; text: string; parsed: ParsedCatalogueFile }
  readonly #reports = new Map<string, ReportEntry>()
  #listing: { problems: ContentProblem[]; warnings: ContentProblem[] } = {
    problems: [],
    warnings: [],
  }
  /** The report files in order, kept until one is added or removed. */
  #sortedFiles?: string[]
  readonly #emitter = new CatalogueEmitter()
  /** The search index's pieces as last emitted in full (a quick compile reuses them). */
  #lastSearchPieces?: ReadonlyMap<string, Uint8Array>
  #lastCross?: { settings: CatalogueSettings | undefined; entries: readonly ReportEntry[] }

  constructor(readonly options: CompilerOptions = {}) {}

  /** Sets the catalogue file; returns false when its text did not change. */
  setCatalogueFile(file: string, text: string): boolean {
    if (this.#settings?.file === file && this.#settings.text === text) return false
    let parsed: ParsedCatalogueFile
    try {
      parsed = parseCatalogueFile(text, file)
    } catch (error) {
      parsed = { problems: [internalProblem(file, error)], locate: () => ({ line: 1, column: 1 }) }
    }
    this.#settings = { file, text, parsed }
    return true
  }

  /** Adds or replaces a report file; returns false when its text did not change. */
  setReportFile(file: string, text: string): boolean {
    const previous = this.#reports.get(file)
    if (previous?.text === text) return false
    this.setParsedReport(file, text, parseReport(file, text, previous?.parsed))
    return true
  }

  /** Adds a report file parsed elsewhere (a worker) with `parseReport`. */
  setParsedReport(file: string, text: string, result: ParsedReport): void {
    // Positions are needed only when a rule across files fails: find them then.
    const reread = this.options.once?.rereadSource
    const kept = reread ? undefined : text
    let located: ParsedReportFile | undefined
    const locate: ParsedReportFile['locate'] = (path, anchor) => {
      located ??= parseReportFile(kept ?? reread?.(file) ?? '', file)
      return located.locate(path, anchor)
    }
    if (!this.#reports.has(file)) this.#sortedFiles = undefined
    this.#reports.set(file, {
      file,
      ...(kept !== undefined && { text: kept }),
      parsed: { ...result, locate },
      html: result.html,
    })
  }

  removeCatalogueFile(): void {
    this.#settings = undefined
  }

  /** The catalogue file exists but could not be read as text: `problem` says why. */
  setCatalogueProblem(problem: ContentProblem): void {
    this.#settings = {
      file: problem.file,
      text: `\u0000unread: ${problem.message}`,
      parsed: { problems: [problem], locate: () => ({ line: 1, column: 1 }) },
    }
  }

  /** What listing the folders found: folders refused (problems) and files skipped (warnings). */
  setListingNotes(problems: ContentProblem[], warnings: ContentProblem[]): void {
    this.#listing = { problems, warnings }
  }

  hasReportFile(file: string): boolean {
    return this.#reports.has(file)
  }

  removeReportFile(file: string): boolean {
    if (!this.#reports.delete(file)) return false
    this.#sortedFiles = undefined
    return true
  }

  /** The catalogue's settings, when its file was read and is valid. */
  get settings(): CatalogueSettings | undefined {
    const entry = this.#settings
    return entry && entry.parsed.problems.length === 0 ? entry.parsed.settings : undefined
  }

  /** What listing the folders found: folders refused (problems) and files skipped (warnings). */
  get listing(): { problems: readonly ContentProblem[]; warnings: readonly ContentProblem[] } {
    return this.#listing
  }

  get reportFiles(): string[] {
    return [...this.#reports.keys()]
  }

  /**
   * Validates everything and emits the output. `quick` (watch mode) leaves the search index
   * as last emitted and the typed entry out, the two files that are costly to serialize
   * whole at every change; a full `compile()` afterwards brings them up to date.
   */
  compile(
    options: {
      quick?: boolean
      sink?: EmitOptions['sink']
      onSearchEntries?: EmitOptions['onSearchEntries']
    } = {},
  ): CompileResult {
    const problems: ContentProblem[] = []
    const settingsEntry = this.#settings
    const fileCount = this.#reports.size + (settingsEntry ? 1 : 0)
    if (!settingsEntry) {
      problems.push({
        file: 'catalogue.yaml',
        line: 1,
        column: 1,
        path: '',
        message: 'the catalogue file catalogue.yaml is missing',
        code: 'file',
      })
    } else problems.push(...settingsEntry.parsed.problems)
    problems.push(...this.#listing.problems)
    const settings = settingsEntry?.parsed.settings

    this.#sortedFiles ??= [...this.#reports.keys()].sort()
    const entries = this.#sortedFiles.map((file) => this.#reports.get(file) as ReportEntry)
    for (const entry of entries)
      if (entry.parsed.problems.length > 0) problems.push(...entry.parsed.problems)
    problems.push(...this.#crossFileProblemsCached(settings, entries))

    mark('rules across files')
    const warnings = this.#listing.warnings
    const result = {
      fileCount,
      reportCount: entries.length,
      ...(warnings.length > 0 && { warnings }),
    }
    if (problems.length > 0 || !settings) {
      return { ok: false, problems: problems.sort(compareProblems), ...result }
    }
    if (this.options.emit === false) return { ok: true, problems, ...result }

    let all: EmittedReport[]
    try {
      all = entries.map((entry) => this.#emitted(entry, settings))
    } catch (error) {
      if (!(error instanceof CompileFileError)) throw error
      return { ok: false, problems: [internalProblem(error.file, error.cause)], ...result }
    }
    const emitted = all.filter((e) => !e.report.withdrawn)
    const withdrawn = all.filter((e) => e.report.withdrawn).map((e) => e.report)
    mark('compiled reports (JSON, hashes)')
    const quick = options.quick === true && this.#lastSearchPieces !== undefined
    const output = this.#emitter.emit(settings, emitted, {
      withdrawn,
      keep: this.options.once === undefined,
      ...(options.sink && { sink: options.sink }),
      ...(options.onSearchEntries && { onSearchEntries: options.onSearchEntries }),
      entry: quick ? false : this.options.entry,
      ...(quick && this.#lastSearchPieces && { searchPieces: this.#lastSearchPieces }),
    })
    if (!quick) this.#lastSearchPieces = output.searchPieces
    return { ok: true, problems, output, partial: quick, ...result }
  }

  #emitted(entry: ReportEntry, settings: CatalogueSettings): EmittedReport {
    if (entry.emitted?.settings === settings) return entry.emitted.value
    const report = entry.parsed.report as Report
    const modified =
      this.options.modifiedDates?.get(entry.file) ?? this.options.defaultModified ?? undefined
    let value: EmittedReport
    try {
      value = emitReport(compileReport(report, settings, entry.html, modified), {
        summaryJson: this.options.once === undefined,
      })
    } catch (error) {
      throw new CompileFileError(entry.file, error)
    }
    if (this.options.once) {
      // Compiled once: the rendered overview lives on in the JSON only (nothing after the
      // emit reads it, and 100,000 of them are 200 MB).
      entry.html = undefined
      entry.parsed.html = undefined
      const { descriptionHtml: _, ...rest } = value.report
      value = { ...value, report: rest as CompiledReport }
    }
    entry.emitted = { settings, value }
    return value
  }

  /**
   * Compiles the valid reports among `files` now, while other files are still being parsed
   * (the build overlaps the two); `compile()` then finds them compiled.
   */
  prepare(files: readonly string[]): void {
    const settings = this.#settings?.parsed.settings
    if (!settings || this.options.emit === false) return
    for (const file of files) {
      const entry = this.#reports.get(file)
      if (!entry?.parsed.report) continue
      try {
        this.#emitted(entry, settings)
      } catch {
        // compile() meets the same error and reports it at the file.
      }
    }
  }

  /**
   * The rules across files, skipped when they cannot have changed: same settings, same
   * files, no problems last time, and every changed report still the same in what the
   * rules read (slug, identifiers, vocabulary keys, links). Editing an overview or a title
   * in watch mode then costs nothing here.
   */
  #crossFileProblemsCached(
    settings: CatalogueSettings | undefined,
    entries: readonly ReportEntry[],
  ): ContentProblem[] {
    const last = this.#lastCross
    const reuse =
      last !== undefined &&
      last.settings === settings &&
      last.entries.length === entries.length &&
      entries.every((entry, i) => {
        const before = last.entries[i] as ReportEntry
        return (
          entry === before ||
          (entry.file === before.file && crossFileKey(entry) === crossFileKey(before))
        )
      })
    if (reuse) {
      this.#lastCross = { settings, entries }
      return []
    }
    const problems = this.#crossFileProblems(settings, entries)
    this.#lastCross = problems.length === 0 ? { settings, entries } : undefined
    return problems
  }

  #crossFileProblems(
    settings: CatalogueSettings | undefined,
    entries: readonly ReportEntry[],
  ): ContentProblem[] {
    const valid = entries.filter((e) => e.parsed.report !== undefined)
    const invalidSlugs = new Set(entries.filter((e) => !e.parsed.report).map((e) => e.parsed.slug))
    const reports = valid.map((e) => e.parsed.report as Report)
    const vocabularies = settings?.vocabularies ?? { types: {} }
    const problems: ContentProblem[] = []
    for (const issue of catalogueRules({ vocabularies }, reports)) {
      const index = issue.path[1] as number
      const entry = valid[index] as ReportEntry
      const report = reports[index] as Report
      const path = issue.path.slice(2)
      const field = String(path[0])
      // Without valid settings the vocabularies are unknown: the settings' problems say why.
      if (!settings && VOCABULARY_FIELDS.has(field)) continue
      // A link to a report whose file has problems of its own is not dangling.
      if (LINK_FIELDS.has(field) && invalidSlugs.has(String(valueAt(report, path)))) continue
      let message = issue.message
      const related: Location[] = []
      if (issue.otherReport !== undefined) {
        const other = valid[issue.otherReport] as ReportEntry
        const otherPath = matchingPath(reports[issue.otherReport] as Report, path, report)
        const place = { file: other.file, ...other.parsed.locate(otherPath) }
        related.push(place)
        message += ` (${other.file}:${place.line}:${place.column})`
      }
      problems.push({
        file: entry.file,
        ...entry.parsed.locate(path),
        path: formatPath(path),
        message,
        code: 'catalogue',
        ...(related.length ? { related } : {}),
      })
    }
    return problems
  }
}

const crossFileKeys = new WeakMap<ReportEntry, string>()

/** What the rules across files read of one report, as one string. */
function crossFileKey(entry: ReportEntry): string {
  let key = crossFileKeys.get(entry)
  if (key === undefined) {
    const r = entry.parsed.report
    key = r ? reportCrossFileKey(r) : JSON.stringify(['invalid', entry.parsed.slug])
    crossFileKeys.set(entry, key)
  }
  return key
}

/**
 * What the rules across files read of a report (source or compiled: the same fields), as
 * one string: two reports with the same key pass or fail those rules alike.
 */
export function reportCrossFileKey(r: Report | CompiledReport): string {
  return JSON.stringify([
    r.slug,
    r.identifiers?.isbn?.map((i) => i.value),
    r.identifiers?.doi,
    r.type,
    r.series?.key,
    r.topics,
    r.supersedes,
    r.related,
    r.translations?.map((t) => t.slug),
  ])
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key]
  return value
}

/** Where the other report holds the same slug, ISBN or DOI. */
function matchingPath(other: Report, path: readonly PathSegment[], report: Report): PathSegment[] {
  if (path[0] === 'identifiers' && path[1] === 'isbn') {
    const isbn = normalizeIsbn(String(valueAt(report, path)))
    const i = other.identifiers?.isbn?.findIndex((e) => normalizeIsbn(e.value) === isbn) ?? -1
    return i >= 0 ? ['identifiers', 'isbn', i, 'value'] : ['identifiers', 'isbn']
  }
  return [...path]
}
