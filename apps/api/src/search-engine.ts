// Where a snapshot's search engine comes from: the compiled pieces when the store has them
// (`piece(name)`: the snapshot format v2), else built in memory from the store's summaries
// and reports. One function, so the API reads pieces wherever a store offers them.
import {
  buildColumns,
  buildSearchIndex,
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
import type { CatalogueStore } from './store/store.ts'

/** A store that can read the compiled snapshot's named pieces. */
export interface PieceStore {
  piece(name: string): Promise<Uint8Array | undefined>
}

const hasPieces = (store: CatalogueStore): store is CatalogueStore & PieceStore =>
  typeof (store as Partial<PieceStore>).piece === 'function'

/** How many reports are read at once when the index is built at load time. */
const READ_BATCH = 256

/**
 * The search engine over a snapshot, doc ids = positions in `summaries` (newest first).
 *
 * @example
 * const engine = await loadSearchEngine(store, settings, summaries)
 * await engine.search({ text: 'factory asia', facets: ['type'] })
 */
export async function loadSearchEngine(
  store: CatalogueStore,
  settings: CatalogueSettings,
  summaries: readonly ReportSummary[],
): Promise<SearchEngine> {
  if (hasPieces(store) && (await store.piece(SEARCH_HEADER))) {
    const read: ReadPiece = (name) => store.piece(name)
    const [index, columns] = await Promise.all([openSearchIndex(read), openColumns(read)])
    return new SearchEngine(index, columns)
  }
  const pieces = await buildPieces(store, settings, summaries)
  const read: ReadPiece = async (name) => pieces.get(name)
  const [index, columns] = await Promise.all([openSearchIndex(read), openColumns(read)])
  return new SearchEngine(index, columns)
}

/** The pieces the compile step would write, built here from the store's reports. */
export async function buildPieces(
  store: CatalogueStore,
  settings: CatalogueSettings,
  summaries: readonly ReportSummary[],
): Promise<Map<string, Uint8Array>> {
  const v = settings.vocabularies
  const label = (vocabulary: Record<string, { label: string }> | undefined) => (key: string) =>
    vocabulary?.[key]?.label ?? key
  const labels = { type: label(v.types), series: label(v.series), topic: label(v.topics) }
  const reports: CompiledReport[] = []
  for (let i = 0; i < summaries.length; i += READ_BATCH) {
    const batch = await Promise.all(
      summaries.slice(i, i + READ_BATCH).map((s) => store.report(s.slug)),
    )
    batch.forEach((report, j) => {
      const summary = summaries[i + j] as ReportSummary
      if (!report) throw new Error(`report ${summary.slug} is in the list but not in the store`)
      reports.push(report)
    })
  }
  const index = buildSearchIndex(reports.map((r) => searchSource(r, labels)))
  const columns = buildColumns(summaries, reportColumns(settings.language))
  return new Map([...searchPieces(index), ...columnPieces(columns)])
}
