import { A } from '@solidjs/router'
import { formatPartialDate, type ReportSummary } from 'colophon-schema'
import { Show } from 'solid-js'
import { formatAuthors } from '../lib/format.ts'

export interface ReportCardProps {
  report: ReportSummary
  /** The type's label ("Reports"); falls back to the key. */
  typeLabel: string
  /** Heading level of the title inside the list. */
  level?: 2 | 3
}

/** One report in a list of results: type and date, title, subtitle, authors, lede. */
export function ReportCard(props: ReportCardProps) {
  const authors = () => formatAuthors(props.report.authors)
  const title = () => (
    <A href={`/reports/${props.report.slug}`} class="card__link">
      {props.report.title}
    </A>
  )
  return (
    <article class="card">
      <p class="card__meta">
        <span class="card__type">{props.typeLabel}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={props.report.published}>{formatPartialDate(props.report.published)}</time>
      </p>
      <Show when={props.level === 3} fallback={<h2 class="card__title">{title()}</h2>}>
        <h3 class="card__title">{title()}</h3>
      </Show>
      <Show when={props.report.subtitle}>
        <p class="card__subtitle">{props.report.subtitle}</p>
      </Show>
      <Show when={authors()}>
        <p class="card__authors">{authors()}</p>
      </Show>
      <Show when={props.report.summary}>
        <p class="card__summary">{props.report.summary}</p>
      </Show>
    </article>
  )
}
