import type { ContentsEntry } from 'colophon-schema'
import { For, Show } from 'solid-js'

/** The nested table of contents, as nested ordered lists. */
export function ContentsTree(props: { entries: ContentsEntry[] }) {
  return (
    <ol class="contents">
      <For each={props.entries}>
        {(entry) => (
          <li>
            <span class="contents__title">{entry.title}</span>
            <Show when={entry.page}>
              <span class="contents__page">
                <span class="visually-hidden">page </span>
                {entry.page}
              </span>
            </Show>
            <Show when={entry.children?.length}>
              <ContentsTree entries={entry.children ?? []} />
            </Show>
          </li>
        )}
      </For>
    </ol>
  )
}
