// Plain text → Markdown for the overview: paragraphs, headings and lists, escaped so that
// text which happens to look like Markdown syntax stays text.
import type { ListItem } from './blocks.ts'
import { collapseSpaces } from './text.ts'

/**
 * Escapes what would start a Markdown block (heading, quote, list, rule, table) at the start
 * of a paragraph, and inline characters that would change the rendering.
 *
 * @example
 * escapeMarkdown('1. A numbered thought') // '1\\. A numbered thought'
 */
export function escapeMarkdown(text: string): string {
  return collapseSpaces(text)
    .replace(/[\\`*_<[\]]/g, (c) => `\\${c}`)
    .replace(/^(#{1,6}(?:\s|$)|>|[-+=|~]|\d{1,9}(?=[.)]))/, (m) =>
      /^\d/.test(m) ? `${m}\\` : `\\${m}`,
    )
}

/** A Markdown heading for the overview's subheadings (level 3: the page has h1 and h2 above). */
export function markdownHeading(text: string): string {
  return `### ${escapeMarkdown(text)}`
}

/** A Markdown bullet list, children indented by two spaces. */
export function markdownList(items: readonly ListItem[], depth = 0): string {
  return items
    .map((item) => {
      const line = `${'  '.repeat(depth)}- ${escapeMarkdown(item.text)}`
      return item.children.length > 0 ? `${line}\n${markdownList(item.children, depth + 1)}` : line
    })
    .join('\n')
}
