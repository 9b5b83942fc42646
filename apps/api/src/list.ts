// GET /v1/reports: full-text search, filters, disjunctive facet counts, sort and paging over
// the summaries, in one pass over the candidates.
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

/** The value(s) of one facet for a summary. */
function facetValues(s: ReportSummary, facet: FacetName): readonly string[] {
  switch (facet) {
    case 'type':
      return [s.type]
    case 'topic':
      return s.topics ?? []
    case 'country':
      return s.countries ?? []
    case 'series':
      return s.series ? [s.series.key] : []
    case 'year':
      return [s.published.slice(0, 4)]
  }
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

/**
 * Runs a list query against a catalogue snapshot.
 *
 * @example
 * const result = await listReports(catalogue, { q: 'factory asia', type: 'reports' })
 */
export async function listReports(catalogue: Catalogue, query: ListQuery): Promise<ListResult> {
  const selected = selections(catalogue, query)
  const q = query.q?.trim() || undefined
  const sort: Sort = query.sort ?? (q ? 'relevance' : 'newest')
  const summaries = await catalogue.allSummaries()

  // Candidates in the requested order, as positions in `summaries`.
  let candidates: ArrayLike<number>
  if (q) {
    // A copy: the cached hits stay in relevance order.
    const positions = [...(await catalogue.searchHits(q))]
    if (sort === 'newest') positions.sort((a, b) => a - b)
    else if (sort === 'oldest') positions.sort((a, b) => b - a)
    else if (sort === 'title') {
      const rank = new Uint32Array(summaries.length)
      catalogue.titleOrder.forEach((position, i) => {
        rank[position] = i
      })
      positions.sort((a, b) => (rank[a] as number) - (rank[b] as number))
    }
    candidates = positions
  } else if (sort === 'title') {
    candidates = catalogue.titleOrder
  } else {
    candidates = catalogue.memo(`order:${sort}`, () => {
      const all = Array.from(summaries.keys())
      return sort === 'oldest' ? all.reverse() : all
    })
  }

  const active = FACETS.filter((f) => selected[f] !== undefined)
  const sets = Object.fromEntries(active.map((f) => [f, new Set(selected[f])])) as Record<
    FacetName,
    Set<string>
  >
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    FacetName,
    Map<string, number>
  >
  const count = (s: ReportSummary, facet: FacetName) => {
    const map = counts[facet]
    for (const value of facetValues(s, facet)) map.set(value, (map.get(value) ?? 0) + 1)
  }
  const from = query.from && lowerBound(query.from)
  const to = query.to && upperBound(query.to)
  const bounds = from || to ? catalogue.dateBounds : undefined

  // The unfiltered catalogue (the web app's first page) needs no pass: its facets are the
  // same for every page and sort, so the snapshot computes them once.
  const unfiltered = !q && active.length === 0 && !bounds
  const matches: number[] = []
  for (let i = 0; !unfiltered && i < candidates.length; i++) {
    const position = candidates[i] as number
    const s = summaries[position] as ReportSummary
    if (bounds) {
      if (from && (bounds.hi[position] as string) < from) continue
      if (to && (bounds.lo[position] as string) > to) continue
    }
    // Which active filters this report fails: none → a match; exactly one → it still counts
    // towards that filter's facet (the alternatives a reader could switch to).
    let failed: FacetName | undefined
    let failures = 0
    for (const facet of active) {
      const set = sets[facet]
      if (!facetValues(s, facet).some((v) => set.has(v))) {
        failed = facet
        if (++failures > 1) break
      }
    }
    if (failures === 0) {
      matches.push(position)
      for (const facet of FACETS) count(s, facet)
    } else if (failures === 1 && failed) count(s, failed)
  }

  const perPage = query.per_page ?? DEFAULT_PER_PAGE
  const page = query.page ?? 1
  const total = unfiltered ? candidates.length : matches.length
  const pageCount = Math.ceil(total / perPage)
  if (page > Math.max(pageCount, 1)) {
    throw invalidParameters([
      {
        parameter: 'page',
        detail: `page: ${page} is past the last page (${Math.max(pageCount, 1)}) of ${total} results`,
      },
    ])
  }
  const start = (page - 1) * perPage
  const window = unfiltered
    ? Array.from((candidates as number[] | Uint32Array).slice(start, start + perPage))
    : matches.slice(start, start + perPage)
  const items = window.map((position) => summaries[position] as ReportSummary)
  const facets = unfiltered
    ? catalogue.memo('facets:all', () => {
        for (const s of summaries) for (const facet of FACETS) count(s, facet)
        return facetList(catalogue, counts)
      })
    : facetList(catalogue, counts)
  return { total, page, perPage, pageCount, sort, items, facets }
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
