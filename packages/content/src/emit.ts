// Builds the output files of a compiled catalogue from validated reports: the list index,
// vocabularies with counts, the search index, one file per report and the manifest.
import {
  type CatalogueSettings,
  type CompiledReport,
  CompiledReport as CompiledReportSchema,
  normalizeDoi,
  normalizeIsbn,
  type Report,
  type ReportSummary,
  toSummary,
} from 'colophon-schema'
import type MiniSearch from 'minisearch'
import { contentHash } from './hash.ts'
import type { Manifest, Tombstone, VocabularyCount, VocabularyCounts } from './output.ts'
import { OUTPUT_FILES } from './output.ts'
import { createSearchIndex, type SearchDocument } from './search.ts'
import { searchDocument } from './search-document.ts'
import { mark } from './timings.ts'

const COMPILED_ORDER = Object.keys(CompiledReportSchema.shape)

/** A report with the catalogue's defaults applied and its overview rendered. */
export function compileReport(
  report: Report,
  settings: CatalogueSettings,
  descriptionHtml: string | undefined,
  modified: string = fallbackModified(report),
): CompiledReport {
  const out: Record<string, unknown> = {}
  for (const key of COMPILED_ORDER) {
    const value =
      key === 'modified'
        ? (report.modified ?? modified)
        : key === 'publisher'
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
 * A report's modification date outside git and without its own `modified`: the start of its
 * publication date (never the clock, so that a build stays deterministic).
 */
export function fallbackModified(report: Pick<Report, 'published'>): string {
  const p = report.published
  const day = p.length === 4 ? `${p}-01-01` : p.length === 7 ? `${p}-01` : p
  return `${day}T00:00:00Z`
}

/** What remains of a withdrawn report: enough for a 410 and an OAI-PMH deleted record. */
export function tombstoneOf(report: CompiledReport): Tombstone {
  const isbn = (report.identifiers?.isbn ?? []).flatMap((e) => normalizeIsbn(e.value) ?? [])
  const doi = report.identifiers?.doi && normalizeDoi(report.identifiers.doi)
  return {
    title: report.title,
    type: report.type,
    ...(report.series ? { series: report.series.key } : {}),
    ...(report.topics?.length ? { topics: report.topics } : {}),
    modified: report.modified,
    withdrawn: report.withdrawn as NonNullable<CompiledReport['withdrawn']>,
    ...(isbn.length ? { isbn } : {}),
    ...(doi ? { doi } : {}),
  }
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
    ...(entry.singular === undefined ? {} : { singular: entry.singular }),
    ...(entry.plural === undefined ? {} : { plural: entry.plural }),
    ...(entry.aliases === undefined ? {} : { aliases: entry.aliases }),
    ...(entry.description === undefined ? {} : { description: entry.description }),
    count: counts.get(key) ?? 0,
  }))
}

function byCount(counts: Map<string, number>): { code: string; count: number }[] {
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1))
}

function bump<K>(counts: Map<K, number>, key: K, by: number) {
  const count = (counts.get(key) ?? 0) + by
  // A key nobody uses any more is gone, as if counted afresh.
  if (count === 0) counts.delete(key)
  else counts.set(key, count)
}

/**
 * How many reports use each vocabulary entry, country, language and year, kept up to date
 * as reports come and go (watch mode changes one report, not all 10,000).
 */
class VocabularyTally {
  readonly types = new Map<string, number>()
  readonly series = new Map<string, number>()
  readonly topics = new Map<string, number>()
  readonly countries = new Map<string, number>()
  readonly languages = new Map<string, number>()
  readonly years = new Map<number, number>()

  /** Counts `report` once more (`by` 1) or once less (`by` -1). */
  add(report: CompiledReport, by: 1 | -1): void {
    bump(this.types, report.type, by)
    if (report.series) bump(this.series, report.series.key, by)
    for (const topic of report.topics ?? []) bump(this.topics, topic, by)
    for (const country of report.countries ?? []) bump(this.countries, country, by)
    bump(this.languages, report.language, by)
    bump(this.years, Number(report.published.slice(0, 4)), by)
  }

