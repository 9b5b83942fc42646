// Where a snapshot's search engine comes from: the compiled pieces when the snapshot has
// them, else built in memory from its summaries and reports. One function, so the API reads
// pieces as soon as the compile step writes them.
import {
  buildColumns,
  buildSearchIndex,
  COLUMNS_META,
  columnPieces,
  openColumns,
  openSearchIndex,
  type ReadPiece,
  reportColumns,
  SEARCH_HEADER,
  SearchEngine,
  searchPieces,
  searchSource,
} from 'colophon-content/search'
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'

/** What the engine is read from: the snapshot's pieces, or its reports to build from. */
export interface SearchSourceSnapshot {
  readonly reportCount: number
  piece(name: string): Promise<Uint8Array | undefined>
  has(name: string): boolean
  reportAt(docId: number): Promise<CompiledReport | undefined>
}

/** How many reports are read at once when the index is built at load time. */
const READ_BATCH = 256

/**
 * The search engine over a snapshot, doc ids = positions in the newest-first list: opened
 * from the compiled `search/*` and `columns/*` pieces when the snapshot has them, else
 * built here from its summaries and reports (what the compile step would have written).
 *
 * @example
 * const engine = await loadSearchEngine(snapshot, settings, () => catalogue.allSummaries())
 * await engine.search({ text: 'factory asia', facets: ['type'] })
 */
export async function loadSearchEngine(
  snapshot: SearchSourceSnapshot,
  settings: CatalogueSettings,
  summaries: () => Promise<readonly ReportSummary[]>,
): Promise<SearchEngine> {
  const compiled = snapshot.has(SEARCH_HEADER) && snapshot.has(COLUMNS_META)
  const pieces = compiled ? undefined : await buildPieces(snapshot, settings, await summaries())
  const read: ReadPiece = pieces ? async (name) => pieces.get(name) : (name) => snapshot.piece(name)
  const [index, columns] = await Promise.all([openSearchIndex(read), openColumns(read)])
  return new SearchEngine(index, columns)
}

/** The pieces the compile step would write, built here from the snapshot's reports. */
export async function buildPieces(
  snapshot: SearchSourceSnapshot,
  settings: CatalogueSettings,
  summaries: readonly ReportSummary[],
): Promise<Map<string, Uint8Array>> {
  const v = settings.vocabularies
  const label = (vocabulary: Record<string, { label: string }> | undefined) => (key: string) =>
    vocabulary?.[key]?.label ?? key
  const labels = { type: label(v.types), series: label(v.series), topic: label(v.topics) }
  const reports: CompiledReport[] = []
  for (let i = 0; i < summaries.length; i += READ_BATCH) {
    const ids = Array.from({ length: Math.min(READ_BATCH, summaries.length - i) }, (_, j) => i + j)
    const batch = await Promise.all(ids.map((id) => snapshot.reportAt(id)))
    batch.forEach((report, j) => {
      if (!report) throw new Error(`report ${summaries[i + j]?.slug} is listed but not stored`)
      reports.push(report)
    })
  }
  const index = buildSearchIndex(reports.map((r) => searchSource(r, labels)))
  const columns = buildColumns(summaries, reportColumns(settings.language))
  return new Map([...searchPieces(index), ...columnPieces(columns)])
}
