// `colophon import` on the file system: pages (files or folders of .txt captures) → report
// files in a catalogue. Every page is checked the way `colophon check` checks the catalogue
// (the schema and the rules across reports, through the same compiler) before anything is
// written; files are written only when they pass, each atomically, and never over an
// existing report without `force`.
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { Report, Vocabularies } from 'colophon-schema'
import { defaultDisplayPath, listReportFiles, loadCatalogue } from '../build.ts'
import { CATALOGUE_FILE, parseCatalogueFile, REPORTS_DIR } from '../catalogue-file.ts'
import type { ContentProblem } from '../problem.ts'
import { parseReportFile, serializeReportFile, slugFromFileName } from '../report-file.ts'
import { addVocabularyEntries } from './catalogue-vocabulary.ts'
import {
  type AddedEntry,
  importPage,
  type KnownReport,
  MAX_PAGE_CHARS,
  type PageImport,
  type RunMaps,
} from './import-page.ts'
import { closestKeys, type RunMap } from './vocabulary.ts'

export interface ImportOptions {
  /** Page files or folders of pages (`.txt`, searched recursively). */
  sources: readonly string[]
  /** The catalogue folder (`catalogue.yaml`, `reports/`). */
  dir: string
  dryRun?: boolean
  force?: boolean
  /** The type of every page (`--type`). */
  typeOverride?: string | undefined
  /** For pages that give no date. */
  fallbackPublished?: string | undefined
  /** Words mapped for this run (`--map`). */
  maps?: RunMaps | undefined
  /** Add the series and topics pages name to catalogue.yaml (default true). */
  newVocabulary?: boolean | undefined
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
  /** The catalogue report this page is (replaced, unchanged or left), and why it is the same. */
  same?: { slug: string; why: string } | undefined
}

export interface ImportRun {
  pages: PageOutcome[]
  /** Problems of the catalogue itself that stop the import (its settings file). */
  catalogueProblems: ContentProblem[]
  dryRun: boolean
  /** Entries added to catalogue.yaml's vocabularies (or that would be, in a dry run). */
  added: AddedEntry[]
  /** catalogue.yaml's text with them, when there are any. */
  catalogueText?: string | undefined
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

/** The report's identity, as `sameReport` compares it. */
function knownReport(slug: string, report: Partial<Report>): KnownReport {
  return {
    slug,
    title: report.title ?? '',
    subtitle: report.subtitle,
    published: report.published,
    isbns: (report.identifiers?.isbn ?? []).map((e) => e.value),
    doi: report.identifiers?.doi,
    stockNumber: report.identifiers?.stockNumber,
  }
}

// Pages are read whole; past this size a page is refused before it is read (see README).
export const MAX_PAGE_BYTES = MAX_PAGE_CHARS

async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  await writeFile(temp, text)
  await rename(temp, file)
}

