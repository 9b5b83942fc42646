// Plain <a> elements: the router intercepts their clicks, and unlike <A> they do not mark
// every link to "/" as aria-current="page".
import { For, Show } from 'solid-js'

export interface PaginationProps {
  page: number
  pageCount: number
  href: (page: number) => string
}

/**
 * The pages to offer: the first, the last, and two either side of the current one, with
 * `null` where a gap is.
 *
 * @example
 * pageWindow(6, 20) // [1, null, 4, 5, 6, 7, 8, null, 20]
 */
export function pageWindow(page: number, count: number): (number | null)[] {
  const pages: (number | null)[] = []
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - page) <= 2) pages.push(p)
    else if (pages.at(-1) !== null) pages.push(null)
  }
  return pages
}

export function Pagination(props: PaginationProps) {
  return (
    <Show when={props.pageCount > 1}>
      <nav class="pagination" aria-label="Pages of results">
        <ul>
          <li>
            <Show
              when={props.page > 1}
              fallback={
                <span class="pagination__step" aria-disabled="true">
                  ← Previous
                </span>
              }
            >
              <a class="pagination__step" href={props.href(props.page - 1)} rel="prev">
                ← Previous
              </a>
            </Show>
          </li>
          <For each={pageWindow(props.page, props.pageCount)}>
            {(p) => (
              <li class="pagination__number">
                <Show when={p !== null} fallback={<span class="pagination__gap">…</span>}>
                  <a
                    href={props.href(p as number)}
                    aria-current={p === props.page ? 'page' : undefined}
                    aria-label={`Page ${p}`}
                  >
                    {p}
                  </a>
                </Show>
              </li>
            )}
          </For>
          <li>
            <Show
              when={props.page < props.pageCount}
              fallback={
                <span class="pagination__step" aria-disabled="true">
                  Next →
                </span>
              }
            >
              <a class="pagination__step" href={props.href(props.page + 1)} rel="next">
                Next →
              </a>
            </Show>
          </li>
        </ul>
      </nav>
    </Show>
  )
}
