import { useSearchParams } from '@solidjs/router'
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  For,
  Match,
  on,
  Show,
  Switch,
} from 'solid-js'
import { isServer } from 'solid-js/web'
import { listReports } from '../api/client.ts'
import { ApiError } from '../api/problem.ts'
import type { FacetValue, ReportList } from '../api/types.ts'
import { ErrorState } from '../components/error-state.tsx'
import { FacetGroup } from '../components/facet-group.tsx'
import { Pagination } from '../components/pagination.tsx'
import { ReportCard } from '../components/report-card.tsx'
import { SearchBox } from '../components/search-box.tsx'
import { countryName, plural } from '../lib/format.ts'
import { SITE_NAME, useHead } from '../lib/head.ts'
import { dataKey, initialFrom, useInitialData } from '../lib/initial-data.ts'
import { singularLabel, useLabels } from '../lib/labels.ts'
import {
  effectiveSort,
  type FacetName,
  readSearchState,
  type SearchState,
  type Sort,
  toApiQuery,
  toSearchString,
  toUrlParams,
} from '../lib/search-state.ts'
import { usePublicUrl } from '../lib/site.ts'

const SORT_LABELS: Record<Sort, string> = {
  relevance: 'Relevance',
  newest: 'Newest first',
  oldest: 'Oldest first',
  title: 'Title, A–Z',
}

const FACET_TITLES: Record<FacetName, string> = {
  type: 'Type',
  year: 'Year',
  topic: 'Topic',
  country: 'Country',
  series: 'Series',
}

const FACET_ORDER = ['type', 'year', 'series', 'topic', 'country'] as const

/** The list and the query it answers: the heading never pairs a new query with an old count. */
interface Loaded {
  q: string
  list?: ReportList
  /** The API refused the query (the server rendered that answer; the browser does not ask again). */
  error?: ApiError
}

/** What the server stores when the API refuses a query (a page past the end, a bad year). */
export interface RefusedQuery {
  refused: { status: number; message: string; problem?: unknown }
}

async function load(query: Record<string, string>): Promise<Loaded> {
  return { q: query.q ?? '', list: await listReports(query) }
}

/** The API's answer to a page past the end of the results. */
function pastLastPage(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 400 &&
    (error.problem as { errors?: { parameter?: string }[] } | undefined)?.errors?.some(
      (e) => e.parameter === 'page',
    ) === true
  )
}

/**
 * Published from one year to another: a plain GET form (it works without JavaScript too),
 * carrying the rest of the state in hidden fields.
 */
function YearRange(props: { state: SearchState }) {
  const keep = () =>
    Object.entries(toUrlParams({ ...props.state, from: undefined, to: undefined, page: 1 })).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    )
  return (
    <form class="facet year-range" method="get" action="/" aria-labelledby="year-range-title">
      <h3 class="facet__title" id="year-range-title">
        Published between
      </h3>
      <For each={keep()}>
        {([name, value]) => <input type="hidden" name={name} value={value} />}
      </For>
      <div class="year-range__fields">
        <label>
          <span class="visually-hidden">From year</span>
          <input
            name="from"
            inputmode="numeric"
            pattern="[0-9]{4}"
            maxlength="4"
            size="4"
            placeholder="from"
            value={props.state.from ?? ''}
          />
        </label>
        <span aria-hidden="true">–</span>
        <label>
          <span class="visually-hidden">To year</span>
          <input
            name="to"
            inputmode="numeric"
            pattern="[0-9]{4}"
            maxlength="4"
            size="4"
            placeholder="to"
            value={props.state.to ?? ''}
          />
        </label>
        <button type="submit" class="button button--quiet">
          Apply
        </button>
      </div>
    </form>
  )
}

/** Typing more of the same word replaces the history entry; a new search adds one. */
function sameTypingSession(before: string, after: string): boolean {
  return before !== '' && after !== '' && (after.startsWith(before) || before.startsWith(after))
}