/** True when two report files hold the same report, however their YAML is written. */
function sameReportFile(a: string, b: string, file: string): boolean {
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
 * file's text. A page that fails takes nothing from the others: the batch is read again
 * without it (slugs, vocabulary entries and identities), until every page left passes.
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
  const settingsText = await readFile(settingsPath, 'utf8')
  const parsedSettings = parseCatalogueFile(settingsText, display(settingsPath))
  if (!parsedSettings.settings) {
    return { pages: [], catalogueProblems: parsedSettings.problems, dryRun, added: [] }
  }
  const settings = parsedSettings.settings
  for (const [name, map] of Object.entries(options.maps ?? {})) {
    const vocabulary = settings.vocabularies[name as keyof Vocabularies] ?? {}
    for (const [word, key] of map as RunMap) {
      if (Object.hasOwn(vocabulary, key)) continue
      const closest = closestKeys(vocabulary, key)
      throw new ImportSourceError(
        `--map ${name === 'types' ? 'type' : name}:"${word}"=${key}: no key ${key} in the ${name} vocabulary of ${display(settingsPath)}${closest.length ? ` (closest: ${closest.join(', ')})` : ''}`,
      )
    }
  }

  // What the catalogue holds: slugs, and each valid report's identity.
  const fileOfSlug = new Map<string, string>()
  const textOfFile = new Map<string, string>()
  const catalogueKnown: KnownReport[] = []
  for (const file of await listReportFiles(options.dir)) {
    const text = await readFile(file, 'utf8')
    const parsed = parseReportFile(text, file)
    fileOfSlug.set(parsed.slug, file)
    textOfFile.set(file, text)
    if (parsed.report) catalogueKnown.push(knownReport(parsed.slug, parsed.report))
  }

  const files: string[] = []
  for (const source of options.sources) files.push(...(await pageFiles(source)))
  // Each page read once; one too large is refused unread.
  const pageText = new Map<string, string>()
  const settled = new Map<string, PageOutcome>()
  for (const file of files) {
    const { size } = await stat(file)
    if (size > MAX_PAGE_BYTES) {
      settled.set(file, {
        source: display(file),
        status: 'failed',
        problems: [
          {
            field: '',
            message: `the page is ${(size / 1024 / 1024).toFixed(1)} MB: pages over ${MAX_PAGE_BYTES / 1024 / 1024} MB are not read (a publication page is some kilobytes; is this an export of a whole site?)`,
          },
        ],
      })
    } else pageText.set(file, await readFile(file, 'utf8'))
  }

  const compiler = await loadCatalogue({ dir: options.dir, displayPath: display, entry: false })
  const settingsDisplay = display(settingsPath)
  let pages: PageOutcome[] = []
  let added: AddedEntry[] = []
  let catalogueText = settingsText
  for (let round = 0; round <= files.length; round++) {
    // Everything from scratch but the pages that failed in earlier rounds.
    const vocabularies: Vocabularies = structuredClone(settings.vocabularies)
    const known = [...catalogueKnown]
    const taken = new Set(fileOfSlug.keys())
    const batchSource = new Map<string, string>()
    pages = []
    added = []
    const pageOf = new Map<PageOutcome, string>()
    for (const file of files) {
      const done = settled.get(file)
      if (done) {
        pages.push(done)
        continue
      }
      const outcome = readOne(file)
      pages.push(outcome)
      pageOf.set(outcome, file)
      // A page without a title fails whatever the others do; a duplicate of an earlier page
      // is decided again each round (that page may fail and leave it the report).
      if (outcome.status === 'failed' && outcome.slug === undefined) settled.set(file, outcome)
    }

    function readOne(file: string): PageOutcome {
      const source = display(file)
      const result = importPage(pageText.get(file) as string, {
        vocabularies,
        defaults: settings.defaults,
        known,
        takenSlugs: taken,
        typeOverride: options.typeOverride,
        fallbackPublished: options.fallbackPublished,
        maps: options.maps,
        newVocabulary: options.newVocabulary,
      })
      const slug = result.report.slug
      const outcome: PageOutcome = { source, status: 'new', slug, result, problems: [] }
      if (slug === undefined) {
        outcome.status = 'failed'
        outcome.problems.push({ field: 'title', message: `required: ${result.missing.title}` })
        return outcome
      }
      const earlier = batchSource.get(slug)
      if (earlier !== undefined) {
        outcome.status = 'failed'
        outcome.problems.push({
          line: result.lines.get('title'),
          field: 'slug',
          message: `the same report as ${earlier} (${result.existingWhy ?? 'the same slug'}), imported above`,
        })
        return outcome
      }
      batchSource.set(slug, source)
      taken.add(slug)
      known.push(knownReport(slug, result.report as Partial<Report>))
      for (const entry of result.added) {
        vocabularies[entry.vocabulary] = {
          ...vocabularies[entry.vocabulary],
          [entry.key]: { label: entry.label },
        }
        added.push(entry)
      }
      const target = fileOfSlug.get(slug) ?? join(options.dir, REPORTS_DIR, `${slug}.md`)
      outcome.file = target
      outcome.target = display(target)
      outcome.text = serializeReportFile(result.report)
      if (result.existing !== undefined) {
        outcome.same = { slug: result.existing, why: result.existingWhy ?? '' }
      }
      const current = textOfFile.get(target)
      if (current !== undefined) {
        outcome.status = sameReportFile(current, outcome.text, target)
          ? 'unchanged'
          : options.force
            ? 'replaced'
            : 'exists'
      }
      return outcome
    }

    const candidates = pages.filter(
      (p) =>
        pageOf.has(p) &&
        (p.status === 'new' || p.status === 'replaced' || (dryRun && p.status === 'exists')),
    )
    catalogueText = addVocabularyEntries(settingsText, added)
    const failed = checkRound(compiler, {
      settingsFile: settingsDisplay,
      settingsText,
      catalogueText,
      candidates,
      textOfFile,
    })
    for (const page of failed) settled.set(pageOf.get(page) as string, page)
    if (failed.length === 0) break
  }
  // The entries of the pages that were imported (or would be); a failed page adds none.
  const kept = new Set(
    pages.filter((p) => p.status !== 'failed').flatMap((p) => p.result?.added ?? []),
  )
  added = added.filter((entry) => kept.has(entry))
  catalogueText = addVocabularyEntries(settingsText, added)

  if (!dryRun) {
    const writing = pages.filter((p) => p.status === 'new' || p.status === 'replaced')
    // The vocabulary first: a report file never names a key catalogue.yaml lacks.
    if (added.length > 0 && writing.length > 0) await writeAtomic(settingsPath, catalogueText)
    for (const page of writing) await writeAtomic(page.file as string, page.text as string)
  }
  return {
    pages,
    catalogueProblems: [],
    dryRun,
    added,
    catalogueText: added.length > 0 ? catalogueText : undefined,
  }
}