  counts(settings: CatalogueSettings): VocabularyCounts {
    const { vocabularies } = settings
    return {
      types: counted(vocabularies.types, this.types),
      series: counted(vocabularies.series, this.series),
      topics: counted(vocabularies.topics, this.topics),
      countries: byCount(this.countries),
      languages: byCount(this.languages),
      years: [...this.years]
        .map(([year, count]) => ({ year, count }))
        .sort((a, b) => b.year - a.year),
    }
  }
}

/** How many reports use each vocabulary entry, country, language and year. */
export function countVocabularies(
  settings: CatalogueSettings,
  reports: readonly CompiledReport[],
): VocabularyCounts {
  const tally = new VocabularyTally()
  for (const report of reports) tally.add(report, 1)
  return tally.counts(settings)
}

/** One compiled report's file, serialized once and kept (watch mode reuses it). */
export interface EmittedReport {
  report: CompiledReport
  summary: ReportSummary
  json: string
  /** `JSON.stringify(summary)`: the list is these joined, not serialized again. */
  summaryJson: string
  hash: string
  /** `report.slug`, as a flat string (see `flat`). */
  slug: string
  /** Its path in the output folder, `reports/<slug>.json`. */
  file: string
  /** Its line in the content hash's input: `reports/<slug>.json <hash>\n`. */
  hashLine: string
  /**
   * Its line in `manifest.json` (`    "<slug>": "<hash>"`), or undefined for a slug that
   * is an array index ("2020"), which JavaScript objects put first: the manifest is then
   * serialized whole.
   */
  manifestLine?: string
}

/**
 * A key JavaScript objects put before all others when it is an array index (a canonical
 * integer under 2^32 - 1); any such number is matched here, to be safe.
 */
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/

export function emitReport(report: CompiledReport): EmittedReport {
  const json = JSON.stringify(report)
  const summary = toSummary(report)
  const hash = contentHash(json)
  const slug = flat(report.slug)
  const file = flat(`${OUTPUT_FILES.reportsDir}/${slug}.json`)
  return {
    report,
    summary,
    json,
    summaryJson: JSON.stringify(summary),
    hash,
    slug,
    file,
    hashLine: flat(`${file} ${hash}\n`),
    manifestLine: ARRAY_INDEX.test(slug)
      ? undefined
      : flat(`    ${JSON.stringify(slug)}: ${JSON.stringify(hash)}`),
  }
}

/**
 * `text` as one flat string. A string made with `+` or a template is a tree of pieces (or
 * a slice of the file it was read from), which V8 walks again each time the list or the
 * manifest is joined, or the slug used as a key, 10,000 times per compile in watch mode;
 * a property key is made flat (and unique) once.
 */
function flat(text: string): string {
  return Object.keys({ [text]: 0 })[0] as string
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
  /** Withdrawn reports (not among the emitted ones), kept in the manifest as tombstones. */
  withdrawn?: readonly CompiledReport[]
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
  // Own keys only: a topic named "constructor" is a key like any other.
  return (key) => (Object.hasOwn(topics, key) ? topics[key]?.label : undefined) ?? key
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
  return new CatalogueEmitter().emit(settings, emitted, options)
}

/** A file's text with its hash, kept while the text stays the same. */
interface HashedFile {
  text: string
  hash: string
}

/** What an emit leaves for the next one. */
interface EmitState {
  settings: CatalogueSettings
  settingsFile: HashedFile
  members: Set<EmittedReport>
  /** The list's order: newest first, then by slug. */
  ordered: EmittedReport[]
  bySlug: EmittedReport[]
  tally: VocabularyTally
  vocabularies: HashedFile
  list: HashedFile
}

/** Above this many new reports, sorting all of them again beats inserting each. */
const INSERT_AT_MOST = 64

