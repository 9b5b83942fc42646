// BibTeX: @techreport for reports, @book for books. Text is escaped for LaTeX; Unicode passes
// through (biber and BibTeX 0.99d+ read UTF-8), LaTeX's special characters do not.
import { type CompiledReport, isPerson, parsePartialDate } from 'colophon-schema'
import { authorName, citationTitle, type FormatContext, isBook, isbn13s, label } from './context.ts'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
}

/**
 * Escapes LaTeX's special characters.
 *
 * @example
 * escapeBibtex('R&D: 50% of $') // 'R\\&D: 50\\% of \\$'
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (c) => SPECIALS[c] as string).replace(/\s+/g, ' ')
}

function field(name: string, value: string | undefined, raw = false): string | undefined {
  if (value === undefined || value === '') return undefined
  return `  ${name.padEnd(11)} = {${raw ? value : escapeBibtex(value)}}`
}

/** The report as one BibTeX entry keyed by its slug. */
export function toBibtex(report: CompiledReport, ctx: FormatContext): string {
  const book = isBook(report)
  const { year, month } = parsePartialDate(report.published)
  const authors = (report.authors ?? [])
    .map((a) =>
      isPerson(a)
        ? escapeBibtex([a.family, a.given].filter(Boolean).join(', '))
        : // Braces keep an organization's name from being split into first and last names.
          `{${escapeBibtex(authorName(a))}}`,
    )
    .join(' and ')
  const title = citationTitle(report)
  const keywords = (report.topics ?? []).map((t) => label(ctx.vocabularies.topics, t))
  const fields = [
    field('title', `{${escapeBibtex(title)}}`, true),
    authors ? field('author', authors, true) : undefined,
    field(book ? 'publisher' : 'institution', report.publisher),
    field('year', String(year)),
    month ? `  ${'month'.padEnd(11)} = ${MONTHS[month - 1]}` : undefined,
    field(
      book ? 'series' : 'type',
      book
        ? report.series && label(ctx.vocabularies.series, report.series.key)
        : label(ctx.vocabularies.types, report.type),
    ),
    field('number', report.series?.number),
    field('edition', report.edition ? String(report.edition) : undefined),
    field('isbn', isbn13s(report).join(', ') || undefined),
    field('issn', report.identifiers?.issn?.map((i) => i.value).join(', ')),
    // doi and url are verbatim fields: not escaped (braces, which would unbalance the entry, dropped).
    field('doi', report.identifiers?.doi?.replace(/[{}]/g, ''), true),
    field('url', ctx.webUrl.replace(/[{}]/g, ''), true),
    field('language', report.language),
    field('pages', report.pages ? String(report.pages) : undefined),
    field('abstract', report.summary),
    field('keywords', keywords.join(', ') || undefined),
  ].filter((f): f is string => f !== undefined)
  return `@${book ? 'book' : 'techreport'}{${report.slug},\n${fields.join(',\n')}\n}\n`
}
