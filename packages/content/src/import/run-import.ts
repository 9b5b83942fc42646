// `colophon import` on the file system: pages (files or folders of .txt captures) → report
// files in a catalogue. Every page is checked the way `colophon check` checks the catalogue
// (the schema and the rules across reports, through the same compiler) before anything is
// written; files are written only when they pass, each atomically, and never over an
// existing report without `force`.
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { normalizeIsbn } from 'colophon-schema'
import { defaultDisplayPath, listReportFiles, loadCatalogue } from '../build.ts'
import { CATALOGUE_FILE, parseCatalogueFile, REPORTS_DIR } from '../catalogue-file.ts'
import type { ContentProblem } from '../problem.ts'
import { parseReportFile, serializeReportFile, slugFromFileName } from '../report-file.ts'
import { writeFileSafely } from '../safe-write.ts'
import { importPage, type KnownReport, type PageImport } from './import-page.ts'

export interface ImportOptions {
  /** Page files or folders of pages (`.txt`, searched recursively). */
  sources: readonly string[]
  /** The catalogue folder (`catalogue.yaml`, `reports/`). */
  dir: string
  dryRun?: boolean
  force?: boolean
  /** For pages that give no type / no date. */
  fallbackType?: string | undefined
  fallbackPublished?: string | undefined
  displayPath?: (file: string) => string
}

/**
 * - `new`: a new report file
 * - `replaced`: an existing report file, overwritten (`force`)
 * - `unchanged`: the catalogue's file has this text already
 * - `exists`: an existing report, left as it is (no `force`)
 * - `failed`: the page cannot become a valid report file (see `problems`)
 */
export type PageStatus = 'new' | 'replaced' | 'unchanged' | 'exists' | 'failed'

/** A problem that stops a page from being imported, at a line of the page when it has one. */
export interface PageProblem {
  line?: number | undefined
  field: string
  message: string
}

export interface PageOutcome {
  /** The page, as displayed. */
  source: string
  status: PageStatus
  /** The report file, as displayed. */
  target?: string | undefined
  /** The report file's path. */
  file?: string | undefined
  slug?: string | undefined
  /** The report file's text. */
  text?: string | undefined
  result?: PageImport | undefined
  problems: PageProblem[]
}

export interface ImportRun {
  pages: PageOutcome[]
  /** Problems of the catalogue itself that stop the import (its settings file). */
  catalogueProblems: ContentProblem[]
  dryRun: boolean
}

/** Thrown for a source that does not exist: a mistake in the command line. */
export class ImportSourceError extends Error {}

async function pageFiles(source: string): Promise<string[]> {
  const info = await stat(source).catch(() => undefined)
  if (!info) throw new ImportSourceError(`${source}: no such file or folder`)
  if (!info.isDirectory()) return [source]
  const names = await readdir(source, { recursive: true })
  return names
    .filter((name) => name.toLowerCase().endsWith('.txt') && !basename(name).startsWith('.'))
    .map((name) => join(source, name))
    .sort()
}

/** The path of a problem's field, shortened until the page says where it came from. */
function pageLine(result: PageImport, path: string): number | undefined {
  let key = path
  while (key !== '') {
    const line = result.lines.get(key)
    if (line !== undefined) return line
    const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['))
    key = cut > 0 ? key.slice(0, cut) : ''
  }
  return undefined
}

function explain(result: PageImport, problem: ContentProblem): PageProblem {
  const field = problem.path
  const missing = problem.message === 'required' ? result.missing[field] : undefined
  return {
    line: pageLine(result, field),
    field,
    message: missing ? `required: ${missing}` : problem.message,
  }
}

/** True when two report files hold the same report, however their YAML is written. */
function sameReport(a: string, b: string, file: string): boolean {
  if (a === b) return true
  const x = parseReportFile(a, file).report
  const y = parseReportFile(b, file).report
  return x !== undefined && y !== undefined && isDeepStrictEqual(x, y)
}

/**
 * A problem the compiler reported in the other report of a pair (a duplicate ISBN or DOI),
 * told from the page's side: the other report is the one named.
 */
function fromOtherSide(problem: ContentProblem): string {
  const other = `"${slugFromFileName(problem.file)}" (${problem.file}:${problem.line})`
  const turned = problem.message.replace(
    /already used by "[^"]*"(?: \([^)]*\))?/,
    `already used by ${other}`,
  )
  return turned === problem.message
    ? `${problem.message} (${problem.file}:${problem.line})`
    : turned
}

const problemKey = (p: ContentProblem) => `${p.file}\0${p.line}\0${p.path}\0${p.message}`

/**
 * Imports pages into a catalogue. With `dryRun`, writes nothing and returns each report
 * file's text.
 *
 * @example
 * const run = await runImport({ sources: ['pages/'], dir: 'catalogue', dryRun: true })
 * for (const page of run.pages) console.log(page.status, page.target)
 */