/**
 * Checks the catalogue with the round's files in it, as `colophon check` would; marks the
 * pages whose files have problems as failed and returns them. The compiler is left as the
 * catalogue is on disk.
 */
function checkRound(
  compiler: Awaited<ReturnType<typeof loadCatalogue>>,
  round: {
    settingsFile: string
    /** catalogue.yaml as it is on disk, and with the round's vocabulary entries. */
    settingsText: string
    catalogueText: string
    candidates: PageOutcome[]
    textOfFile: ReadonlyMap<string, string>
  },
): PageOutcome[] {
  const { settingsFile, catalogueText, candidates, textOfFile } = round
  const byTarget = new Map(candidates.map((p) => [p.target as string, p]))
  const original: string | undefined = round.settingsText
  const restore = (page: PageOutcome) => {
    const text = textOfFile.get(page.file as string)
    if (text === undefined) compiler.removeReportFile(page.target as string)
    else compiler.setReportFile(page.target as string, text)
  }
  // Problems the catalogue has without the pages are not theirs; found only when needed.
  let before: Set<string> | undefined
  const newProblems = (problems: ContentProblem[]) => {
    if (problems.length === 0) return problems
    if (!before) {
      for (const page of byTarget.values()) restore(page)
      if (original !== undefined) compiler.setCatalogueFile(settingsFile, original)
      before = new Set(compiler.compile().problems.map(problemKey))
      compiler.setCatalogueFile(settingsFile, catalogueText)
      for (const page of byTarget.values())
        compiler.setReportFile(page.target as string, page.text as string)
    }
    const known = before
    return problems.filter((p) => !known.has(problemKey(p)))
  }
  compiler.setCatalogueFile(settingsFile, catalogueText)
  for (const page of candidates) compiler.setReportFile(page.target as string, page.text as string)
  const failed = new Set<PageOutcome>()
  const problems = newProblems(compiler.compile().problems)
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
  if (problems.length > 0 && failed.size === 0) {
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
  for (const page of failed) page.status = 'failed'
  for (const page of byTarget.values()) restore(page)
  if (original !== undefined) compiler.setCatalogueFile(settingsFile, original)
  return [...failed]
}
