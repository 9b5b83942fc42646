// Page text → lines: one entry per physical line of the capture, with its 1-based number
// (kept for every message), its indentation and its text with the capture's whitespace
// quirks removed (non-breaking and other Unicode spaces, zero-width characters, trailing
// spaces, CRLF, a missing final newline).

export interface PageLine {
  /** 1-based line number in the page, as an editor's editor shows it. */
  number: number
  /** Columns of leading whitespace (a tab counts as 4). */
  indent: number
  /** The line without leading and trailing whitespace; inner tabs are kept (they separate labels from values). */
  text: string
}

// Spaces a browser copy carries that are not ASCII spaces: NBSP, en/em/thin/hair spaces,
// narrow NBSP, figure space, ideographic space.
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g
// Zero-width characters and the byte order mark: invisible, never content.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g

/** Replaces Unicode spaces with ASCII spaces and drops invisible characters. */
export function normalizeSpaces(text: string): string {
  return text.replace(UNICODE_SPACES, ' ').replace(INVISIBLE, '')
}

/** Collapses runs of spaces and tabs into one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim()
}

function indentWidth(leading: string): number {
  let width = 0
  for (const c of leading) width += c === '\t' ? 4 : 1
  return width
}

/**
 * Splits a captured page into lines with their numbers and indentation.
 *
 * @example
 * pageLines('Title\r\n\u00a0 • item\u00a0')
 * // [{ number: 1, indent: 0, text: 'Title' }, { number: 2, indent: 2, text: '• item' }]
 */
export function pageLines(page: string): PageLine[] {
  const lines = normalizeSpaces(page).split(/\r\n|\r|\n/)
  // A final newline leaves an empty last element; a missing one does not. Either way the
  // page's lines are the same.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  return lines.map((raw, i) => {
    const leading = /^[ \t]*/.exec(raw)?.[0] ?? ''
    return { number: i + 1, indent: indentWidth(leading), text: raw.trim() }
  })
}
