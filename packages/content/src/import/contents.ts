// A table of contents from a bullet list: entries nested by indentation, a page number
// when the capture kept one ("Introduction ........ 12", "Introduction<tab>12").
import type { ContentsEntry } from 'colophon-schema'
import type { ListItem } from './blocks.ts'
import type { PageContext } from './context.ts'
import { BACK_MATTER, FRONT_MATTER, isTitleLike } from './prose.ts'
import { collapseSpaces } from './text.ts'

/** Splits a trailing page number off an entry: after dot leaders, a tab or two spaces. */
export function entryTitleAndPage(text: string): { title: string; page?: string | undefined } {
  const match = /^(.*?\S)(?:\s*(?:\.\s?){2,}\s*|\s*…+\s*|\t+\s*|\s{2,})([0-9]+|[ivxlcdm]+)$/i.exec(
    text.trim(),
  )
  if (!match) return { title: collapseSpaces(text) }
  return { title: collapseSpaces(match[1] ?? ''), page: match[2] }
}

/** Every entry of a list, depth first. */
function flatten(items: readonly ListItem[]): ListItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children)])
}

/**
 * Why a list without a "Contents" heading reads as a table of contents, or `undefined` when
 * it does not: every entry title-like, and either front or back matter at its ends or at
 * least three entries.
 */
export function contentsEvidence(items: readonly ListItem[]): string | undefined {
  const all = flatten(items)
  if (all.length < 2) return undefined
  if (!all.every((item) => isTitleLike(entryTitleAndPage(item.text).title))) return undefined
  const first = entryTitleAndPage(items[0]?.text ?? '').title
  const last = entryTitleAndPage(items.at(-1)?.text ?? '').title
  const front = FRONT_MATTER.test(first) ? `starts with "${first}"` : undefined
  const back = BACK_MATTER.test(last) ? `ends with "${last}"` : undefined
  if (front || back) {
    return `a list of title-like entries with no heading that ${[front, back].filter(Boolean).join(' and ')}`
  }
  if (all.length >= 3) return 'a list of title-like entries with no heading or introduction'
  return undefined
}

/** Turns list items into contents entries, listing roman page numbers as not kept. */
export function contentsEntries(
  ctx: PageContext,
  items: readonly ListItem[],
  path = 'contents',
): ContentsEntry[] {
  return items.map((item, index) => {
    const { title, page } = entryTitleAndPage(item.text)
    const entry: ContentsEntry = { title }
    ctx.at(`${path}[${index}]`, item.line)
    if (page && /^\d+$/.test(page) && Number(page) >= 1) entry.page = Number(page)
    else if (page)
      ctx.warn(
        item.line,
        `page "${page}" of "${title}" is not kept: pages are whole numbers from 1`,
      )
    if (item.children.length > 0)
      entry.children = contentsEntries(ctx, item.children, `${path}[${index}].children`)
    return entry
  })
}
