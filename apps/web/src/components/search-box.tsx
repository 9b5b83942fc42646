import { createEffect, createSignal, For, on, onCleanup } from 'solid-js'

export interface SearchBoxProps {
  /** The committed query (from the URL). */
  value: string
  /** Called with the new query after the reader pauses typing, or at once on Enter. */
  onSearch: (query: string) => void
  /** Milliseconds of quiet before a search runs. */
  delay?: number
  /** Other URL parameters the search keeps (filters), sent as hidden fields without JavaScript. */
  keep?: Record<string, string | undefined>
}

/**
 * A search field that searches as the reader types, debounced. It is also a plain GET form
 * to `/`, so without JavaScript (or before hydration) submitting it loads the results page.
 */
export function SearchBox(props: SearchBoxProps) {
  const [draft, setDraft] = createSignal(props.value)
  let timer: ReturnType<typeof setTimeout> | undefined

  // The URL can change under us (back button, a facet link): show what it says.
  createEffect(
    on(
      () => props.value,
      (value) => {
        if (value !== draft().trim()) setDraft(value)
      },
      { defer: true },
    ),
  )

  const commit = (value: string) => {
    clearTimeout(timer)
    timer = undefined
    if (value.trim() !== props.value) props.onSearch(value.trim())
  }
  onCleanup(() => clearTimeout(timer))

  return (
    <search class="search">
      <form
        method="get"
        action="/"
        onSubmit={(event) => {
          event.preventDefault()
          commit(draft())
        }}
      >
        <label for="search-input" class="search__label">
          Search the catalogue
        </label>
        <For
          each={Object.entries(props.keep ?? {}).filter(
            ([name, v]) => v !== undefined && name !== 'q',
          )}
        >
          {([name, value]) => <input type="hidden" name={name} value={value} />}
        </For>
        <div class="search__row">
          <input
            id="search-input"
            class="search__input"
            type="search"
            name="q"
            autocomplete="off"
            spellcheck={false}
            placeholder="Title, author, ISBN…"
            value={draft()}
            onInput={(event) => {
              const value = event.currentTarget.value
              setDraft(value)
              clearTimeout(timer)
              timer = setTimeout(() => commit(value), props.delay ?? 250)
            }}
          />
          <button type="submit" class="button search__button">
            Search
          </button>
        </div>
      </form>
    </search>
  )
}
