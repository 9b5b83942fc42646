// GET /v1/reports: full-text search, filters, disjunctive facet counts, sort and paging, by
// the search engine over the snapshot's columns (colophon-content/search).
import {
  dateLowerBound,
  dateUpperBound,
  modifiedSeconds,
  queryLimitProblem,
  SearchLimitError,
} from 'colophon-content/search'
import { closestMatch, isCountryCode, type ReportSummary } from 'colophon-schema'
import { type Catalogue, lowerBound, upperBound } from './catalogue.ts'
import { invalidParameters, type ProblemError } from './problem.ts'
import {
  DEFAULT_PER_PAGE,
  FACETS,
  type FacetName,
  type Facets,
  type FacetValue,
  type ListQuery,
  type Sort,
} from './schemas.ts'

export interface ListResult {
  total: number
  page: number
  perPage: number
  pageCount: number
  sort: Sort
  items: ReportSummary[]
  facets: Facets
}

const split = (value: string | undefined) => (value ? [...new Set(value.split(','))] : undefined)

/** The engine's column behind each facet. */
const COLUMN: Record<FacetName, string> = {
  type: 'type',
  topic: 'topics',
  country: 'countries',
  series: 'series',
  year: 'year',
}

/** Checks filter keys against the vocabularies, so a typo gets a 400 with a suggestion. */
function selections(catalogue: Catalogue, query: ListQuery) {
  const errors: ProblemError[] = []
  const { vocabularies } = catalogue
  const known = (parameter: FacetName, keys: string[] | undefined, vocabulary: string[]) => {
    for (const key of keys ?? []) {
      if (vocabulary.includes(key)) continue
      const suggestion = closestMatch(key, vocabulary)
      errors.push({
        parameter,
        detail: `${parameter}: "${key}" is not in the catalogue${suggestion ? `, did you mean ${suggestion}?` : ''}`,
      })
    }
    return keys
  }
  const countries = split(query.country)?.map((c) => c.toUpperCase())
  for (const code of countries ?? []) {
    if (!isCountryCode(code))
      errors.push({
        parameter: 'country',
        detail: `country: ${code} is not an ISO 3166-1 alpha-2 code`,
      })
  }
  const selected: Record<FacetName, string[] | undefined> = {
    type: known(
      'type',
      split(query.type),
      vocabularies.types.map((v) => v.key),
    ),
    topic: known(
      'topic',
      split(query.topic),
      vocabularies.topics.map((v) => v.key),
    ),
    series: known(
      'series',
      split(query.series),
      vocabularies.series.map((v) => v.key),
    ),
    country: countries,
    year: split(query.year),
  }
  if (query.from && query.to && lowerBound(query.from) > upperBound(query.to)) {
    errors.push({ parameter: 'to', detail: `to: ${query.to} is before from (${query.from})` })
  }
  if (errors.length) throw invalidParameters(errors)
  return selected
}

function labels(catalogue: Catalogue): Record<FacetName, Map<string, string>> {
  const { vocabularies: v } = catalogue
  const byKey = (list: { key: string; label: string }[]) =>
    new Map(list.map((e) => [e.key, e.label]))
  return {
    type: byKey(v.types),
    topic: byKey(v.topics),
    series: byKey(v.series),
    country: new Map(),
    year: new Map(),
  }
}

/** What the request's `q` cost: whether its hits came from the snapshot's cache. */
export interface ListTimings {
  cached?: boolean
}

/**
 * Runs a list query against a catalogue snapshot.
 *
 * @example
 * const result = await listReports(catalogue, { q: 'factory asia', type: 'reports' })
 */
export async function listReports(
  catalogue: Catalogue,
  query: ListQuery,
  timings: ListTimings = {},
): Promise<ListResult> {
  const selected = selections(catalogue, query)
  // Leading spaces never matter; a trailing one says the last word is complete (no prefix).
  const q = query.q?.trimStart() || undefined
  if (q) {
    const problem = queryLimitProblem(q)
    if (problem) throw invalidParameters([{ parameter: 'q', detail: problem }])
  }
  const sort: Sort = query.sort ?? (q ? 'relevance' : 'newest')
  const perPage = query.per_page ?? DEFAULT_PER_PAGE
  const page = query.page ?? 1
  const engine = await catalogue.engine()
  let hits: Awaited<ReturnType<Catalogue['textHits']>>['hits'] | undefined
  if (q) {
    try {
      const found = await catalogue.textHits(q)
      hits = found.hits
      timings.cached = found.cached
    } catch (error) {
      if (error instanceof SearchLimitError)
        throw invalidParameters([{ parameter: 'q', detail: error.message }])
      throw error
    }
  }
  const filters: Record<string, string[]> = {}
  for (const facet of FACETS) {
    const values = selected[facet]
    if (values) filters[COLUMN[facet]] = values
  }
  const from = query.from ? dateLowerBound(lowerBound(query.from)) : undefined
  const to = query.to ? dateUpperBound(upperBound(query.to)) : undefined
  const since =
    query.changedSince === undefined
      ? undefined
      : modifiedSeconds(
          query.changedSince.length === 10 ? `${query.changedSince}T00:00:00Z` : query.changedSince,
        )
  const result = engine.select(
    {
      filters,
      dateRange: from !== undefined || to !== undefined ? { from, to } : undefined,
      changedSince: since,
      facets: FACETS.map((f) => COLUMN[f]),
      sort,
      offset: (page - 1) * perPage,
      limit: perPage,
    },
    hits,
  )
  const { total } = result
  const pageCount = Math.ceil(total / perPage)
  if (page > Math.max(pageCount, 1)) {
    throw invalidParameters([
      {
        parameter: 'page',
        detail: `page: ${page} is past the last page (${Math.max(pageCount, 1)}) of ${total} results`,
      },
    ])
  }
  const items = await catalogue.summariesOf(result.ids)
  const counts = Object.fromEntries(
    FACETS.map((f) => [f, result.facets[COLUMN[f]] ?? new Map<string, number>()]),
  ) as Record<FacetName, Map<string, number>>
  return { total, page, perPage, pageCount, sort, items, facets: facetList(catalogue, counts) }
}

function facetList(catalogue: Catalogue, counts: Record<FacetName, Map<string, number>>): Facets {
  const names = labels(catalogue)
  return Object.fromEntries(
    FACETS.map((facet) => {
      const values: FacetValue[] = [...counts[facet]].map(([value, n]) => ({
        value,
        label: names[facet].get(value) ?? value,
        count: n,
      }))
      values.sort((a, b) =>
        facet === 'year'
          ? b.value.localeCompare(a.value)
          : b.count - a.count || a.label.localeCompare(b.label),
      )
      return [facet, values]
    }),
  ) as Facets
}
