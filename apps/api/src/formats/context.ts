import type { VocabularyCounts } from 'colophon-content'
import {
  type Author,
  type CatalogueSettings,
  type CompiledReport,
  isPerson,
  normalizeIsbn,
  parsePartialDate,
} from 'colophon-schema'

/** What every report format needs besides the report: the catalogue and the URLs. */
export interface FormatContext {
  settings: CatalogueSettings
  vocabularies: VocabularyCounts
  /** The report's page in the web app. */
  webUrl: string
  /** The report in this API. */
  apiUrl: string
}

/** `https://host/base` + `/reports/slug`, without doubling slashes. */
export function webUrl(settings: CatalogueSettings, path: string): string {
  return settings.baseUrl.replace(/\/+$/, '') + path
}

export function authorName(author: Author): string {
  return isPerson(author) ? [author.given, author.family].filter(Boolean).join(' ') : author.name
}

export function isbn13s(report: CompiledReport): string[] {
  return (report.identifiers?.isbn ?? []).flatMap((e) => normalizeIsbn(e.value) ?? [])
}

export function label(list: { key: string; label: string }[], key: string): string {
  return list.find((e) => e.key === key)?.label ?? key
}

export function dateParts(report: CompiledReport): number[] {
  const { year, month, day } = parsePartialDate(report.published)
  return [year, month, day].filter((n): n is number => n !== undefined)
}

/** Text of the overview without Markdown markup, for formats that carry plain text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A short abstract: the summary, or the overview as plain text. */
export function abstractOf(report: CompiledReport): string | undefined {
  return report.summary ?? (report.description ? plainText(report.description) : undefined)
}

/** BibTeX and RIS call it a book when the catalogue type says so; otherwise a report. */
export function isBook(report: CompiledReport): boolean {
  return /(^|-)books?($|-)/.test(report.type)
}

/**
 * The title a citation carries: the title, then the subtitle after a colon, as library
 * records give it; but a title with a colon of its own already carries its subtitle, and
 * the report's `subtitle` is then a heading of the page (as on the reference report) that a
 * citation would only repeat.
 *
 * @example
 * citationTitle({ title: 'Asia 2050', subtitle: 'Realizing the Asian Century' })
 * // 'Asia 2050: Realizing the Asian Century'
 */
export function citationTitle(report: Pick<CompiledReport, 'title' | 'subtitle'>): string {
  if (!report.subtitle || report.title.includes(':')) return report.title
  return `${report.title}: ${report.subtitle}`
}
