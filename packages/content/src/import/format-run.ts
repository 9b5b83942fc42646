// What `colophon import` prints: for each page, where it went and every note (inferred
// fields, warnings, unplaced text, dropped interface text, problems), each with the page's
// file and line; then one summary line.
import type { ImportRun, PageOutcome } from './run-import.js'

const STATUS: Record<PageOutcome['status'], string> = {
  new: 'new report',
  replaced: 'replaces the existing report (--force)',
  unchanged: 'the catalogue has this report already, with the same data: nothing to do',
  exists:
    'the catalogue has this report already, with other data: left as it is (--force overwrites it)',
  failed: 'not imported',
}

const DRY_STATUS: Partial<Record<PageOutcome['status'], string>> = {
  new: 'would be a new report',
  replaced: 'would replace the existing report (--force)',
  exists: 'the catalogue has this report already, with other data: --force would overwrite it',
}

function at(source: string, line: number | undefined): string {
  return line === undefined ? source : `${source}:${line}`
}

const quote = (text: string) => `"${text.length > 70 ? `${text.slice(0, 69)}…` : text}"`

/** The notes of one page, one per line. */
export function formatPage(page: PageOutcome, dryRun: boolean): string {
  const status = (dryRun ? DRY_STATUS[page.status] : undefined) ?? STATUS[page.status]
  const lines = [`${page.source} → ${page.target ?? '(no report file)'}: ${status}`]
  const result = page.result
  for (const i of result?.inferred ?? []) {
    lines.push(`  inferred  ${at(page.source, i.line)}  ${i.field}: ${i.why}`)
  }
  for (const w of result?.warnings ?? []) {
    lines.push(`  warning   ${at(page.source, w.line)}  ${w.message}`)
  }
  for (const u of result?.unplaced ?? []) {
    lines.push(`  unplaced  ${at(page.source, u.line)}  ${quote(u.text)}: ${u.why}`)
  }
  for (const d of result?.ignored ?? []) {
    lines.push(`  dropped   ${at(page.source, d.line)}  ${quote(d.text)}: ${d.why}`)
  }
  for (const p of page.problems) {
    lines.push(
      `  error     ${at(page.source, p.line)}  ${p.field ? `${p.field}: ` : ''}${p.message}`,
    )
  }
  return `${lines.join('\n')}\n`
}

function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`
}

export interface RunCounts {
  pages: number
  imported: number
  unchanged: number
  skipped: number
  failed: number
  warnings: number
  unplaced: number
  inferred: number
}

export function countRun(run: ImportRun): RunCounts {
  const by = (status: PageOutcome['status']) => run.pages.filter((p) => p.status === status).length
  const sum = (f: (p: PageOutcome) => number) => run.pages.reduce((n, p) => n + f(p), 0)
  return {
    pages: run.pages.length,
    imported: by('new') + by('replaced'),
    unchanged: by('unchanged'),
    skipped: by('exists'),
    failed: by('failed'),
    warnings: sum((p) => p.result?.warnings.length ?? 0),
    unplaced: sum((p) => p.result?.unplaced.length ?? 0),
    inferred: sum((p) => p.result?.inferred.length ?? 0),
  }
}

/**
 * The summary line.
 *
 * @example
 * // 'Imported 2 of 3 pages (1 failed); 4 warnings, 1 unplaced line, 9 inferred fields.'
 */
export function formatSummary(run: ImportRun): string {
  const c = countRun(run)
  const parts = [
    `${run.dryRun ? 'Dry run: would import' : 'Imported'} ${c.imported} of ${count(c.pages, 'page')}`,
  ]
  const details = [
    c.unchanged ? `${c.unchanged} unchanged` : '',
    c.skipped ? `${c.skipped} already in the catalogue (--force overwrites)` : '',
    `${count(c.failed, 'failure')}`,
  ].filter(Boolean)
  const notes = [
    count(c.warnings, 'warning'),
    count(c.unplaced, 'unplaced line'),
    count(c.inferred, 'inferred field'),
  ]
  const written = run.dryRun ? ' Nothing was written.' : ''
  return `${parts[0]} (${details.join(', ')}); ${notes.join(', ')}.${written}\n`
}