export async function runImport(options: ImportOptions): Promise<ImportRun> {
  const display = options.displayPath ?? defaultDisplayPath
  const dryRun = options.dryRun ?? false
  const settingsPath = join(options.dir, CATALOGUE_FILE)
  if (!existsSync(settingsPath)) {
    throw new ImportSourceError(
      `${display(settingsPath)}: no catalogue file (is --catalogue right?)`,
    )
  }
  const parsedSettings = parseCatalogueFile(
    await readFile(settingsPath, 'utf8'),
    display(settingsPath),
  )
  if (!parsedSettings.settings) {
    return { pages: [], catalogueProblems: parsedSettings.problems, dryRun }
  }
  const { vocabularies } = parsedSettings.settings

  // What the catalogue holds: slugs, and each valid report's title and ISBNs.
  const fileOfSlug = new Map<string, string>()
  const textOfFile = new Map<string, string>()
  const known: KnownReport[] = []
  for (const file of await listReportFiles(options.dir)) {
    const text = await readFile(file, 'utf8')
    const parsed = parseReportFile(text, file)
    fileOfSlug.set(parsed.slug, file)
    textOfFile.set(file, text)
    if (parsed.report) {
      known.push({
        slug: parsed.slug,
        title: parsed.report.title,
        published: parsed.report.published,
        isbns: (parsed.report.identifiers?.isbn ?? []).map(
          (e) => normalizeIsbn(e.value) ?? e.value,
        ),
      })
    }
  }
  const taken = new Set(fileOfSlug.keys())

  const files: string[] = []
  for (const source of options.sources) files.push(...(await pageFiles(source)))

  // Read every page; slugs and identities accumulate across the batch.
  const pages: PageOutcome[] = []
  const batchSource = new Map<string, string>()
  for (const file of files) {
    const source = display(file)
    const result = importPage(await readFile(file, 'utf8'), {
      vocabularies,
      known,
      takenSlugs: taken,
      fallbackType: options.fallbackType,
      fallbackPublished: options.fallbackPublished,
    })
    const slug = result.report.slug
    const outcome: PageOutcome = { source, status: 'new', slug, result, problems: [] }
    pages.push(outcome)
    if (slug === undefined) {
      outcome.status = 'failed'
      outcome.problems.push({ field: 'title', message: `required: ${result.missing.title}` })
      continue
    }
    const earlier = batchSource.get(slug)
    if (earlier !== undefined) {
      outcome.status = 'failed'
      outcome.problems.push({
        line: result.lines.get('title'),
        field: 'slug',
        message: `the same report as ${earlier} (same ISBN, or title and year), imported above`,
      })
      continue
    }
    batchSource.set(slug, source)
    taken.add(slug)
    known.push({
      slug,
      title: result.report.title ?? '',
      published: result.report.published,
      isbns: (result.report.identifiers?.isbn ?? []).map((e) => normalizeIsbn(e.value) ?? e.value),
    })
    const target = fileOfSlug.get(slug) ?? join(options.dir, REPORTS_DIR, `${slug}.md`)
    outcome.file = target
    outcome.target = display(target)
    outcome.text = serializeReportFile(result.report)
    const current = textOfFile.get(target)
    if (current !== undefined) {
      outcome.status = sameReport(current, outcome.text, target)
        ? 'unchanged'
        : options.force
          ? 'replaced'
          : 'exists'
    }
  }

  // Check the catalogue with the new files in it, as `colophon check` would.
  const compiler = await loadCatalogue({ dir: options.dir, displayPath: display, entry: false })
  const candidates = pages.filter(
    (p) => p.status === 'new' || p.status === 'replaced' || (dryRun && p.status === 'exists'),
  )
  const byTarget = new Map(candidates.map((p) => [p.target as string, p]))
  const restore = (page: PageOutcome) => {
    const original = textOfFile.get(page.file as string)
    if (original === undefined) compiler.removeReportFile(page.target as string)
    else compiler.setReportFile(page.target as string, original)
  }
  // Problems the catalogue has without the pages are not theirs; found only when needed.
  let before: Set<string> | undefined
  const newProblems = (problems: ContentProblem[]) => {
    if (problems.length === 0) return problems
    if (!before) {
      for (const page of byTarget.values()) restore(page)
      before = new Set(compiler.compile().problems.map(problemKey))
      for (const page of byTarget.values())
        compiler.setReportFile(page.target as string, page.text as string)
    }
    const known = before
    return problems.filter((p) => !known.has(problemKey(p)))
  }
  for (const page of candidates) compiler.setReportFile(page.target as string, page.text as string)
  for (let round = 0; byTarget.size > 0; round++) {
    const problems = newProblems(compiler.compile().problems)
    if (problems.length === 0) break
    const failed = new Set<PageOutcome>()
    for (const problem of problems) {
      const page =
        byTarget.get(problem.file) ??
        problem.related?.map((r) => byTarget.get(r.file)).find((p) => p !== undefined)
      if (!page?.result) continue
      if (!byTarget.has(problem.file)) {
        page.problems.push({
          line: pageLine(page.result, problem.path),
          field: problem.path,
          message: fromOtherSide(problem),
        })
      } else page.problems.push(explain(page.result, problem))
      failed.add(page)
    }
    if (failed.size === 0 || round >= 4) {
      // Problems no page can be blamed for: write none of them rather than break the catalogue.
      const first = problems[0] as ContentProblem
      for (const page of byTarget.values()) {
        page.problems.push({
          field: first.path,
          message: `the catalogue would have a problem: ${first.file}:${first.line}: ${first.message}`,
        })
        failed.add(page)
      }
    }
    for (const page of failed) {
      page.status = 'failed'
      byTarget.delete(page.target as string)
      restore(page)
    }
  }

  if (!dryRun) {
    for (const page of pages) {
      if (page.status !== 'new' && page.status !== 'replaced') continue
      await writeFileSafely(page.file as string, page.text as string)
    }
  }
  return { pages, catalogueProblems: [], dryRun }
}