export default function Catalogue() {
  const [params, setParams] = useSearchParams()
  const state = createMemo(() => readSearchState(params), undefined, {
    equals: (a, b) => toSearchString(a) === toSearchString(b),
  })
  const initial = useInitialData()
  const firstQuery = toApiQuery(state())
  const firstList = initialFrom<ReportList | RefusedQuery>(initial, dataKey.list(firstQuery))
  const firstLoaded = (value: ReportList | RefusedQuery): Loaded => {
    const q = firstQuery.q ?? ''
    if (!('refused' in value)) return { q, list: value }
    const { status, message, problem } = value.refused
    return { q, error: new ApiError(status, message, problem as never) }
  }
  const [results, { refetch }] = createResource(
    () => toApiQuery(state()),
    load,
    'initialValue' in firstList
      ? { initialValue: firstLoaded(firstList.initialValue), ssrLoadFrom: 'initial' }
      : {},
  )
  const label = useLabels()
  const publicUrl = usePublicUrl()
  const [filtersOpen, setFiltersOpen] = createSignal(false)

  const hrefWith = (change: Partial<SearchState>) =>
    `/${toSearchString({ ...state(), page: 1, ...change })}`

  const loaded = (): Loaded | undefined =>
    results.state === 'errored' ? undefined : results.latest
  // On the server a resource with a source always says "loading"; the page there is final.
  const loading = () => !isServer && results.loading
  /** The failure shown: a fetch that failed, or the refusal the server rendered. */
  const failure = (): unknown =>
    results.state === 'errored' ? results.error : loading() ? undefined : loaded()?.error
  const data = (): ReportList | undefined => loaded()?.list
  const pageCount = () => {
    const list = data()
    return list ? Math.max(1, Math.ceil(list.total / list.perPage)) : 1
  }
  const filters = () => FACET_ORDER.filter((f) => state()[f] !== undefined)
  const range = () => state().from !== undefined || state().to !== undefined
  const rangeLabel = () => {
    const { from, to } = state()
    if (from && to) return `${from}–${to}`
    return from ? `from ${from}` : `until ${to}`
  }
  // The API labels countries with their codes; readers get the names, from the browser.
  const facetValues = (facet: FacetName): FacetValue[] => {
    const values = data()?.facets[facet] ?? []
    if (facet !== 'country') return values
    return values.map((v) => ({
      ...v,
      label: v.label === v.value ? countryName(v.value) : v.label,
    }))
  }
  const facetLabel = (facet: FacetName, value: string) =>
    facetValues(facet).find((v) => v.value === value)?.label ??
    (facet === 'type'
      ? label('types', value)
      : facet === 'series'
        ? label('series', value)
        : facet === 'country'
          ? countryName(value)
          : value)

  useHead(() => ({
    title: state().q ? `“${state().q}”: search` : SITE_NAME,
    description:
      'Browse and search institutional research reports: filter by type, year, topic and country, and cite them.',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: SITE_NAME,
      url: `${publicUrl}/`,
      potentialAction: {
        '@type': 'SearchAction',
        target: `${publicUrl}/?q={search_term_string}`,
        'query-input': 'required name=search_term_string',
      },
    },
  }))

  const summary = () => {
    const list = data()
    if (!list) return ''
    const from = (list.page - 1) * list.perPage + 1
    const to = Math.min(list.total, list.page * list.perPage)
    const q = loaded()?.q
    const what = q ? ` for “${q}”` : ''
    if (list.total === 0) return `No reports${what}`
    if (list.total <= list.perPage) return `${plural(list.total, 'report')}${what}`
    return `${from}–${to} of ${plural(list.total, 'report')}${what}`
  }

  // A facet, chip or page link re-renders the list it was in, and focus would fall back to
  // <body>; after such a navigation, put it on the results heading instead.
  let navigated = false
  createEffect(on(state, () => (navigated = true), { defer: true }))
  createEffect(
    on(
      () => results.state,
      (now) => {
        if (!navigated || (now !== 'ready' && now !== 'errored')) return
        const active = document.activeElement
        if (active === null || active === document.body) {
          document.getElementById('results-title')?.focus({ preventScroll: true })
        }
      },
    ),
  )

  const heading = () => {
    if (failure()) {
      return pastLastPage(failure())
        ? `There is no page ${state().page} of these results`
        : 'Reports could not be loaded'
    }
    if (loading()) return state().q ? `Searching for “${state().q}”…` : 'Loading reports…'
    return data() ? summary() : 'Loading reports…'
  }

  return (
    <div class="catalogue">
      <a class="skip-link" href="#results-title">
        Skip to results
      </a>
      <div class="catalogue__intro">
        <h1>Research reports</h1>
        <p class="lede">
          Reports, books and papers from institutional publishers, with their identifiers, findings
          and contents.
        </p>
        <SearchBox
          value={state().q}
          keep={toUrlParams({ ...state(), q: '', page: 1 })}
          onSearch={(q) =>
            setParams(
              { ...toUrlParams({ ...state(), q, page: 1, sort: q ? state().sort : undefined }) },
              { replace: sameTypingSession(state().q, q) },
            )
          }
        />
      </div>

      <div class="catalogue__body">
        <aside class="filters" aria-labelledby="filters-title">
          <h2 id="filters-title" class="filters__title">
            Filter
          </h2>
          {/* On narrow screens the facets fold away behind this button (CSS shows it there). */}
          <button
            type="button"
            class="button button--quiet filters__toggle"
            aria-expanded={filtersOpen()}
            aria-controls="filters-body"
            onClick={() => setFiltersOpen(!filtersOpen())}
          >
            {filtersOpen() ? 'Hide filters' : 'Show filters'}
            {filters().length > 0 ? ` (${filters().length} active)` : ''}
          </button>
          <div id="filters-body" class="filters__body" classList={{ 'is-open': filtersOpen() }}>
            <Show when={data()}>
              <For each={FACET_ORDER}>
                {(facet) => (
                  <Show when={facetValues(facet).length > 0 || state()[facet] !== undefined}>
                    <FacetGroup
                      title={FACET_TITLES[facet]}
                      values={facetValues(facet)}
                      selected={state()[facet]}
                      href={(value) => hrefWith({ [facet]: value })}
                    />
                  </Show>
                )}
              </For>
            </Show>
            <YearRange state={state()} />
          </div>
        </aside>

        <section class="results" aria-labelledby="results-title" aria-busy={loading()}>
          <div class="results__bar">
            <h2 id="results-title" class="results__title" tabindex="-1">
              <span role="status">{heading()}</span>
            </h2>
            <div class="sort">
              <label for="sort-select">Sort by</label>
              <select
                id="sort-select"
                onChange={(event) =>
                  setParams(
                    toUrlParams({ ...state(), sort: event.currentTarget.value as Sort, page: 1 }),
                  )
                }
              >
                <For each={Object.entries(SORT_LABELS)}>
                  {([value, text]) => (
                    <option
                      value={value}
                      selected={value === effectiveSort(state())}
                      disabled={value === 'relevance' && !state().q}
                    >
                      {text}
                    </option>
                  )}
                </For>
              </select>
            </div>
          </div>

          <Show when={filters().length > 0 || range()}>
            <ul class="active-filters" aria-label="Active filters">
              <Show when={range()}>
                <li>
                  <a class="chip" href={hrefWith({ from: undefined, to: undefined })}>
                    <span>Published: {rangeLabel()}</span>
                    <span aria-hidden="true" class="chip__x">
                      ×
                    </span>
                    <span class="visually-hidden"> (remove filter)</span>
                  </a>
                </li>
              </Show>
              <For each={filters()}>
                {(facet) => (
                  <li>
                    <a class="chip" href={hrefWith({ [facet]: undefined })}>
                      <span>
                        {FACET_TITLES[facet]}: {facetLabel(facet, state()[facet] ?? '')}
                      </span>
                      <span aria-hidden="true" class="chip__x">
                        ×
                      </span>
                      <span class="visually-hidden"> (remove filter)</span>
                    </a>
                  </li>
                )}
              </For>
              <li>
                <a
                  class="chip chip--plain"
                  href={`/${toSearchString({ ...readSearchState({}), q: state().q })}`}
                >
                  Clear filters
                </a>
              </li>
            </ul>
          </Show>

          <Switch>
            <Match when={failure() && pastLastPage(failure())}>
              <div class="notice">
                <p>These results end before page {state().page}.</p>
                <p>
                  <a href={hrefWith({ page: 1 })}>Go to the first page</a>
                </p>
              </div>
            </Match>
            <Match when={failure()}>
              <ErrorState error={failure()} onRetry={refetch} />
            </Match>
            <Match when={!data()}>
              <ol class="result-list" aria-hidden="true">
                <For each={[1, 2, 3, 4]}>
                  {() => (
                    <li class="skeleton">
                      <span class="skeleton__line skeleton__line--short" />
                      <span class="skeleton__line skeleton__line--title" />
                      <span class="skeleton__line" />
                    </li>
                  )}
                </For>
              </ol>
            </Match>
            <Match when={data()?.total === 0}>
              <div class="notice">
                <h3 class="notice__title">No reports match</h3>
                <p>
                  Try fewer words, check the spelling
                  {filters().length > 0 || range() ? ', or remove a filter' : ''}.
                </p>
                <Show when={state().q || filters().length > 0 || range()}>
                  <p>
                    <a href="/">See all reports</a>
                  </p>
                </Show>
              </div>
            </Match>
            <Match when={data()}>
              {(list) => (
                <>
                  <ol class="result-list" classList={{ 'is-stale': loading() }}>
                    <For each={list().items}>
                      {(report) => (
                        <li>
                          <ReportCard
                            report={report}
                            typeLabel={singularLabel(label('types', report.type))}
                            level={3}
                          />
                        </li>
                      )}
                    </For>
                  </ol>
                  <Pagination
                    page={list().page}
                    pageCount={pageCount()}
                    href={(page) => `/${toSearchString({ ...state(), page })}`}
                  />
                </>
              )}
            </Match>
          </Switch>
        </section>
      </div>
    </div>
  )
}
