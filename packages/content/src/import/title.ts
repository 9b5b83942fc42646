// A title that carries its subtitle: "Main Title: The Subtitle", "Main Title — The Subtitle".

export interface SplitTitle {
  title: string
  subtitle: string
  /** How the page separated them, for the inferred-field note. */
  separator: string
}

/**
 * Splits a title at its first colon, or at a spaced dash, when both parts are at least two
 * words; else `undefined`.
 *
 * @example
 * splitTitle('Rivers of Trade: Ports and Growth') // { title: 'Rivers of Trade', subtitle: 'Ports and Growth', separator: 'a colon' }
 */
export function splitTitle(title: string): SplitTitle | undefined {
  const separators: [RegExp, string][] = [
    [/:\s+/, 'a colon'],
    [/\s+[—–]\s+|\s+-{1,2}\s+/, 'a dash'],
  ]
  for (const [pattern, separator] of separators) {
    const match = pattern.exec(title)
    if (!match) continue
    const main = title.slice(0, match.index).trim()
    const rest = title.slice(match.index + match[0].length).trim()
    if (main.split(/\s+/).length >= 2 && rest.split(/\s+/).length >= 2) {
      return { title: main, subtitle: rest, separator }
    }
  }
  return undefined
}

/**
 * The part of a title a slug is made from: before the first colon or spaced dash, when that
 * part has at least two words ("Beyond Factory Asia: Fuelling Growth…" → "Beyond Factory Asia").
 */
export function shortTitle(title: string): string {
  return splitTitle(title)?.title ?? title
}