const hashed = (text: string): HashedFile => ({ text, hash: contentHash(text) })

const bySlugOrder = (a: EmittedReport, b: EmittedReport) =>
  a.report.slug < b.report.slug ? -1 : a.report.slug > b.report.slug ? 1 : 0
const listOrder = (a: EmittedReport, b: EmittedReport) => compareSummaries(a.summary, b.summary)

/**
 * `previous` without `removed`, with `added` in their places; undefined when that cannot
 * give what sorting everything would (no previous order, many new reports, or two reports
 * that compare equal, which only a stable sort in file order places).
 */
function reorder(
  previous: readonly EmittedReport[] | undefined,
  removed: ReadonlySet<EmittedReport>,
  added: readonly EmittedReport[],
  compare: (a: EmittedReport, b: EmittedReport) => number,
): EmittedReport[] | undefined {
  if (!previous || added.length > INSERT_AT_MOST) return undefined
  const next = removed.size > 0 ? previous.filter((e) => !removed.has(e)) : [...previous]
  for (const e of added) {
    let low = 0
    let high = next.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const order = compare(next[middle] as EmittedReport, e)
      if (order === 0) return undefined
      if (order < 0) low = middle + 1
      else high = middle
    }
    next.splice(low, 0, e)
  }
  return next
}

/**
 * Emits a catalogue's output files again and again (watch mode), redoing only what the
 * reports that came, went or changed since the last emit require: their places in the two
 * orders, the vocabulary counts, the list's text when a summary or the order changed. The
 * files are byte for byte those `emitCatalogue` gives for the same reports (tested).
 * Reports are told apart by identity: an unchanged report must be the same `EmittedReport`.
 *
 * @example
 * const emitter = new CatalogueEmitter()
 * emitter.emit(settings, reports)
 * const { files } = emitter.emit(settings, [...reports.slice(1), changed])
 */
export class CatalogueEmitter {
  #state?: EmitState

