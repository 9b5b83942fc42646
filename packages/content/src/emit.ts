// Builds the output files of a compiled catalogue from validated reports: the list index,
// vocabularies with counts, the search index, one file per report and the manifest.
import {
  type CatalogueSettings,
  type CompiledReport,
  CompiledReport as CompiledReportSchema,
  type Report,
  type ReportSummary,
  toSummary,
} from '@colophon/schema'
import type MiniSearch from 'minisearch'
import { contentHash } from './hash.js'
import type { Manifest, VocabularyCount, VocabularyCounts } from './output.js'
import { OUTPUT_FILES } from './output.js'
import { createSearchIndex, type SearchDocument } from './search.js'
import { searchDocument } from './search-document.js'
import { mark } from './timings.js'

const COMPILED_ORDER = Object.keys(CompiledReportSchema.shape)

/** A report with the catalogue's defaults applied and its overview rendered. */
export function compileReport(
  report: Report,
  settings: CatalogueSettings,
  descriptionHtml: string | undefined,
): CompiledReport {
  const out: Record<string, unknown> = {}
  for (const key of COMPILED_ORDER) {
    const value =
      key === 'publisher'
        ? (report.publisher ?? settings.defaultPublisher)
        : key === 'language'
          ? (report.language ?? settings.language)
          : key === 'descriptionHtml'
            ? descriptionHtml
            : report[key as keyof Report]
    if (value !== undefined) out[key] = value
  }
  return out as CompiledReport
}

/**
 * Newest first, then by slug. Valid partial dates compare as plain strings exactly as
 * `comparePartialDates` orders them ("2013" < "2013-04" < "2013-04-15"), without parsing
 * each one again for every comparison.
 */
export function compareSummaries(a: ReportSummary, b: ReportSummary): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0
}

function counted(
  vocabulary: CatalogueSettings['vocabularies']['types'] | undefined,
  counts: Map<string, number>,
): VocabularyCount[] {
  return Object.entries(vocabulary ?? {}).map(([key, entry]) => ({
    key,
    label: entry.label,
    ...(entry.description === undefined ? {} : { description: entry.description }),
    count: counts.get(key) ?? 0,
  }))
}

function byCount(counts: Map<string, number>): { code: string; count: number }[] {
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1))
}

function bump(counts: Map<string, number>, key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

/** How many reports use each vocabulary entry, country, language and year. */
export function countVocabularies(
  settings: CatalogueSettings,
  reports: readonly CompiledReport[],
): VocabularyCounts {
  const types = new Map<string, number>()
  const series = new Map<string, number>()
  const topics = new Map<string, number>()
  const countries = new Map<string, number>()
  const languages = new Map<string, number>()
  const years = new Map<number, number>()
  for (const report of reports) {
    bump(types, report.type)
    if (report.series) bump(series, report.series.key)
    for (const topic of report.topics ?? []) bump(topics, topic)
    for (const country of report.countries ?? []) bump(countries, country)
    bump(languages, report.language)
    const year = Number(report.published.slice(0, 4))
    years.set(year, (years.get(year) ?? 0) + 1)
  }
  const { vocabularies } = settings
  return {
    types: counted(vocabularies.types, types),
    series: counted(vocabularies.series, series),
    topics: counted(vocabularies.topics, topics),
    countries: byCount(countries),
    languages: byCount(languages),
    years: [...years].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year),
  }
}

/** One compiled report's file, serialized once and kept (watch mode reuses it). */
export interface EmittedReport {
  report: CompiledReport
  summary: ReportSummary
  json: string
  /** `JSON.stringify(summary)`: the list is these joined, not serialized again. */
  summaryJson: string
  hash: string
}

export function emitReport(report: CompiledReport): EmittedReport {
  const json = JSON.stringify(report)
  const summary = toSummary(report)
  return { report, summary, json, summaryJson: JSON.stringify(summary), hash: contentHash(json) }
}

export interface CatalogueOutput {
  /** Path inside the output folder → file text. Reports are under `reports/`. */
  files: Map<string, string>
  manifest: Manifest
}

export interface EmitOptions {
  /** An index holding exactly these reports already (watch mode); built afresh when absent. */
  searchIndex?: MiniSearch<SearchDocument>
  /** Also write `index.js`/`index.d.ts`, the typed entry with the data inlined. Default true. */
  entry?: boolean
  /**
   * The search index's file as last written, with its hash, used instead of serializing
   * `searchIndex` (watch mode's quick pass; the full pass follows).
   */
  searchIndexFile?: { text: string; hash: string }
  /** See ENTRY_INLINE_LIMIT. */
  entryInlineLimit?: number
}

/** The search index over `reports` (in list order), built afresh. */
export function buildSearchIndex(
  settings: CatalogueSettings,
  reports: readonly CompiledReport[],
): MiniSearch<SearchDocument> {
  const index = createSearchIndex()
  const label = topicLabel(settings)
  index.addAll(reports.map((r) => searchDocument(r, label)))
  return index
}

export function topicLabel(settings: CatalogueSettings): (key: string) => string {
  const topics = settings.vocabularies.topics ?? {}
  return (key) => topics[key]?.label ?? key
}

/**
 * Every output file of a catalogue, deterministic: the same settings and reports give
 * byte-identical files. `reports` may come in any order.
 */
