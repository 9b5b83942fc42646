/**
 * colophon-content/search: the catalogue's search engine. Runtime-neutral (no Node APIs):
 * the compile step builds the index and columns and writes them as pieces; the API (Node or
 * a Worker) opens them and answers queries.
 *
 * @example
 * import { buildSearchIndex, searchPieces, openSearchIndex, SearchEngine } from 'colophon-content/search'
 * const pieces = new Map([...searchPieces(buildSearchIndex(sources)), ...columnPieces(columns)])
 * const read = async (name: string) => pieces.get(name)
 * const engine = new SearchEngine(await openSearchIndex(read), await openColumns(read))
 * await engine.search({ text: '978-92-9254-047-0' }) // { total: 1, ids: [0], facets: {} }
 */
export {
  buildSearchIndex,
  buildSearchIndexOf,
  collectSearchEntries,
  documentIdentifiers,
  FIELD_BOOSTS,
  FIELD_COUNT,
  IDENTIFIER_IMPACT,
  type PostingTable,
  type SearchEntries,
  type SearchIndexData,
  searchIndexFromEntries,
} from './build-index.ts'
export {
  buildColumns,
  type CategoryColumn,
  COLUMNS_FORMAT_VERSION,
  COLUMNS_META,
  type Column,
  type ColumnSpec,
  type Columns,
  changedRanks,
  columnPieces,
  dateLowerBound,
  dateUpperBound,
  type MultiColumn,
  modifiedSeconds,
  NONE,
  type NumberColumn,
  type NumberType,
  openColumns,
  type RankOrder,
  rankOrder,
  reportColumns,
  titleRanks,
} from './columns.ts'
export { type IdentifierKind, identifierKey } from './identifiers.ts'
export { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, queryLimitProblem, SearchLimitError } from './limits.ts'
export {
  type OpenOptions,
  openSearchIndex,
  type ReadPiece,
  SEARCH_FORMAT_VERSION,
  SEARCH_HEADER,
  SearchIndexReader,
  SHARD_TARGET_BYTES,
  searchPieces,
} from './pieces.ts'
export {
  SearchEngine,
  type SearchRequest,
  type SearchResult,
  type SearchSort,
  type TextHits,
  type TextOptions,
  topK,
} from './query.ts'
export { markdownText, type SearchSource, searchSource, type VocabularyLabels } from './source.ts'
export {
  replaceTermEntries,
  searchIndexFromTermEntries,
  type TermEntries,
  termEntriesOf,
} from './term-entries.ts'
export { foldText, type QueryTokens, type Tokens, tokenize, tokenizeQuery } from './tokenize.ts'
