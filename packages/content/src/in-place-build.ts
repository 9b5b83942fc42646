// A build that changed a few reports and nothing else updates the output folder in place:
// it reads what it needs of the last output (summaries, the changed reports' blocks, the
// columns) and the search index's entries from the cache, recomputes what depends on the
// changed reports, and rewrites only the files whose bytes changed, the manifest last.
// The files are byte for byte those a full build writes (tested). Anything it does not
// handle (a report added, removed, withdrawn, moved in the list order, or changed in what
// the rules across files read, the settings or git dates changed, a problem) returns
// undefined: the caller builds in full.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { CatalogueSettings, CompiledReport, Report, ReportSummary } from 'colophon-schema'
import { compilerFingerprint } from './build-cache.ts'
import {
  type BuildState,
  readBuildState,
  type StateChanges,
  type StateItem,
  stateItem,
} from './build-state.ts'
import { parseReport, reportCrossFileKey } from './compiler.ts'
import {
  compareSummaries,
  compileReport,
  countVocabularies,
  dumpHashOf,
  type EmittedReport,
  ENTRY_DTS,
  ENTRY_FILES,
  ENTRY_INLINE_LIMIT,
  emitReport,
  entryModule,
  pieceHash,
  reportsPiece,
  summariesPiece,
  vocabularyLabels,
} from './emit.ts'
import { contentHash } from './hash.ts'
import type { Manifest } from './output.ts'
import {
  buildColumns,
  type Column,
  type Columns,
  columnPieces,
  openColumns,
  type RankOrder,
  replaceTermEntries,
  reportColumns,
  type SearchSource,
  searchIndexFromTermEntries,
  searchPieces,
  searchSource,
} from './search/index.ts'
import { PIECES, type SummaryBlock } from './snapshot/format.ts'
import { mark } from './timings.ts'

/** Why the last output cannot be updated in place (shown with COLOPHON_TIMINGS). */
function notInPlace(reason: string): undefined {
  mark(`in place: not possible, ${reason}`)
  return undefined
}

/** Above this many changed report files, a full build. */
export const IN_PLACE_AT_MOST = 64

export interface InPlaceInput {
  out: string
  /** The cache's `state.bin`. */
  statePath: string
  settings: CatalogueSettings
  /** The last build's content hash (its output is what is updated). */
  contentHash: string
  /** The report files whose text changed since the last build. */
  changed: readonly { file: string; text: string }[]
  /** Each report file's date of change, as the compiler has them. */
  modified: (file: string) => string | undefined
  /** Write the typed entry (`index.js`). */
  entry: boolean
}

export interface InPlaceUpdate {
  manifest: Manifest
  /** Files of the output to write (name → bytes), the manifest among them. */
  files: Map<string, string | Uint8Array>
  /** Files of the last output that are no more (a search shard fewer). */
  removed: string[]
  /** How many files the output has. */
  fileCount: number
  /** The new output's state, for the cache. */
  state: BuildState
  /** The same as the reports changed since the cache's state.bin (see `StateChanges`). */
  changes: StateChanges
}

/** One report of a block, as the emit joins it. */
interface Member {
  summary: ReportSummary
  hash: string
  json: Buffer
}

/**
 * What a build of the changed reports writes into the last output, or undefined when it
 * must build in full.
 *
 * @example
 * const update = await planInPlaceUpdate({ out, statePath, settings, contentHash, changed, modified, entry: true })
 * if (update) await updateOutput(out, update.files, update.removed)
 */
