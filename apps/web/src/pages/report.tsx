import { A, useParams } from '@solidjs/router'
import { formatPartialDate } from 'colophon-schema'
import { createResource, For, Match, onMount, Show, Switch } from 'solid-js'
import { getReport, getReportFormat } from '../api/client.ts'
import { ApiError, type Withdrawal, withdrawalOf } from '../api/problem.ts'
import type { CompiledReport } from '../api/types.ts'
import { CitePanel } from '../components/cite-panel.tsx'
import { ContentsTree } from '../components/contents-tree.tsx'
import { ErrorState } from '../components/error-state.tsx'
import { focusMainHeading } from '../components/layout.tsx'
import { ReportCard } from '../components/report-card.tsx'
import { describeReport } from '../lib/describe.ts'
import {
  countryName,
  formatAuthors,
  formatBytes,
  formatIdentifier,
  languageName,
  mediaTypeLabel,
} from '../lib/format.ts'
import { serverHeadStillTrue, useHead } from '../lib/head.ts'
import { dataKey, initialFrom, useInitialData } from '../lib/initial-data.ts'
import { singularLabel, useLabels } from '../lib/labels.ts'
import { NotFoundContent } from './not-found.tsx'
import { WithdrawnContent } from './withdrawn.tsx'

/** A report the API answers 410 for: what its page shows instead of the report. */
export interface Gone {
  gone: Withdrawal
}

/** The report, or its withdrawal (a 410 is an answer, not a failure to retry). */
export async function loadReport(slug: string): Promise<CompiledReport | Gone> {
  try {
    return await getReport(slug)
  } catch (error) {
    const gone = withdrawalOf(error)
    if (gone) return { gone }
    throw error
  }
}

const isGone = (value: CompiledReport | Gone | null | undefined): value is Gone =>
  value != null && 'gone' in value

/** The report's related reports, skipping any that fail to load. */
export async function loadRelated(slugs: readonly string[]): Promise<CompiledReport[]> {
  const settled = await Promise.allSettled(slugs.map((slug) => getReport(slug)))
  return settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
}

/** The report's schema.org description from the API; nothing if it cannot be had. */
async function loadJsonLd(slug: string): Promise<string | undefined> {
  try {
    return await getReportFormat(slug, 'jsonld')
  } catch {
    return undefined
  }
}

