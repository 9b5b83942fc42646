// What the search index reads of a report: its text fields as plain strings, and its
// identifiers apart. Built from a compiled report at compile time (or at snapshot load).
import type { CompiledReport, ContentsEntry } from 'colophon-schema'

/** One report's searchable text, in the fields the index weighs. */
export interface SearchSource {
  title: string
  subtitle?: string
  authors?: readonly string[]
  summary?: string
  /** The overview as plain text (Markdown markup removed). */
  overview?: string
  keyFindings?: readonly string[]
  /** Every table-of-contents title, nested ones included. */
  contents?: readonly string[]
  /** Labels of the report's type, series and topics. */
  vocabulary?: readonly string[]
  identifiers?: {
    isbn?: readonly string[]
    issn?: readonly string[]
    doi?: string
    stockNumber?: string
  }
}

function contentsTitles(entries: readonly ContentsEntry[] | undefined, out: string[]): string[] {
  for (const entry of entries ?? []) {
    out.push(entry.title)
    contentsTitles(entry.children, out)
  }
  return out
}

/** The text of a Markdown overview without its markup (links keep their text). */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Labels for vocabulary keys; a key without a label reads as itself. */
export interface VocabularyLabels {
  type?: (key: string) => string
  series?: (key: string) => string
  topic?: (key: string) => string
}

/**
 * The searchable text of a compiled report.
 *
 * @example
 * buildSearchIndex(reports.map((r) => searchSource(r, { topic: (k) => topics[k]?.label ?? k })))
 */
export function searchSource(report: CompiledReport, labels: VocabularyLabels = {}): SearchSource {
  const same = (key: string) => key
  const vocabulary = [(labels.type ?? same)(report.type)]
  if (report.series) vocabulary.push((labels.series ?? same)(report.series.key))
  for (const topic of report.topics ?? []) vocabulary.push((labels.topic ?? same)(topic))
  const ids = report.identifiers
  return {
    title: report.title,
    subtitle: report.subtitle,
    authors: (report.authors ?? []).map((a) =>
      'name' in a ? a.name : [a.given, a.family].filter(Boolean).join(' '),
    ),
    summary: report.summary,
    overview: report.description ? markdownText(report.description) : undefined,
    keyFindings: report.keyFindings,
    contents: contentsTitles(report.contents, []),
    vocabulary,
    identifiers: {
      isbn: ids?.isbn?.map((i) => i.value),
      issn: ids?.issn?.map((i) => i.value),
      doi: ids?.doi,
      stockNumber: ids?.stockNumber,
    },
  }
}