export async function planInPlaceUpdate(input: InPlaceInput): Promise<InPlaceUpdate | undefined> {
  const { out, settings } = input
  if (input.changed.length > IN_PLACE_AT_MOST)
    return notInPlace(`more than ${IN_PLACE_AT_MOST} files changed`)
  const readPiece = async (name: string) => {
    try {
      return await readFile(join(out, name))
    } catch {
      return undefined
    }
  }
  const manifestBytes = await readPiece(PIECES.manifest)
  if (!manifestBytes) return notInPlace('the output has no manifest')
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest
  if (manifest.contentHash !== input.contentHash)
    return notInPlace('the output is not the last build')
  // A piece is used only when it is the one the manifest names (not edited since).
  const checkedPiece = async (name: string) => {
    const bytes = await readPiece(name)
    return bytes && pieceHash(contentHash(bytes)) === manifest.pieces[name] ? bytes : undefined
  }
  const stateRead = readBuildState(input.statePath, {
    fingerprint: compilerFingerprint(),
    contentHash: manifest.contentHash,
  })

  // Each changed file parsed on its own; any problem is for the full build to report.
  const parsed: { file: string; report: Report; html: string | undefined }[] = []
  for (const { file, text } of input.changed) {
    const result = parseReport(file, text)
    if (!result.report || result.problems.length > 0)
      return notInPlace('a changed file has a problem')
    parsed.push({ file, report: result.report, html: result.html })
  }
  mark('in place: changed files parsed')
  const loaded = await stateRead
  if (!loaded || loaded.state.items.length !== manifest.reportCount)
    return notInPlace('no state of the last output')
  const { state, pending } = loaded
  const { items, hashes } = state
  mark('in place: state read')

  const blockSize = manifest.blockSize
  // The blocks of the changed reports, read as the emit wrote them.
  const blocks = new Map<number, { summaries: ReportSummary[]; reports: CompiledReport[] }>()
  const blockAt = async (b: number) => {
    let block = blocks.get(b)
    if (!block) {
      const summaries = await checkedPiece(PIECES.summaries(b))
      const reports = await checkedPiece(PIECES.reports(b))
      if (!summaries || !reports)
        return notInPlace('a block of the output is not the one its manifest names')
      block = {
        summaries: (JSON.parse(summaries.toString('utf8')) as SummaryBlock<ReportSummary>).items,
        reports: JSON.parse(reports.toString('utf8')) as CompiledReport[],
      }
      blocks.set(b, block)
    }
    return block
  }
  const docOf = new Map<string, number>()
  items.forEach((item, d) => {
    docOf.set(item.slug, d)
  })
  // The changed reports, compiled; a report whose compiled form is the same is left out.
  const changed = new Map<number, EmittedReport>()
  const before = new Map<number, CompiledReport>()
  for (const { file, report, html } of parsed) {
    const d = docOf.get(report.slug)
    if (d === undefined) return notInPlace('a report is new, or was withdrawn')
    const old = (await blockAt(Math.floor(d / blockSize)))?.reports[d % blockSize]
    if (!old || reportCrossFileKey(old) !== reportCrossFileKey(report))
      return notInPlace('a report changed in what the rules across files read')
    const compiled = compileReport(report, settings, html, input.modified(file))
    if (compiled.withdrawn) return notInPlace('a report is withdrawn')
    const emitted = emitReport(compiled)
    // The list order (newest first, then by slug) must stay: doc ids are positions in it.
    const previous = items[d - 1]
    const next = items[d + 1]
    if (
      (previous && compareSummaries(previous as ReportSummary, emitted.summary) >= 0) ||
      (next && compareSummaries(emitted.summary, next as ReportSummary) >= 0)
    )
      return notInPlace('a report moved in the list order')
    if (emitted.hash === hashes[d]) continue
    changed.set(d, emitted)
    before.set(d, old)
  }

  const files = new Map<string, string | Uint8Array>()
  const pieces = new Map<string, string | Uint8Array>()
  const nextItems = [...items]
  const nextHashes = [...hashes]
  for (const [d, e] of changed) {
    nextItems[d] = stateItem(e.summary)
    nextHashes[d] = e.hash
    files.set(e.file, e.json)
  }

  // The blocks holding a changed report, joined again from their members' JSON, which
  // JSON.stringify gives back byte for byte from what JSON.parse read.
  for (const b of new Set([...changed.keys()].map((d) => Math.floor(d / blockSize)))) {
    const block = (await blockAt(b)) as { summaries: ReportSummary[]; reports: CompiledReport[] }
    const members: Member[] = block.reports.map((report, i) => {
      const d = b * blockSize + i
      return (
        changed.get(d) ?? {
          summary: block.summaries[i] as ReportSummary,
          hash: hashes[d] as string,
          json: Buffer.from(JSON.stringify(report)),
        }
      )
    })
    pieces.set(PIECES.summaries(b), summariesPiece(members).text)
    pieces.set(PIECES.reports(b), reportsPiece(members).text)
  }
  pieces.set(
    PIECES.vocabularies,
    JSON.stringify(countVocabularies(settings, nextItems as unknown as CompiledReport[])),
  )
  mark('in place: blocks and vocabularies')

  // The search index, computed again from every report's entries (BM25's statistics are
  // global): the entries of the reports changed since state.bin (before and now) replaced
  // in one pass, what they were as state.bin holds them.
  const labels = vocabularyLabels(settings)
  const sources = new Map<number, SearchSource>()
  const befores = new Map<number, SearchSource>()
  for (const p of pending) {
    sources.set(p.doc, p.source)
    befores.set(p.doc, p.before)
  }
  for (const [d, e] of changed) {
    sources.set(d, searchSource(e.report, labels))
    if (!befores.has(d)) befores.set(d, searchSource(before.get(d) as CompiledReport, labels))
  }
  const entries =
    sources.size === 0 ? state.entries : replaceTermEntries(state.entries, sources, befores)
  mark('in place: search entries replaced')
  const index = searchIndexFromTermEntries(entries)
  mark('in place: search index computed')
  const search = searchPieces(index)
  mark('in place: search pieces encoded')

  const columns = await previousColumns(readPiece, items, settings.language)
  if (!columns) return notInPlace('the columns of the output could not be read')
  const nextColumns = columnPieces(
    buildColumns(nextItems as ReportSummary[], reportColumns(settings.language), columns),
  )
  mark('in place: columns')

  // The manifest: the same pieces in the same order, the search pieces (whose number may
  // change) where they were.
  const names: string[] = []
  let searchPlaced = false
  for (const name of Object.keys(manifest.pieces)) {
    if (name.startsWith('search/')) {
      if (!searchPlaced) names.push(...search.keys())
      searchPlaced = true
    } else names.push(name)
  }
  if (!searchPlaced) return notInPlace('the output has no search index')
  for (const [name, bytes] of [...search, ...nextColumns]) pieces.set(name, bytes)
  const nextPieces: Record<string, string> = {}
  for (const name of names) {
    const data = pieces.get(name)
    const hash = data === undefined ? manifest.pieces[name] : pieceHash(contentHash(data))
    if (hash === undefined) return notInPlace('a piece of the output is missing')
    nextPieces[name] = hash
    if (data !== undefined && hash !== manifest.pieces[name]) files.set(name, data)
  }
  const removed = Object.keys(manifest.pieces).filter((name) => !(name in nextPieces))
  const lines = names.map((name) => `${name} ${nextPieces[name]}\n`)
  const nextManifest: Manifest = {
    ...manifest,
    contentHash: contentHash(lines.join('')),
    pieces: nextPieces,
    dumpHash: dumpHashOf(nextHashes.map((hash) => ({ hash }))),
  }
  const piecesSize = await piecesSizeAfter(
    out,
    state.piecesSize,
    files,
    removed,
    manifest,
    nextManifest,
  )
  if (piecesSize === undefined) return notInPlace('a piece of the output is missing')
  if (input.entry) {
    const entry = await typedEntry(nextManifest, piecesSize, pieces, readPiece)
    if (entry === undefined) return notInPlace('a piece of the output is missing')
    files.set(ENTRY_FILES.js, entry)
    files.set(ENTRY_FILES.dts, ENTRY_DTS)
  }
  files.set(PIECES.manifest, `${JSON.stringify(nextManifest, null, 1)}\n`)
  const fileCount = names.length + manifest.reportCount + 1 + (input.entry ? 2 : 0)
  return {
    manifest: nextManifest,
    files,
    removed,
    fileCount,
    state: { entries, items: nextItems, hashes: nextHashes, piecesSize },
    changes: {
      fingerprint: compilerFingerprint(),
      base: loaded.base,
      result: nextManifest.contentHash,
      piecesSize,
      docs: [...sources].map(([doc, source]) => ({
        doc,
        source,
        before: befores.get(doc) as SearchSource,
        item: nextItems[doc] as StateItem,
        hash: nextHashes[doc] as string,
      })),
    },
  }
}

