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
import { contentHash } from './hash.ts'
import type { Manifest, Tombstone, VocabularyCount, VocabularyCounts } from './output.ts'
import { OUTPUT_FILES } from './output.ts'
import {
  buildColumns,
  type Columns,
  collectSearchEntries,
  columnPieces,
  reportColumns,
  type SearchEntries,
  type SearchSource,
  searchIndexFromEntries,
  searchPieces,
  searchSource,
  type VocabularyLabels,
} from './search/index.ts'
import {
  BLOCK_SIZE,
  identifierKey,
  PIECES,
  SNAPSHOT_FORMAT,
  shardCount,
  shardOf,
} from './snapshot/format.ts'
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

/**
 * One compiled report's file, serialized once and kept (watch mode reuses it). The JSON is
 * kept as UTF-8 bytes: a JS string with one character beyond Latin-1 (a name's "ł", an en
 * dash) takes two bytes per character, which at 100,000 reports is most of the heap.
 */
export interface EmittedReport {
  report: CompiledReport
  summary: ReportSummary
  /** `JSON.stringify(report)`, UTF-8. */
  json: Buffer
  /**
   * `JSON.stringify(summary)`, UTF-8: the blocks are these joined, not serialized again
   * (watch mode). Left out for a report compiled once: serialized when its block is.
   */
  summaryJson?: Buffer
  hash: string
  /** `report.slug`, as a flat string (see `flat`). */
  slug: string
  /** Its path in the output folder, `reports/<slug>.json`. */
  file: string
}

