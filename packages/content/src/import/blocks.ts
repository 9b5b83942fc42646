// Lines → blocks: a text block is one non-blank line (captures put a paragraph on one line);
// a list block is a run of bullet lines, nested by indentation, with wrapped lines joined.
import { collapseSpaces, type PageLine } from './text.ts'

export interface ListItem {
  text: string
  line: number
  children: ListItem[]
}

export interface TextBlock {
  kind: 'text'
  line: number
  indent: number
  /** Trimmed; inner tabs kept so that details lines can split label from value. */
  text: string
  /** Blank lines before this block. */
  blankBefore: number
}

export interface ListBlock {
  kind: 'list'
  line: number
  items: ListItem[]
  blankBefore: number
  /** Lines of items nested deeper than MAX_LIST_DEPTH, kept at that depth. */
  flattened?: number[]
}

/**
 * The deepest nesting kept: deeper items become siblings at this depth (with a warning), so
 * that every walk over a list (Markdown, contents, validation, YAML) has a bounded depth.
 */
export const MAX_LIST_DEPTH = 32

export type Block = TextBlock | ListBlock

// Bullets a page's plain text shows: •, ◦, ▪, ●, ‣ and friends, and ASCII - or * followed by a space.
const BULLET = /^(?:[•◦▪▫●○■□‣⁃∙·]\s*|[-*]\s+)(?=\S)/

/** The text after a bullet marker, or `undefined` when the line is not a bullet line. */
export function bulletText(text: string): string | undefined {
  const match = BULLET.exec(text)
  return match ? text.slice(match[0].length) : undefined
}

/**
 * Groups a page's lines into text and list blocks. Deeper indentation nests an item under
 * the item before it; a non-bullet line indented past a bullet continues that item.
 *
 * @example
 * pageBlocks(pageLines('Intro:\n • a\n   • a1\n • b'))
 * // [{ kind: 'text', text: 'Intro:' }, { kind: 'list', items: [{ text: 'a', children: [{ text: 'a1' }] }, { text: 'b' }] }]
 */
export function pageBlocks(lines: readonly PageLine[]): Block[] {
  const blocks: Block[] = []
  let blank = 0
  let list: ListBlock | undefined
  // The open items, outermost first, each with the indentation of its bullet.
  let stack: { indent: number; item: ListItem }[] = []

  for (const line of lines) {
    if (line.text === '') {
      blank++
      list = undefined
      continue
    }
    const item = bulletText(line.text)
    if (item !== undefined) {
      // Inner tabs and runs of spaces are kept: a contents entry may end in "<tab>12" (a page).
      const entry: ListItem = { text: item.trim(), line: line.number, children: [] }
      if (!list) {
        list = { kind: 'list', line: line.number, items: [], blankBefore: blank }
        blocks.push(list)
        stack = []
      }
      while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= line.indent) stack.pop()
      if (stack.length >= MAX_LIST_DEPTH) {
        // Too deep: a sibling of the deepest item kept, with the indentation it had.
        stack.length = MAX_LIST_DEPTH - 1
        list.flattened ??= []
        list.flattened.push(line.number)
      }
      const parent = stack.at(-1)
      if (parent) parent.item.children.push(entry)
      else list.items.push(entry)
      stack.push({ indent: line.indent, item: entry })
      blank = 0
      continue
    }
    const open = stack.at(-1)
    if (list && open && line.indent > open.indent) {
      // A wrapped item: the capture broke one item over two lines.
      open.item.text = `${collapseSpaces(open.item.text)} ${collapseSpaces(line.text)}`
      continue
    }
    list = undefined
    blocks.push({
      kind: 'text',
      line: line.number,
      indent: line.indent,
      text: line.text,
      blankBefore: blank,
    })
    blank = 0
  }
  return blocks
}