/**
 * The last output's columns with the orders of its rank columns, as `buildColumns` takes
 * them to place only the changed reports again.
 */
async function previousColumns(
  readPiece: (name: string) => Promise<Uint8Array | undefined>,
  summaries: readonly StateItem[],
  language: string,
): Promise<Columns | undefined> {
  let columns: Columns
  try {
    columns = await openColumns(readPiece)
  } catch {
    return undefined
  }
  if (columns.count !== summaries.length) return undefined
  const orders: Record<string, RankOrder<unknown>> = {}
  for (const [name, spec] of Object.entries(reportColumns(language))) {
    if (spec.kind !== 'rank') continue
    const column = columns.columns[name] as Column | undefined
    if (column?.kind !== 'number') return undefined
    // A rank column holds each position's place in the order: the order is its inverse.
    const order = new Uint32Array(summaries.length)
    column.values.forEach((rank, position) => {
      order[rank] = position
    })
    orders[name] = { keys: summaries.map((s) => spec.key(s as ReportSummary)), order }
  }
  return { ...columns, orders, items: summaries }
}

/**
 * The pieces' size as the typed entry counts it (see `CatalogueOutput.piecesSize`): the last
 * output's, less what the pieces that change or go weighed, plus what they weigh now.
 */
async function piecesSizeAfter(
  out: string,
  size: number,
  files: ReadonlyMap<string, string | Uint8Array>,
  removed: readonly string[],
  before: Manifest,
  after: Manifest,
): Promise<number | undefined> {
  for (const name of [...files.keys(), ...removed]) {
    if (name in before.pieces) {
      const path = join(out, name)
      if (TEXT_PIECE.test(name)) {
        const text = await readFile(path, 'utf8').catch(() => undefined)
        if (text === undefined) return undefined
        size -= text.length
      } else {
        const stats = await stat(path).catch(() => undefined)
        if (!stats) return undefined
        size -= stats.size
      }
    }
    const data = files.get(name)
    if (data !== undefined && name in after.pieces)
      size += typeof data === 'string' ? data.length : data.byteLength
  }
  return size
}

/**
 * The typed entry for `manifest`: the pieces inlined while they are small enough (read
 * from the last output where they did not change), else the entry that says where they are.
 */
async function typedEntry(
  manifest: Manifest,
  size: number,
  changed: ReadonlyMap<string, string | Uint8Array>,
  readPiece: (name: string) => Promise<Uint8Array | undefined>,
): Promise<string | undefined> {
  if (size > ENTRY_INLINE_LIMIT) return entryModule(undefined, manifest, size)
  const pieces = new Map<string, string | Uint8Array>()
  for (const name of Object.keys(manifest.pieces)) {
    const data = changed.get(name) ?? (await readPiece(name))
    if (data === undefined) return undefined
    pieces.set(name, data)
  }
  return entryModule(pieces, manifest, size)
}

/** The pieces the emit makes as text, not bytes: settings, vocabularies, shards, withdrawn. */
const TEXT_PIECE = /^(catalogue|vocabularies|withdrawn)\.json$|^(slugs|identifiers)\//
