// BibTeX: @techreport for reports, @book for books. Text is escaped for LaTeX; Unicode passes
// through (biber and BibTeX 0.99d+ read UTF-8), LaTeX's special characters do not.
import { type CompiledReport, isPerson, normalizeIsbn, parsePartialDate } from 'colophon-schema'
import { authorName, citationTitle, type FormatContext, isBook, label } from './context.ts'
import { singularLabel } from './library.ts'

/** The one ISBN a book's entry carries: the print edition's, else the first. */
function preferredIsbn(report: CompiledReport): string | undefined {
  const isbns = report.identifiers?.isbn ?? []
  const entry = isbns.find((e) => e.form === 'print') ?? isbns[0]
  return entry && (normalizeIsbn(entry.value) ?? entry.value)
}

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

/**
 * The report as one BibTeX entry keyed by its slug, within biblatex's data model (what
 * `biber --validate-datamodel` checks) and readable by BibTeX parsers with default settings:
 * the month as a number rather than a macro (`apr` is undefined to a parser without
 * BibTeX's predefined strings), an author always (the publisher as a corporate author when
 * the report names none), `isbn` only on a book (a report has none in the data model), one
 * ISBN per entry, the number of pages as `pagetotal`.
 */
export function toBibtex(report: CompiledReport, ctx: FormatContext): string {
  const book = isBook(report)
  const { year, month } = parsePartialDate(report.published)
  const named = report.authors?.length ? report.authors : [{ name: report.publisher }]
  const authors = named
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
    field('author', authors, true),
    field(book ? 'publisher' : 'institution', report.publisher),
    field('year', String(year)),
    month ? field('month', String(month)) : undefined,
    field(
      book ? 'series' : 'type',
      book
        ? report.series && label(ctx.vocabularies.series, report.series.key)
        : singularLabel(ctx.vocabularies.types, report.type),
    ),
    field('number', report.series?.number),
    book ? field('edition', report.edition ? String(report.edition) : undefined) : undefined,
    book ? field('isbn', preferredIsbn(report)) : undefined,
    // doi and url are verbatim fields: not escaped (braces, which would unbalance the entry, dropped).
    field('doi', report.identifiers?.doi?.replace(/[{}]/g, ''), true),
    field('url', ctx.webUrl.replace(/[{}]/g, ''), true),
    field('language', report.language),
    field('pagetotal', report.pages ? String(report.pages) : undefined),
    field('abstract', report.summary),
    field('keywords', keywords.join(', ') || undefined),
  ].filter((f): f is string => f !== undefined)
  return `@${book ? 'book' : 'techreport'}{${report.slug},\n${fields.join(',\n')}\n}\n`
}
