// Plain <a> elements: the router intercepts their clicks, and unlike <A> they do not mark
// every link to "/" as aria-current="page".
import { createSignal, For, Show } from 'solid-js'
import type { FacetValue } from '../api/types.ts'

export interface FacetGroupProps {
  /** "Type", "Year"… */
  title: string
  values: FacetValue[]
  /** The selected value, if any. */
  selected: string | undefined
  /** The link that selects a value, or clears the facet when given undefined. */
  href: (value: string | undefined) => string
  /** How many values to show before "Show all". */
  limit?: number
}

/**
 * One facet: its values with counts, each a link that adds (or removes) the filter, so
 * every filtered view has its own URL and the back button undoes a click.
 */
export function FacetGroup(props: FacetGroupProps) {
  const [expanded, setExpanded] = createSignal(false)
  const limit = () => props.limit ?? 8
  const id = () => `facet-${props.title.toLowerCase().replace(/\W+/g, '-')}`
  // The selected value stays visible even when it falls past the limit.
  const shown = () => {
    if (expanded() || props.values.length <= limit()) return props.values
    const head = props.values.slice(0, limit())
    const picked = props.values.find((v) => v.value === props.selected)
    return picked && !head.includes(picked) ? [...head, picked] : head
  }
  return (
    <section class="facet" aria-labelledby={`${id()}-title`}>
      <h3 class="facet__title" id={`${id()}-title`}>
        {props.title}
      </h3>
      <Show
        when={props.values.length > 0}
        fallback={<p class="facet__empty">None in these results</p>}
      >
        <ul class="facet__list" id={`${id()}-list`}>
          <For each={shown()}>
            {(item) => {
              const selected = () => item.value === props.selected
              return (
                <li>
                  <a
                    class="facet__link"
                    classList={{ 'is-selected': selected() }}
                    href={props.href(selected() ? undefined : item.value)}
                    aria-current={selected() ? 'true' : undefined}
                  >
                    <span class="facet__label">
                      {item.label}
                      <Show when={selected()}>
                        <span class="visually-hidden"> (selected, select to remove)</span>
                      </Show>
                    </span>
                    <span class="facet__count">
                      {item.count.toLocaleString('en')}
                      <span class="visually-hidden">
                        {' '}
                        {item.count === 1 ? 'report' : 'reports'}
                      </span>
                    </span>
                  </a>
                </li>
              )
            }}
          </For>
        </ul>
        <Show when={props.values.length > limit()}>
          <button
            type="button"
            class="link-button facet__more"
            aria-expanded={expanded()}
            aria-controls={`${id()}-list`}
            onClick={() => setExpanded(!expanded())}
          >
            {expanded() ? 'Show fewer' : `Show all ${props.values.length}`}
          </button>
        </Show>
      </Show>
    </section>
  )
}
