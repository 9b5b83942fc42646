// What `colophon import` prints: for each page, where it went and every note (inferred
// fields, warnings, unplaced text, dropped interface text, problems), each with the page's
// file and line; then one summary line.
import type { ImportRun, PageOutcome } from './run-import.ts'

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
/** The page's status, naming the catalogue report it is and why, when it is one. */
function statusText(page: PageOutcome, dryRun: boolean): string {
  const same = page.same
  if (same && page.status === 'replaced')
    return `${dryRun ? 'would replace' : 'replaces'} the catalogue's "${same.slug}" (--force): it is the same report, by ${same.why}`
  if (same && page.status === 'exists')
    return `the catalogue's "${same.slug}" is this report (${same.why}), with other data: left as it is (--force replaces it)`
  return (dryRun ? DRY_STATUS[page.status] : undefined) ?? STATUS[page.status]
}

const RULE: Record<string, string> = {
  map: 'by --map',
  key: 'its key',
  label: 'its label',
  alias: 'an alias in catalogue.yaml',
  singular: 'its singular label',
  plural: 'its plural label',
  inflection: 'singular or plural of its label',
  close: 'the closest spelling',
  word: 'a word shared with this entry only',
  default: "the catalogue's default: the word names no entry",
  new: 'a new entry',
}

export function formatPage(page: PageOutcome, dryRun: boolean): string {
  const status = statusText(page, dryRun)
  const lines = [`${page.source} → ${page.target ?? '(no report file)'}: ${status}`]
  const result = page.result
  // One list in page order, so that the notes read alongside the page.
  const notes: { line: number | undefined; text: string }[] = [
    ...(result?.inferred ?? []).map((i) => ({
      line: i.line,
      text: `inferred  ${at(page.source, i.line)}  ${i.field}: ${i.why}`,
    })),
    ...(result?.warnings ?? []).map((w) => ({
      line: w.line,
      text: `warning   ${at(page.source, w.line)}  ${w.message}`,
    })),
    ...(result?.unplaced ?? []).map((u) => ({
      line: u.line,
      text: `unplaced  ${at(page.source, u.line)}  ${quote(u.text)}: ${u.why}`,
    })),
    ...(result?.ignored ?? []).map((d) => ({
      line: d.line,
      text: `dropped   ${at(page.source, d.line)}  ${quote(d.text)}: ${d.why}`,
    })),
    ...(result?.mapped ?? [])
      .filter((m) => m.rule !== 'key' && m.rule !== 'label' && m.rule !== 'new')
      .map((m) => ({
        line: m.line,
        text: `mapped    ${at(page.source, m.line)}  ${m.field}: "${m.word}" → ${m.key} (${RULE[m.rule]})`,
      })),
    ...(result?.added ?? []).map((a) => ({
      line: a.line,
      text: `added     ${at(page.source, a.line)}  ${a.vocabulary}: ${a.key} (label "${a.label}")`,
    })),
  ]
  // Notes without a line (fallbacks from the command line) first; the sort is stable.
  notes.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  for (const note of notes) lines.push(`  ${note.text}`)
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
 * // 'Imported 2 of 3 pages (1 failure); 4 warnings, 1 unplaced text, 9 inferred fields.'
 */
export function formatSummary(run: ImportRun): string {
  return `${formatBreakdown(run)}${formatCounts(run)}`
}

/** One line per page, the pages not imported with the reason, vocabulary entries and aliases. */
export function formatBreakdown(run: ImportRun): string {
  const out: string[] = []
  if (run.pages.length > 1) {
    out.push('Per page:')
    for (const page of run.pages) {
      const r = page.result
      const parts = [
        `${page.source} → ${page.slug && page.status !== 'failed' ? page.slug : '—'}: ${page.status}`,
      ]
      for (const m of r?.mapped ?? []) {
        if (m.rule !== 'key' && m.rule !== 'label' && m.rule !== 'new')
          parts.push(`${m.field} "${m.word}" → ${m.key} (${RULE[m.rule]})`)
      }
      if (r?.added.length)
        parts.push(`added ${r.added.map((a) => `${a.vocabulary} ${a.key}`).join(', ')}`)
      if (r) parts.push(`${r.inferred.length} inferred, ${r.unplaced.length} unplaced`)
      out.push(`  ${parts.join('; ')}`)
    }
  }
  const skipped = run.pages.filter((p) => p.status === 'failed' || p.status === 'exists')
  if (skipped.length > 0) {
    out.push(run.dryRun ? 'Would be skipped:' : 'Skipped:')
    for (const page of skipped) {
      const reason =
        page.status === 'exists'
          ? statusText(page, run.dryRun)
          : page.problems.map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}`).join('; ')
      out.push(`  ${page.source}: ${reason}`)
    }
  }
  if (run.added.length > 0) {
    out.push(run.dryRun ? 'Would add to catalogue.yaml:' : 'Added to catalogue.yaml:')
    for (const a of run.added)
      out.push(`  vocabularies.${a.vocabulary}.${a.key}: { label: ${JSON.stringify(a.label)} }`)
  }
  // Words mapped by --map this run: as aliases in catalogue.yaml they map in every run.
  const aliases = new Map<string, Set<string>>()
  const defaulted = new Set<string>()
  for (const page of run.pages) {
    if (page.status === 'failed') continue
    for (const m of page.result?.mapped ?? []) {
      const vocabulary = m.field === 'type' ? 'types' : m.field
      if (m.rule === 'map') {
        const key = `vocabularies.${vocabulary}.${m.key}.aliases`
        aliases.set(key, (aliases.get(key) ?? new Set()).add(m.word))
      }
      if (m.rule === 'default') defaulted.add(`${m.field}:"${m.word}"`)
    }
  }
  if (aliases.size > 0) {
    out.push('Aliases to add to catalogue.yaml, so that these words map in every run:')
    for (const [key, words] of aliases)
      out.push(`  ${key}: [${[...words].map((w) => JSON.stringify(w)).join(', ')}]`)
  }
  if (defaulted.size > 0) {
    out.push(
      `Words that took the catalogue's default (map them with --map ${[...defaulted][0]}=<key>, or add them to aliases): ${[...defaulted].join(', ')}`,
    )
  }
  return out.length > 0 ? `${out.join('\n')}\n` : ''
}

/** The counts line. */
export function formatCounts(run: ImportRun): string {
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
    count(c.unplaced, 'unplaced text', 'unplaced texts'),
    count(c.inferred, 'inferred field'),
  ]
  const written = run.dryRun ? ' Nothing was written.' : ''
  return `${parts[0]} (${details.join(', ')}); ${notes.join(', ')}.${written}\n`
}

/** The whole run as one JSON document, for scripts: every page with its notes, and the counts. */
export function formatRunJson(run: ImportRun): string {
  const pages = run.pages.map((page) => ({
    source: page.source,
    target: page.target,
    slug: page.slug,
    status: page.status,
    inferred: page.result?.inferred ?? [],
    warnings: page.result?.warnings ?? [],
    unplaced: page.result?.unplaced ?? [],
    dropped: page.result?.ignored ?? [],
    mapped: page.result?.mapped ?? [],
    added: page.result?.added ?? [],
    same: page.same,
    problems: page.problems,
    ...(run.dryRun ? { text: page.text } : {}),
  }))
  return `${JSON.stringify({ dryRun: run.dryRun, summary: countRun(run), added: run.added, pages }, null, 2)}\n`
}