export function emitReport(
  report: CompiledReport,
  options: { summaryJson?: boolean } = {},
): EmittedReport {
  const json = Buffer.from(JSON.stringify(report))
  const summary = toSummary(report)
  const hash = contentHash(json)
  const slug = flat(report.slug)
  const file = flat(`${OUTPUT_FILES.reportsDir}/${slug}.json`)
  return {
    report,
    summary,
    json,
    ...(options.summaryJson !== false && { summaryJson: Buffer.from(JSON.stringify(summary)) }),
    hash,
    slug,
    file,
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
  /**
   * Path inside the output folder → its bytes: the pieces, then `reports/<slug>.json`.
   * Empty when the emit wrote them to a `sink` instead.
   */
  files: Map<string, string | Uint8Array>
  /** How many files the output has (also when they went to a sink). */
  fileCount: number
  /** The search index's pieces (also in `files`), for a quick emit to reuse. */
  searchPieces: ReadonlyMap<string, Uint8Array>
  manifest: Manifest
  /** The pieces' size as the typed entry counts it (text in characters, bytes in bytes). */
  piecesSize: number
}

export interface EmitOptions {
  /** Also write `index.js`/`index.d.ts`, the typed entry with the pieces inlined. Default true. */
  entry?: boolean
  /**
   * The search index's pieces as last emitted, used instead of building them again (watch
   * mode's quick pass; the full pass follows).
   */
  searchPieces?: ReadonlyMap<string, Uint8Array>
  /** See ENTRY_INLINE_LIMIT. */
  entryInlineLimit?: number
  /** Withdrawn reports (not among the emitted ones), kept in the manifest as tombstones. */
  withdrawn?: readonly CompiledReport[]
  /**
   * Keep what the next emit reuses (default true): the blocks, orders and each report's
   * search text. False for an emit that is the only one (a build): each report's JSON is
   * then let go once written (`release`), so the reports cannot be emitted again.
   */
  keep?: boolean
  /**
   * Takes each file as it is made instead of `files` (a build writes it into the new output
   * folder at once), so that the report blocks, 500 MB at 100,000 reports, are never all
   * held. The emit then keeps nothing for the next one (`keep` is false).
   */
  sink?: (name: string, data: string | Uint8Array) => void
  /**
   * Given the search index's entries and the reports in doc-id order (the build keeps what
   * an in-place update needs of them in its cache).
   */
  onSearchEntries?: (entries: SearchEntries, ordered: readonly EmittedReport[]) => void
}

/** The vocabulary labels the search index folds into each report's text. */
export function vocabularyLabels(settings: CatalogueSettings): VocabularyLabels {
  const v = settings.vocabularies
  // Own keys only: a topic named "constructor" is a key like any other.
  const label = (vocabulary: Record<string, { label: string }> | undefined) => (key: string) =>
    (vocabulary && Object.hasOwn(vocabulary, key) ? vocabulary[key]?.label : undefined) ?? key
  return { type: label(v.types), series: label(v.series), topic: label(v.topics) }
}

// Each report's search text, kept while its compiled form and the settings stay the same.
const sources = new WeakMap<EmittedReport, { settings: CatalogueSettings; source: SearchSource }>()

function sourceOf(
  e: EmittedReport,
  settings: CatalogueSettings,
  labels: VocabularyLabels,
  keep: boolean,
) {
  const cached = sources.get(e)
  if (cached?.settings === settings) return cached.source
  const source = searchSource(e.report, labels)
  if (keep) sources.set(e, { settings, source })
  return source
}

/**
 * The search index's pieces over `ordered` (doc id = position), built afresh; `keep`
 * (default true) keeps each report's search text for the next build.
 */
export function buildSearchPieces(
  settings: CatalogueSettings,
  ordered: readonly EmittedReport[],
  keep = true,
  onEntries?: (entries: SearchEntries, ordered: readonly EmittedReport[]) => void,
): Map<string, Uint8Array> {
  const labels = vocabularyLabels(settings)
  const sourceAt = (d: number) => sourceOf(ordered[d] as EmittedReport, settings, labels, keep)
  const entries = collectSearchEntries(ordered.length, sourceAt)
  onEntries?.(entries, ordered)
  return searchPieces(searchIndexFromEntries(entries, { release: onEntries === undefined }))
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
export interface HashedFile {
  text: string | Uint8Array
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
  blocks: EmittedBlock[]
  /** The columns, whose rank orders the next emit starts from. */
  columns: Columns
  slugShards: ShardFiles
  idShards: ShardFiles
}

/** `key: docId` shards as written, with the entries they were made from. */
interface ShardFiles {
  entries: readonly (readonly [string, number])[]
  files: Map<number, HashedFile>
}

const sameEntries = (
  a: readonly (readonly [string, number])[],
  b: readonly (readonly [string, number])[],
) => a.length === b.length && a.every((x, i) => x[0] === b[i]?.[0] && x[1] === b[i]?.[1])

/** The shards of `entries`: those of `previous` when it holds the same entries. */
function shardFiles(
  entries: readonly (readonly [string, number])[],
  previous: ShardFiles | undefined,
): ShardFiles {
  if (previous && sameEntries(entries, previous.entries)) return previous
  const files = new Map<number, HashedFile>()
  for (const [shard, text] of shardTexts(shardCount(entries.length), entries))
    files.set(shard, hashed(text))
  return { entries, files }
}

/** Above this many new reports, sorting all of them again beats inserting each. */
const INSERT_AT_MOST = 64

const hashed = (text: string | Uint8Array): HashedFile => ({ text, hash: contentHash(text) })

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

    const settingsFile = previous?.settingsFile ?? hashed(JSON.stringify(settings))
    mark('list and vocabularies')

    const { sink } = options
    const keep = options.keep !== false && sink === undefined
    const files = new Map<string, string | Uint8Array>()
    let fileCount = 0
    const write = (name: string, data: string | Uint8Array) => {
      fileCount++
      if (sink) sink(name, data)
      else files.set(name, data)
    }
    // The pieces the typed entry inlines, while they are few enough to (ENTRY_INLINE_LIMIT).
    const inlineLimit = options.entryInlineLimit ?? ENTRY_INLINE_LIMIT
    let inline: Map<string, string | Uint8Array> | undefined = new Map()
    let piecesSize = 0
    const pieces: Record<string, string> = {}
    const putPiece = (name: string, data: string | Uint8Array, hash: string) => {
      write(name, data)
      pieces[name] = pieceHash(hash)
      piecesSize += data.length
      if (piecesSize > inlineLimit) inline = undefined
      else inline?.set(name, data)
    }
    const put = (name: string, file: HashedFile) => putPiece(name, file.text, file.hash)
    put(PIECES.settings, settingsFile)
    put(PIECES.vocabularies, vocabularies)
    // Blocks of BLOCK_SIZE doc ids; a block whose reports are the same objects in the same
    // order as last time keeps its text and hash (watch mode rewrites one block, not all).
    // Not kept, each block's reports piece is made only when written, then let go.
    const blocks: EmittedBlock[] = []
    const blockCount = Math.ceil(ordered.length / BLOCK_SIZE)
    const membersOf = (b: number) => ordered.slice(b * BLOCK_SIZE, (b + 1) * BLOCK_SIZE)
    for (let b = 0; b < blockCount; b++) {
      const members = membersOf(b)
      if (!keep) {
        put(PIECES.summaries(b), summariesPiece(members))
        continue
      }
      const last = previous?.blocks[b]
      const block =
        last &&
        last.members.length === members.length &&
        last.members.every((e, i) => e === members[i])
          ? last
          : emitBlock(members)
      blocks.push(block)
      put(PIECES.summaries(b), block.summaries)
    }
    for (let b = 0; b < blockCount; b++)
      put(
        PIECES.reports(b),
        keep ? (blocks[b] as EmittedBlock).reports : reportsPiece(membersOf(b)),
      )
    // One file per report for integrators (not a piece: the blocks serve readers). Not
    // kept, they are written now and each report's JSON let go before the search index is
    // built, the phase that needs the most memory.
    const writeReportFiles = () => {
      for (const e of bySlug) write(e.file, e.json)
    }
    if (!keep) {
      writeReportFiles()
      for (const e of ordered) release(e)
    }
    // The slug and identifier shards, made again only when their entries changed.
    const slugEntries = ordered.map((e, docId) => [e.slug, docId] as const)
    const slugShards = shardFiles(slugEntries, previous?.slugShards)
    for (const [shard, file] of slugShards.files) put(PIECES.slugs(shard), file)
    const idShards = shardFiles(identifierEntries(ordered), previous?.idShards)
    for (const [shard, file] of idShards.files) put(PIECES.identifiers(shard), file)
    mark('blocks and shards')

    // The search index (terms and identifiers, in shards) and the columns the API filters,
    // sorts and counts facets with: binary pieces, by doc id.
    const search =
      options.searchPieces ?? buildSearchPieces(settings, ordered, keep, options.onSearchEntries)
    mark('search index')
    const columnData = buildColumns(
      ordered.map((e) => e.summary),
      reportColumns(settings.language),
      previous?.columns,
    )
    const columns = columnPieces(columnData)
    for (const [name, bytes] of [...search, ...columns]) putPiece(name, bytes, contentHash(bytes))
    mark('columns')
    if (keep) writeReportFiles()
    // Withdrawn reports leave tombstones (one small piece): a 410, a deleted OAI record.
    const withdrawn: Record<string, Tombstone> = {}
    for (const report of [...(options.withdrawn ?? [])].sort((a, b) => (a.slug < b.slug ? -1 : 1)))
      withdrawn[report.slug] = tombstoneOf(report)
    put(PIECES.withdrawn, hashed(JSON.stringify(withdrawn)))
    // The content hash covers every piece: "name hash" lines in the manifest's order.
    const lines = Object.entries(pieces).map(([name, h]) => `${name} ${h}\n`)
    const manifest: Manifest = {
      format: SNAPSHOT_FORMAT,
      schemaVersion: settings.schemaVersion,
      contentHash: contentHash(lines.join('')),
      reportCount: emitted.length,
      blockSize: BLOCK_SIZE,
      shards: { slugs: slugShards.files.size, identifiers: idShards.files.size },
      pieces,
      dumpHash: dumpHashOf(ordered),
    }
    write(PIECES.manifest, `${JSON.stringify(manifest, null, 1)}\n`)
    mark('manifest')
    if (options.entry !== false) {
      write(ENTRY_FILES.js, entryModule(inline, manifest, piecesSize))
      write(ENTRY_FILES.dts, ENTRY_DTS)
      mark('typed entry (index.js)')
    }
    // A report passed twice cannot be told apart from itself next time: start afresh then.
    if (keep && members.size === emitted.length) {
      this.#state = {
        settings,
        settingsFile,
        members,
        ordered,
        bySlug,
        tally,
        vocabularies,
        blocks,
        columns: columnData,
        slugShards,
        idShards,
      }
    }
    return { files, fileCount, manifest, searchPieces: search, piecesSize }
  }
}

