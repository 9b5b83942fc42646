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
import { listReports } from '../api/client.ts'
import type { FacetValue, ReportList } from '../api/types.ts'
import { ErrorState } from '../components/error-state.tsx'
import { FacetGroup } from '../components/facet-group.tsx'
import { Pagination } from '../components/pagination.tsx'
import { ReportCard } from '../components/report-card.tsx'
import { SearchBox } from '../components/search-box.tsx'
import { countryName, plural } from '../lib/format.ts'
import { SITE_NAME, useHead } from '../lib/head.ts'
import { useLabels } from '../lib/labels.ts'
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
  const [results, { refetch }] = createResource(() => toApiQuery(state()), listReports)
  const label = useLabels()
  const [filtersOpen, setFiltersOpen] = createSignal(false)

  const hrefWith = (change: Partial<SearchState>) =>
    `/${toSearchString({ ...state(), page: 1, ...change })}`

  const data = (): ReportList | undefined =>
    results.state === 'errored' ? undefined : results.latest
  const pageCount = () => {
    const list = data()
    return list ? Math.max(1, Math.ceil(list.total / list.perPage)) : 1
  }
  const filters = () =>
    (['type', 'year', 'topic', 'country'] as const).filter((f) => state()[f] !== undefined)
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
    (facet === 'type' ? label('types', value) : facet === 'country' ? countryName(value) : value)

  useHead(() => ({
    title: state().q ? `“${state().q}”: search` : SITE_NAME,
    description:
      'Browse and search institutional research reports: filter by type, year, topic and country, and cite them.',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: SITE_NAME,
      url: location.origin,
      potentialAction: {
        '@type': 'SearchAction',
        target: `${location.origin}/?q={search_term_string}`,
        'query-input': 'required name=search_term_string',
      },
    },
  }))

  const summary = () => {
    const list = data()
    if (!list) return ''
    const from = (list.page - 1) * list.perPage + 1
    const to = Math.min(list.total, list.page * list.perPage)
    const what = state().q ? ` for “${state().q}”` : ''
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
    if (results.state === 'errored') return 'Reports could not be loaded'
    return data() ? summary() : 'Loading reports…'
  }

  return (
    <div class="catalogue">
      <div class="catalogue__intro">
        <h1>Research reports</h1>
        <p class="lede">
          Reports, books and papers from institutional publishers, with their identifiers, findings
          and contents.
        </p>
        <SearchBox
          value={state().q}
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
              <For each={['type', 'year', 'topic', 'country'] as const}>
                {(facet) => (
                  <FacetGroup
                    title={FACET_TITLES[facet]}
                    values={facetValues(facet)}
                    selected={state()[facet]}
                    href={(value) => hrefWith({ [facet]: value })}
                  />
                )}
              </For>
            </Show>
          </div>
        </aside>

        <section class="results" aria-labelledby="results-title" aria-busy={results.loading}>
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

          <Show when={filters().length > 0}>
            <ul class="active-filters" aria-label="Active filters">
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
            <Match when={results.state === 'errored'}>
              <ErrorState error={results.error} onRetry={refetch} />
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
                  {filters().length > 0 ? ', or remove a filter' : ''}.
                </p>
                <Show when={state().q || filters().length > 0}>
                  <p>
                    <a href="/">See all reports</a>
                  </p>
                </Show>
              </div>
            </Match>
            <Match when={data()}>
              {(list) => (
                <>
                  <ol class="result-list" classList={{ 'is-stale': results.loading }}>
                    <For each={list().items}>
                      {(report) => (
                        <li>
                          <ReportCard
                            report={report}
                            typeLabel={facetLabel('type', report.type)}
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
