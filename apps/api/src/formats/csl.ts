// CSL-JSON (Citation Style Language input data): what citation processors and reference
// managers (Zotero, citeproc-js, pandoc) read.
import { type CompiledReport, isPerson } from 'colophon-schema'
import {
  abstractOf,
  citationTitle,
  dateParts,
  type FormatContext,
  isBook,
  isbn13s,
  label,
} from './context.ts'
import { singularLabel } from './library.ts'

export interface CslName {
  family?: string
  given?: string
  literal?: string
}

export interface CslItem {
  id: string
  type: 'report' | 'book'
  title: string
  author?: CslName[]
  issued: { 'date-parts': number[][] }
  publisher?: string
  genre?: string
  'collection-title'?: string
  'collection-number'?: string
  edition?: number
  ISBN?: string
  ISSN?: string
  DOI?: string
  URL: string
  language?: string
  abstract?: string
  'number-of-pages'?: number
  keyword?: string
}

/** The report as CSL-JSON: an array with one item, as the CSL data schema expects. */
export function toCsl(report: CompiledReport, ctx: FormatContext): CslItem[] {
  const item: CslItem = {
    id: report.slug,
    type: isBook(report) ? 'book' : 'report',
    title: citationTitle(report),
    issued: { 'date-parts': [dateParts(report)] },
    publisher: report.publisher,
    URL: ctx.webUrl,
    language: report.language,
  }
  // One item's genre: "Report", not the vocabulary's plural "Reports" (APA prints it); a
  // book's type says it already.
  if (!isBook(report)) item.genre = singularLabel(ctx.vocabularies.types, report.type)
  // A report that names no author is the publisher's own: a corporate author.
  const authors = report.authors?.length ? report.authors : [{ name: report.publisher }]
  item.author = authors.map((a) =>
    isPerson(a) ? { family: a.family, ...(a.given && { given: a.given }) } : { literal: a.name },
  )
  if (report.series) {
    item['collection-title'] = label(ctx.vocabularies.series, report.series.key)
    if (report.series.number) item['collection-number'] = report.series.number
  }
  if (report.edition) item.edition = report.edition
  const isbns = isbn13s(report)
  if (isbns.length) item.ISBN = isbns.join(' ')
  if (report.identifiers?.issn?.length)
    item.ISSN = report.identifiers.issn.map((i) => i.value).join(' ')
  if (report.identifiers?.doi) item.DOI = report.identifiers.doi
  const abstract = abstractOf(report)
  if (abstract) item.abstract = abstract
  if (report.pages) item['number-of-pages'] = report.pages
  if (report.topics?.length)
    item.keyword = report.topics.map((t) => label(ctx.vocabularies.topics, t)).join(', ')
  return [item]
}