/**
 * Identifies the dump (`/v1/dump.ndjson.gz`: every report's JSON, one per line, in doc-id
 * order, that is newest first): a hash over the reports' own hashes in that order. Each
 * line's SHA-256 (base64url) is its report's hash in its summaries block.
 */
export function dumpHashOf(ordered: readonly { hash: string }[]): string {
  return contentHash(ordered.map((e) => `${e.hash}\n`).join(''))
}

/** One block of doc ids: its summaries piece and its reports piece. */
interface EmittedBlock {
  members: readonly EmittedReport[]
  summaries: HashedFile
  reports: HashedFile
}

/** A piece's hash as the manifest names it: 22 characters (132 bits) of its SHA-256. */
export const pieceHash = (hash: string) => hash.slice(0, 22)

/**
 * A block's two pieces, joined from each report's cached JSON (nothing serialized again):
 * `{"hashes":[…],"items":[summary,…]}` and `[report,…]`.
 */
function emitBlock(members: readonly EmittedReport[]): EmittedBlock {
  return { members, summaries: summariesPiece(members), reports: reportsPiece(members) }
}

/** The pieces of one block of doc ids; each member needs only its hash, summary and JSON. */
type BlockMember = Pick<EmittedReport, 'hash' | 'summary' | 'summaryJson' | 'json'>

export function summariesPiece(members: readonly BlockMember[]): HashedFile {
  const hashes = members.map((e) => JSON.stringify(e.hash)).join(',')
  const open = `{"hashes":[${hashes}],"items":[`
  return hashed(
    joinBytes(
      open,
      members.map((e) => e.summaryJson ?? Buffer.from(JSON.stringify(e.summary))),
      ']}',
    ),
  )
}