export function emitCatalogue(
  settings: CatalogueSettings,
  emitted: readonly EmittedReport[],
  options: EmitOptions = {},
): CatalogueOutput {
  const ordered = [...emitted].sort((a, b) => compareSummaries(a.summary, b.summary))
  const compiled = ordered.map((e) => e.report)
  const files = new Map<string, string>()
  const put = (name: string, text: string) => {
    files.set(name, text)
    return contentHash(text)
  }
  const reuse = (name: string, file: { text: string; hash: string }) => {
    files.set(name, file.text)
    return file.hash
  }
  const search = options.searchIndex ?? buildSearchIndex(settings, compiled)
  mark('search index')
  const fileHashes: Record<string, string> = {
    [OUTPUT_FILES.settings]: put(OUTPUT_FILES.settings, JSON.stringify(settings)),
    [OUTPUT_FILES.summaries]: put(
      OUTPUT_FILES.summaries,
      `[${ordered.map((e) => e.summaryJson).join(',')}]`,
    ),
    [OUTPUT_FILES.vocabularies]: put(
      OUTPUT_FILES.vocabularies,
      JSON.stringify(countVocabularies(settings, compiled)),
    ),
    [OUTPUT_FILES.searchIndex]: options.searchIndexFile
      ? reuse(OUTPUT_FILES.searchIndex, options.searchIndexFile)
      : put(OUTPUT_FILES.searchIndex, JSON.stringify(search)),
  }
  const reportHashes: Record<string, string> = {}
  const bySlug = [...emitted].sort((a, b) => (a.report.slug < b.report.slug ? -1 : 1))
  // The content hash covers every file: "name hash" lines, other files then reports by slug.
  const lines = Object.entries(fileHashes).map(([name, h]) => `${name} ${h}\n`)
  for (const e of bySlug) {
    const name = `${OUTPUT_FILES.reportsDir}/${e.report.slug}.json`
    files.set(name, e.json)
    reportHashes[e.report.slug] = e.hash
    lines.push(`${name} ${e.hash}\n`)
  }
  const all = lines.join('')
  const manifest: Manifest = {
    schemaVersion: settings.schemaVersion,
    contentHash: contentHash(all),
    reportCount: emitted.length,
    reports: reportHashes,
    files: fileHashes,
  }
  files.set(OUTPUT_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`)
  mark('list, vocabularies, search JSON, manifest')
  if (options.entry !== false) {
    files.set(
      ENTRY_FILES.js,
      entryModule(files, bySlug, options.entryInlineLimit ?? ENTRY_INLINE_LIMIT),
    )
    files.set(ENTRY_FILES.dts, ENTRY_DTS)
    mark('typed entry (index.js)')
  }
  return { files, manifest }
}

export const ENTRY_FILES = { js: 'index.js', dts: 'index.d.ts' } as const

/**
 * Above this many characters of output the typed entry does not inline the data: no bundle
 * could hold it (a worker's limit is 10 MB) and V8 cannot make one string of it (about
 * 512 MB at 100,000 reports fails). The output files are complete either way.
 */
export const ENTRY_INLINE_LIMIT = 128 * 1024 * 1024

/** An entry that explains, when used, why the data is not in it and where it is. */
function tooLargeEntry(reports: number, size: number): string {
  const message = `@colophon/content: this catalogue (${reports} reports, ${Math.round(size / 1048576)} MB) is too large to inline in a module; read dist/catalogue with readCompiledCatalogue() from @colophon/content/node, or load it into Workers KV`
  return `// Generated by \`colophon build\`; do not edit.
const fail = () => {
  throw new Error(${JSON.stringify(message)})
}

export const catalogue = {
  get manifest() { return fail() },
  get settings() { return fail() },
  get summaries() { return fail() },
  get vocabularies() { return fail() },
  get searchIndex() { return fail() },
  report: fail,
}
`
}

const ENTRY_DTS = `// Generated by \`colophon build\`: the compiled catalogue, typed.
import type { CompiledCatalogue } from '../../src/output.js'

export declare const catalogue: CompiledCatalogue
`

/**
 * The typed entry: plain JavaScript with the data inlined. JSON is valid JavaScript (since
 * ES2019, line separators included), so each output file goes in as an object literal: no
 * JSON import support is needed from the bundler (esbuild, Vite and Node all load it as is)
 * and nothing is escaped twice.
 */
function entryModule(
  files: Map<string, string>,
  bySlug: readonly EmittedReport[],
  limit: number,
): string {
  let size = 0
  for (const text of files.values()) size += text.length
  if (size > limit) return tooLargeEntry(bySlug.length, size)
  const literal = (name: string) => files.get(name)?.trimEnd() ?? 'null'
  const reports = bySlug.map((e) => `${JSON.stringify(e.report.slug)}:${e.json}`).join(',\n')
  return `// Generated by \`colophon build\`; do not edit.
const reports = {
${reports}
}

export const catalogue = {
  manifest: ${literal(OUTPUT_FILES.manifest)},
  settings: ${literal(OUTPUT_FILES.settings)},
  summaries: ${literal(OUTPUT_FILES.summaries)},
  vocabularies: ${literal(OUTPUT_FILES.vocabularies)},
  searchIndex: ${literal(OUTPUT_FILES.searchIndex)},
  report(slug) {
    return Object.hasOwn(reports, slug) ? reports[slug] : undefined
  },
}
`
}