function ReportView(props: { report: CompiledReport; serverRendered: boolean }) {
  const label = useLabels()
  const report = () => props.report
  const [related] = createResource(
    () => report().related ?? [],
    (slugs) => (slugs.length ? loadRelated(slugs) : Promise.resolve([])),
    initialFrom<CompiledReport[]>(useInitialData(), dataKey.related(props.report.slug)),
  )
  // The server's head carries the JSON-LD while it is the document's head (the first page of
  // a visit, until the URL first changes); after that, even back on this report, it is gone.
  const serverHead = () => props.serverRendered && serverHeadStillTrue()
  const [jsonLd] = createResource(() => !serverHead() && report().slug, loadJsonLd)
  const description = () =>
    describeReport(report(), `${report().title}, ${formatPartialDate(report().published)}.`)

  // useHead leaves the server's head alone while it is still true.
  useHead(() => ({
    title: report().title,
    description: description(),
    jsonLd: jsonLd.state === 'ready' ? jsonLd() : undefined,
  }))

  // Arrived by a link while the report was loading: focus went to <main>; move it to the title.
  onMount(() => {
    if (document.activeElement?.id === 'main') focusMainHeading()
  })

  const identifiers = () => report().identifiers
  const authors = () => formatAuthors(report().authors)

  return (
    <article class="report" lang={report().language}>
      <A href="/" class="back-link">
        ← All reports
      </A>
      <header class="report__header">
        <p class="report__meta">
          <span class="report__type">{singularLabel(label('types', report().type))}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={report().published}>{formatPartialDate(report().published)}</time>
          <Show when={report().series}>
            {(series) => (
              <>
                <span aria-hidden="true"> · </span>
                <span>
                  {label('series', series().key)}
                  {series().number ? ` ${series().number}` : ''}
                </span>
              </>
            )}
          </Show>
        </p>
        <h1 class="report__title">{report().title}</h1>
        <Show when={report().subtitle}>
          <p class="report__subtitle">{report().subtitle}</p>
        </Show>
        <Show when={authors()}>
          <p class="report__authors">
            <span class="visually-hidden">Authors: </span>
            {authors()}
          </p>
        </Show>
        <p class="report__publisher">
          {report().publisher}
          <Show when={report().copublishers?.length}>
            {' '}
            with {report().copublishers?.join(', ')}
          </Show>
        </p>
      </header>

      <div class="report__layout">
        <div class="report__main">
          <Show when={report().summary}>
            <p class="report__summary">{report().summary}</p>
          </Show>
          <Show when={report().descriptionHtml}>
            <section aria-labelledby="overview-title">
              <h2 id="overview-title">Overview</h2>
              {/* Sanitized by the content compiler (Markdown rendered at build time). */}
              <div class="prose" innerHTML={report().descriptionHtml} />
            </section>
          </Show>
          <Show when={report().keyFindings?.length}>
            <section aria-labelledby="findings-title">
              <h2 id="findings-title">Key findings</h2>
              <ul class="findings">
                <For each={report().keyFindings}>{(finding) => <li>{finding}</li>}</For>
              </ul>
            </section>
          </Show>
          <Show when={report().contents?.length}>
            <section aria-labelledby="contents-title">
              <h2 id="contents-title">Contents</h2>
              <ContentsTree entries={report().contents ?? []} />
            </section>
          </Show>
        </div>
        <aside class="report__side" aria-label="Details, downloads and citation">
          <Show when={report().files?.length}>
            <section class="panel" aria-labelledby="downloads-title">
              <h2 id="downloads-title" class="panel__title">
                Downloads
              </h2>
              <ul class="downloads">
                <For each={report().files}>
                  {(file) => (
                    <li>
                      <a href={file.url} class="download" type={file.mediaType}>
                        <span class="download__label">
                          {file.label ?? `Download ${mediaTypeLabel(file.mediaType)}`}
                        </span>
                        <span class="download__meta">
                          {mediaTypeLabel(file.mediaType)}
                          {file.size !== undefined ? `, ${formatBytes(file.size)}` : ''}
                          {file.language ? `, ${languageName(file.language)}` : ''}
                        </span>
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>

          <section class="panel" aria-labelledby="details-title">
            <h2 id="details-title" class="panel__title">
              Details
            </h2>
            <dl class="details">
              <Show when={identifiers()?.isbn?.length}>
                <dt>ISBN</dt>
                <For each={identifiers()?.isbn}>
                  {(entry) => <dd class="identifier">{formatIdentifier(entry)}</dd>}
                </For>
              </Show>
              <Show when={identifiers()?.issn?.length}>
                <dt>ISSN</dt>
                <For each={identifiers()?.issn}>
                  {(entry) => <dd class="identifier">{formatIdentifier(entry)}</dd>}
                </For>
              </Show>
              <Show when={identifiers()?.doi}>
                {(doi) => (
                  <>
                    <dt>DOI</dt>
                    <dd class="identifier">
                      <a href={`https://doi.org/${doi()}`}>{doi()}</a>
                    </dd>
                  </>
                )}
              </Show>
              <Show when={identifiers()?.stockNumber}>
                <dt>Stock number</dt>
                <dd class="identifier">{identifiers()?.stockNumber}</dd>
              </Show>
              <Show when={report().edition}>
                <dt>Edition</dt>
                <dd>{report().edition}</dd>
              </Show>
              <Show when={report().pages}>
                <dt>Pages</dt>
                <dd>{report().pages}</dd>
              </Show>
              <dt>Language</dt>
              <dd>{languageName(report().language)}</dd>
              <Show when={report().topics?.length}>
                <dt>Topics</dt>
                <dd>
                  <ul class="tags">
                    <For each={report().topics}>
                      {(topic) => (
                        <li>
                          <a href={`/?topic=${encodeURIComponent(topic)}`}>
                            {label('topics', topic)}
                          </a>
                        </li>
                      )}
                    </For>
                  </ul>
                </dd>
              </Show>
              <Show when={report().countries?.length}>
                <dt>Countries</dt>
                <dd>
                  <ul class="tags">
                    <For each={report().countries}>
                      {(code) => (
                        <li>
                          <a href={`/?country=${encodeURIComponent(code)}`}>{countryName(code)}</a>
                        </li>
                      )}
                    </For>
                  </ul>
                </dd>
              </Show>
              <Show when={report().price}>
                {(price) => (
                  <>
                    <dt>Price</dt>
                    <dd>
                      {new Intl.NumberFormat('en', {
                        style: 'currency',
                        currency: price().currency,
                      }).format(price().amount)}
                    </dd>
                  </>
                )}
              </Show>
              <Show when={report().license}>
                <dt>Licence</dt>
                <dd>{report().license}</dd>
              </Show>
              <Show when={report().supersedes}>
                {(slug) => (
                  <>
                    <dt>Replaces</dt>
                    <dd>
                      <A href={`/reports/${slug()}`}>the earlier edition</A>
                    </dd>
                  </>
                )}
              </Show>
            </dl>
          </section>

          <CitePanel slug={report().slug} />
        </aside>
      </div>

      <Show when={related()?.length}>
        <section class="related" aria-labelledby="related-title">
          <h2 id="related-title">Related reports</h2>
          <ul class="related__list">
            <For each={related()}>
              {(item) => (
                <li>
                  <ReportCard
                    report={item}
                    typeLabel={singularLabel(label('types', item.type))}
                    level={3}
                  />
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </article>
  )
}

export default function ReportPage() {
  const params = useParams<{ slug: string }>()
  const initial = initialFrom<CompiledReport | Gone | null>(
    useInitialData(),
    dataKey.report(params.slug),
  )
  // Only the first page of a visit is rendered by the server; its head is already right.
  const serverRendered = 'initialValue' in initial && initial.initialValue !== null
  const [report, { refetch }] = createResource<CompiledReport | Gone | null, string>(
    () => params.slug,
    loadReport,
    initial,
  )
  const latest = () => (report.state === 'errored' ? undefined : report.latest)
  const gone = () => {
    const value = latest()
    return isGone(value) ? value.gone : undefined
  }
  const loaded = () => {
    const value = latest()
    return isGone(value) ? undefined : value
  }
  // A slug the API rejects as malformed (400) cannot name a report either: also a 404.
  const notFound = () =>
    (report.state === 'ready' && report.latest === null) ||
    (report.error instanceof ApiError && (report.error.notFound || report.error.status === 400))

  useHead(() => (report.loading ? { title: 'Loading report…' } : undefined))

  return (
    <Switch>
      <Match when={notFound()}>
        <NotFoundContent what={`There is no report “${params.slug}” in the catalogue.`} />
      </Match>
      <Match when={gone()}>{(withdrawal) => <WithdrawnContent withdrawal={withdrawal()} />}</Match>
      <Match when={report.state === 'errored'}>
        <h1>Report</h1>
        <ErrorState error={report.error} onRetry={refetch} />
      </Match>
      <Match when={loaded()}>
        {(loaded) => (
          <ReportView
            report={loaded()}
            serverRendered={serverRendered && loaded().slug === params.slug}
          />
        )}
      </Match>
      <Match when={true}>
        <div class="report report--loading" aria-busy="true">
          <p class="visually-hidden" role="status">
            Loading report…
          </p>
          <span class="skeleton__line skeleton__line--short" />
          <span class="skeleton__line skeleton__line--title" />
          <span class="skeleton__line skeleton__line--title" />
          <span class="skeleton__line" />
          <span class="skeleton__line" />
        </div>
      </Match>
    </Switch>
  )
}