export function reportsPiece(members: readonly BlockMember[]): HashedFile {
  return hashed(
    joinBytes(
      '[',
      members.map((e) => e.json),
      ']',
    ),
  )
}

const COMMA = Buffer.from(',')
const RELEASED = Buffer.alloc(0)

/** Lets go of a report's JSON once written, in an emit that is the only one. */
function release(e: EmittedReport) {
  e.json = RELEASED
  e.summaryJson = undefined
}

/** `open`, the parts with commas between them, `close`: one buffer. */
function joinBytes(open: string, parts: readonly Buffer[], close: string): Buffer {
  const list: Buffer[] = [Buffer.from(open)]
  parts.forEach((part, i) => {
    if (i > 0) list.push(COMMA)
    list.push(part)
  })
  list.push(Buffer.from(close))
  return Buffer.concat(list)
}

/** `key: docId` entries spread over `shards` JSON objects, keys sorted in each. */
function shardTexts(
  shards: number,
  entries: readonly (readonly [string, number])[],
): Map<number, string> {
  const byShard: (readonly [string, number])[][] = Array.from({ length: shards }, () => [])
  for (const entry of entries) byShard[shardOf(entry[0], shards)]?.push(entry)
  const out = new Map<number, string>()
  byShard.forEach((list, shard) => {
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    out.set(shard, `{${list.map(([key, id]) => `${JSON.stringify(key)}:${id}`).join(',')}}`)
  })
  return out
}

/** Every ISBN (13 digits) and DOI (lower-cased, bare) of the reports, with its doc id. */
function identifierEntries(ordered: readonly EmittedReport[]): [string, number][] {
  const entries: [string, number][] = []
  ordered.forEach((e, docId) => {
    for (const key of identifierKeysOf(e)) entries.push([key, docId])
  })
  return entries
}

// Each report's identifier keys, kept while it is the same compiled report (watch mode).
const identifierKeys = new WeakMap<EmittedReport, string[]>()

function identifierKeysOf(e: EmittedReport): string[] {
  let keys = identifierKeys.get(e)
  if (keys) return keys
  keys = []
  const { identifiers } = e.report
  for (const { value } of identifiers?.isbn ?? []) {
    const isbn = normalizeIsbn(value)
    if (isbn) keys.push(identifierKey('isbn', isbn))
  }
  const doi = identifiers?.doi && normalizeDoi(identifiers.doi)
  if (doi) keys.push(identifierKey('doi', doi))
  identifierKeys.set(e, keys)
  return keys
}

export const ENTRY_FILES = { js: 'index.js', dts: 'index.d.ts' } as const

/**
 * Above this many characters of pieces the typed entry does not inline them: a worker's
 * bundle is at most 10 MB compressed, and a catalogue that large belongs in KV or R2.
 */
export const ENTRY_INLINE_LIMIT = 8 * 1024 * 1024

export const ENTRY_DTS = `// Generated by \`colophon build\`: the bundled snapshot, typed.
import type { BundledSnapshot } from '../../src/snapshot/bundled.js'

export declare const catalogue: BundledSnapshot
`

/**
 * The typed entry: the snapshot's pieces (not the per-report files) as string literals
 * keyed by name, for a worker that bundles its catalogue; when they were too large to
 * inline (`pieces` undefined, `size` characters or bytes in all), an entry that says where
 * the data is instead (every piece is in the folder either way).
 */
export function entryModule(
  files: ReadonlyMap<string, string | Uint8Array> | undefined,
  manifest: Manifest,
  size: number,
): string {
  const header = '// Generated by `colophon build`; do not edit.\n'
  if (files === undefined) {
    const message = `colophon-content: this catalogue (${manifest.reportCount} reports, ${Math.round(size / 1048576)} MB of pieces) is too large to bundle; serve its folder (CATALOGUE_DIR) or load it into Workers KV or R2`
    return `${header}export const catalogue = { manifest: ${JSON.stringify(manifest)}, pieces: null, tooLarge: ${JSON.stringify(message)} }\n`
  }
  const pieces = Object.keys(manifest.pieces).map((name) => {
    const value = files.get(name) as string | Uint8Array
    // JSON pieces inline as text (the blocks are held as bytes), binary ones as base64.
    const text = name.endsWith('.json') && typeof value !== 'string' ? utf8Text(value) : value
    const literal =
      typeof text === 'string'
        ? JSON.stringify(text)
        : `{ base64: ${JSON.stringify(Buffer.from(text).toString('base64'))} }`
    return `${JSON.stringify(name)}: ${literal}`
  })
  return `${header}export const catalogue = {
  manifest: ${JSON.stringify(manifest)},
  pieces: {
${pieces.join(',\n')}
  },
}
`
}

const utf8Text = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