  emit(
    settings: CatalogueSettings,
    emitted: readonly EmittedReport[],
    options: EmitOptions = {},
  ): CatalogueOutput {
    const members = new Set(emitted)
    // A failed emit leaves no state behind: the next one starts afresh.
    let previous = this.#state
    this.#state = undefined
    if (previous?.settings !== settings || members.size !== emitted.length) previous = undefined
    const removed = new Set<EmittedReport>()
    let added: readonly EmittedReport[] = emitted
    if (previous) {
      for (const e of previous.members) if (!members.has(e)) removed.add(e)
      const before = previous.members
      added = emitted.filter((e) => !before.has(e))
    }
    const ordered =
      reorder(previous?.ordered, removed, added, listOrder) ?? [...emitted].sort(listOrder)
    const bySlug =
      reorder(previous?.bySlug, removed, added, bySlugOrder) ?? [...emitted].sort(bySlugOrder)

    let tally: VocabularyTally
    if (previous) {
      tally = previous.tally
      for (const e of removed) tally.add(e.report, -1)
      for (const e of added) tally.add(e.report, 1)
    } else {
      tally = new VocabularyTally()
      for (const e of emitted) tally.add(e.report, 1)
    }
    const vocabulariesText = JSON.stringify(tally.counts(settings))
    const vocabularies =
      previous?.vocabularies.text === vocabulariesText
        ? previous.vocabularies
        : hashed(vocabulariesText)

    // The list's text is the summaries joined: the same when they and their order are.
    const before = previous?.ordered
    const list =
      previous &&
      before?.length === ordered.length &&
      ordered.every((e, i) => e.summaryJson === (before[i] as EmittedReport).summaryJson)
        ? previous.list
        : hashed(listText(ordered))
    const settingsFile = previous?.settingsFile ?? hashed(JSON.stringify(settings))
    mark('list and vocabularies')

    const files = new Map<string, string>()
    const search =
      options.searchIndexFile ??
      hashed(
        JSON.stringify(
          options.searchIndex ??
            buildSearchIndex(
              settings,
              ordered.map((e) => e.report),
            ),
        ),
      )
    mark('search index')
    const fileHashes: Record<string, string> = {}
    for (const [name, file] of [
      [OUTPUT_FILES.settings, settingsFile],
      [OUTPUT_FILES.summaries, list],
      [OUTPUT_FILES.vocabularies, vocabularies],
      [OUTPUT_FILES.searchIndex, search],
    ] as const) {
      files.set(name, file.text)
      fileHashes[name] = file.hash
    }
    // The content hash covers every file: "name hash" lines, other files then reports by slug.
    const lines = Object.entries(fileHashes).map(([name, h]) => `${name} ${h}\n`)
    const reportHashes: Record<string, string> = {}
    for (const e of bySlug) {
      files.set(e.file, e.json)
      reportHashes[e.slug] = e.hash
      lines.push(e.hashLine)
    }
    // The dump (every report's JSON, one per line, by slug) is identified by its reports' hashes.
    const dumpHash = contentHash(lines.slice(Object.keys(fileHashes).length).join(''))
    const withdrawn: Record<string, Tombstone> = {}
    for (const report of [...(options.withdrawn ?? [])].sort((a, b) =>
      a.slug < b.slug ? -1 : 1,
    )) {
      withdrawn[report.slug] = tombstoneOf(report)
      lines.push(
        `withdrawn/${report.slug} ${contentHash(JSON.stringify(withdrawn[report.slug]))}\n`,
      )
    }
    const manifest: Manifest = {
      schemaVersion: settings.schemaVersion,
      contentHash: contentHash(lines.join('')),
      reportCount: emitted.length,
      reports: reportHashes,
      files: fileHashes,
      dumpHash,
      withdrawn,
    }
    files.set(OUTPUT_FILES.manifest, manifestText(manifest, bySlug))
    mark('manifest')
    if (options.entry !== false) {
      files.set(
        ENTRY_FILES.js,
        entryModule(files, bySlug, options.entryInlineLimit ?? ENTRY_INLINE_LIMIT),
      )
      files.set(ENTRY_FILES.dts, ENTRY_DTS)
      mark('typed entry (index.js)')
    }
    // A report passed twice cannot be told apart from itself next time: start afresh then.
    if (members.size === emitted.length) {
      this.#state = {
        settings,
        settingsFile,
        members,
        ordered,
        bySlug,
        tally,
        vocabularies,
        list,
      }
    }
    return { files, manifest }
  }
}

/**
 * `[summary,summary,…]`. The brackets go into the first and last parts so that `join`
 * makes the one flat string: a string built by `+` around it would be copied again when
 * hashed.
 */
function listText(ordered: readonly EmittedReport[]): string {
  if (ordered.length === 0) return '[]'
  const parts = ordered.map((e) => e.summaryJson)
  parts[0] = `[${parts[0]}`
  parts[parts.length - 1] = `${parts[parts.length - 1]}]`
  return parts.join(',')
}

/**
 * `JSON.stringify(manifest, null, 2)` and a newline, with the reports' lines joined from
 * their cached pieces rather than serialized again.
 */
function manifestText(manifest: Manifest, bySlug: readonly EmittedReport[]): string {
  const whole = `${JSON.stringify({ ...manifest, reports: {} }, null, 2)}\n`
  if (bySlug.length === 0) return whole
  const lines: string[] = []
  for (const e of bySlug) {
    if (e.manifestLine === undefined) return `${JSON.stringify(manifest, null, 2)}\n`
    lines.push(e.manifestLine)
  }
  // Nothing before "reports" can hold the text `"reports": {}` (numbers and a hash).
  return whole.replace('"reports": {}', () => `"reports": {\n${lines.join(',\n')}\n  }`)
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
  const message = `colophon-content: this catalogue (${reports} reports, ${Math.round(size / 1048576)} MB) is too large to inline in a module; read dist/catalogue with readCompiledCatalogue() from colophon-content/node, or load it into Workers KV`
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
