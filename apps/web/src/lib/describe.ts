// A page's meta description: the report's one-sentence summary, else the first sentence of
// its overview (never a key finding, which reads as a fragment out of context).
import type { CompiledReport } from 'colophon-schema'

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** The text of compiler-made HTML: tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) {
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
      }
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
      return ENTITIES[name.toLowerCase()] ?? whole
    })
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The first sentence of a text: up to the first `.`, `!` or `?` followed by a space and a
 * capital letter or the end (so "U.S." or "2.5" do not cut it short).
 *
 * @example
 * firstSentence('Asia grew. Then it changed.') // 'Asia grew.'
 */
export function firstSentence(text: string): string {
  const match = /^.+?[.!?](?=\s+["“(]?[A-Z0-9]|\s*$)/s.exec(text)
  return (match?.[0] ?? text).trim()
}

/** The description of a report page. */
export function describeReport(report: CompiledReport, fallback: string): string {
  if (report.summary) return report.summary
  const overview = report.descriptionHtml ? htmlToText(report.descriptionHtml) : ''
  return overview ? firstSentence(overview) : fallback
}
