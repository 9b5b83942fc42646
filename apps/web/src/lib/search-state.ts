// The catalogue page keeps all of its state in the URL; this module is the one place that
// reads it from and writes it to search params, so links, the back button and the API
// request always agree.

export const SORTS = ['relevance', 'newest', 'oldest', 'title'] as const
export type Sort = (typeof SORTS)[number]

export const FACETS = ['type', 'year', 'topic', 'country', 'series'] as const
export type FacetName = (typeof FACETS)[number]

export const DEFAULT_PER_PAGE = 20

export interface SearchState {
  q: string
  type: string | undefined
  year: string | undefined
  topic: string | undefined
  country: string | undefined
  series: string | undefined
  /** Published in or after this year (inclusive). */
  from: string | undefined
  /** Published in or before this year (inclusive). */
  to: string | undefined
  /** `undefined` means the default: relevance with a query, newest without. */
  sort: Sort | undefined
  page: number
  perPage: number
}

type Params = Partial<Record<string, string | string[] | undefined>>

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return v === undefined || v.trim() === '' ? undefined : v
}

function positiveInt(value: string | undefined, fallback: number, max = 10_000): number {
  if (value === undefined || !/^\d+$/.test(value)) return fallback
  const n = Number(value)
  return n >= 1 && n <= max ? n : fallback
}

/** A four-digit year, else nothing (a half-typed range does not break the page). */
function year(value: string | undefined): string | undefined {
  return value !== undefined && /^\d{4}$/.test(value.trim()) ? value.trim() : undefined
}

/**
 * Reads the catalogue state from URL search params; anything malformed falls back to its
 * default rather than breaking the page.
 *
 * @example
 * readSearchState({ q: 'factory', page: '2' }) // { q: 'factory', page: 2, sort: undefined, ... }
 */
export function readSearchState(params: Params): SearchState {
  const sort = first(params.sort)
  return {
    q: first(params.q) ?? '',
    type: first(params.type),
    year: first(params.year),
    topic: first(params.topic),
    country: first(params.country),
    series: first(params.series),
    from: year(first(params.from)),
    to: year(first(params.to)),
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : undefined,
    page: positiveInt(first(params.page), 1),
    perPage: positiveInt(first(params.per_page), DEFAULT_PER_PAGE, 100),
  }
}

/** The sort the API will apply for this state. */
export function effectiveSort(state: SearchState): Sort {
  return state.sort ?? (state.q ? 'relevance' : 'newest')
}

/** Query parameters for `GET /v1/reports`. */
export function toApiQuery(state: SearchState): Record<string, string> {
  const query: Record<string, string> = {}
  if (state.q) query.q = state.q
  for (const facet of FACETS) {
    const value = state[facet]
    if (value !== undefined) query[facet] = value
  }
  // A reversed range is read the way it was meant.
  const [from, to] =
    state.from && state.to && state.from > state.to
      ? [state.to, state.from]
      : [state.from, state.to]
  if (from) query.from = from
  if (to) query.to = to
  query.sort = effectiveSort(state)
  query.page = String(state.page)
  query.per_page = String(state.perPage)
  return query
}

/**
 * The URL search params for a state, leaving out defaults so shared links stay short.
 * Values are `undefined` for params to remove (the shape `setSearchParams` takes).
 */
export function toUrlParams(state: SearchState): Record<string, string | undefined> {
  return {
    q: state.q || undefined,
    type: state.type,
    year: state.year,
    topic: state.topic,
    country: state.country,
    series: state.series,
    from: state.from,
    to: state.to,
    sort: state.sort,
    page: state.page > 1 ? String(state.page) : undefined,
    per_page: state.perPage !== DEFAULT_PER_PAGE ? String(state.perPage) : undefined,
  }
}

/** A search string (`?q=…`) for a state, for plain links. */
export function toSearchString(state: SearchState): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(toUrlParams(state))) {
    if (value !== undefined) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
