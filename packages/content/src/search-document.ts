// The searchable text of a compiled report (compile time only; the API never needs it).
import {
  type CompiledReport,
  type ContentsEntry,
  compactIsbn,
  isbn13To10,
  normalizeIsbn,
} from 'colophon-schema'
import type { SearchDocument } from './search.ts'

function contentsTitles(entries: readonly ContentsEntry[] | undefined, out: string[]): string[] {
  for (const entry of entries ?? []) {
    out.push(entry.title)
    contentsTitles(entry.children, out)
  }
  return out
}

/**
 * The searchable text of a compiled report. `topicLabel` turns a topic key into its label.
 * ISBNs are indexed in their compact 13- and 10-digit forms (one token each).
 */
export function searchDocument(
  report: CompiledReport,
  topicLabel: (key: string) => string = (key) => key,
): SearchDocument {
  const identifiers: string[] = []
  for (const { value } of report.identifiers?.isbn ?? []) {
    const isbn13 = normalizeIsbn(value)
    identifiers.push(isbn13 ?? compactIsbn(value))
    const isbn10 = isbn13 && isbn13To10(isbn13)
    if (isbn10) identifiers.push(isbn10)
  }
  for (const { value } of report.identifiers?.issn ?? []) identifiers.push(value)
  if (report.identifiers?.doi) identifiers.push(report.identifiers.doi)
  if (report.identifiers?.stockNumber) identifiers.push(report.identifiers.stockNumber)
  return {
    slug: report.slug,
    title: report.title,
    subtitle: report.subtitle ?? '',
    summary: report.summary ?? '',
    authors: (report.authors ?? [])
      .map((a) => ('name' in a ? a.name : [a.given, a.family].filter(Boolean).join(' ')))
      .join('; '),
    description: report.description ? markdownText(report.description) : '',
    keyFindings: (report.keyFindings ?? []).join(' '),
    contents: contentsTitles(report.contents, []).join('; '),
    topics: (report.topics ?? []).map(topicLabel).join('; '),
    identifiers: identifiers.join(' '),
  }
}

/** The text of a Markdown overview without its markup (links keep their text). */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
