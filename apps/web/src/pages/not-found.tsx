import { A } from '@solidjs/router'
import { useHead } from '../lib/head.ts'

/** The 404 page: unknown routes, and reports that are not in the catalogue. */
export function NotFoundContent(props: { what?: string }) {
  useHead(() => ({
    title: 'Page not found',
    description: 'There is no page at this address in the catalogue.',
    noindex: true,
  }))
  return (
    <div class="not-found">
      <p class="eyebrow">404</p>
      <h1>Page not found</h1>
      <p class="lede">
        {props.what ?? 'There is no page at this address.'} It may have moved, or the link may be
        mistyped.
      </p>
      <ul class="not-found__next">
        <li>
          <A href="/">Browse all reports</A>
        </li>
        <li>
          <A href="/about">About this catalogue</A>
        </li>
      </ul>
    </div>
  )
}

export default function NotFound() {
  return <NotFoundContent />
}
