// The full-text search index's options, shared by the compile step (which builds and
// serializes the index) and the API (which loads it): MiniSearch needs the same options on
// both sides. Runtime-neutral: no Node APIs, safe in a worker.
import MiniSearch, { type Options } from 'minisearch'

/** One report as the search index sees it: every searchable field as plain text. */
export interface SearchDocument {
  slug: string
  title: string
  subtitle: string
  summary: string
  authors: string
  description: string
  keyFindings: string
  contents: string
  topics: string
  identifiers: string
}

export const SEARCH_FIELDS = [
  'title',
  'subtitle',
  'summary',
  'authors',
  'description',
  'keyFindings',
  'contents',
  'topics',
  'identifiers',
] as const satisfies readonly (keyof SearchDocument)[]

/**
 * The options the search index is built and loaded with. Documents are keyed by `slug`;
 * nothing else is stored in the index (the summaries live in `index.json`).
 *
 * @example
 * import { searchOptions } from 'colophon-content/search'
 * const index = MiniSearch.loadJSON(json, searchOptions)
 */
export const searchOptions = {
  idField: 'slug',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  searchOptions: {
    boost: { title: 3, subtitle: 2, identifiers: 3, authors: 2, topics: 1.5, summary: 1.5 },
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND',
  },
} satisfies Options<SearchDocument>

/**
 * Loads the serialized index (`search-index.json`, as text or parsed) with `searchOptions`.
 *
 * @example
 * const index = loadSearchIndex(catalogue.searchIndex)
 * index.search('factory asia').map((r) => r.id) // ['beyond-factory-asia', ...]
 */
export function loadSearchIndex(json: unknown): MiniSearch<SearchDocument> {
  const text = typeof json === 'string' ? json : JSON.stringify(json)
  return MiniSearch.loadJSON<SearchDocument>(text, searchOptions)
}

/**
 * A new, empty index with `searchOptions`. `autoVacuum` is off: an index that is updated
 * in place (watch mode) must not clean itself up in the background while being serialized.
 */
export function createSearchIndex(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>({ ...searchOptions, autoVacuum: false })
}
