import { A } from '@solidjs/router'
import { formatPartialDate } from 'colophon-schema'
import type { Withdrawal } from '../api/problem.ts'
import { useHead } from '../lib/head.ts'

/** The page of a withdrawn report (the API's 410): its title, when and why; not indexed. */
export function WithdrawnContent(props: { withdrawal: Withdrawal }) {
  const w = () => props.withdrawal
  useHead(() => ({
    title: `${w().title} (withdrawn)`,
    description: `This report was withdrawn (${formatPartialDate(w().date)}): ${w().reason}`,
    noindex: true,
  }))
  return (
    <div class="not-found withdrawn">
      <p class="eyebrow">410 · Withdrawn</p>
      <h1>{w().title}</h1>
      <p class="lede">This report was withdrawn from the catalogue and is no longer available.</p>
      <dl class="withdrawn__facts">
        <dt>Withdrawn</dt>
        <dd>
          <time dateTime={w().date}>{formatPartialDate(w().date)}</time>
        </dd>
        <dt>Reason</dt>
        <dd class="withdrawn__reason">{w().reason}</dd>
      </dl>
      <ul class="not-found__next">
        <li>
          <A href="/">Browse all reports</A>
        </li>
      </ul>
    </div>
  )
}
