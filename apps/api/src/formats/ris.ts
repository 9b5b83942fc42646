// RIS (Research Information Systems): one tag per line, `TY` first and `ER` last, CRLF.
import { type CompiledReport, isPerson, parsePartialDate } from 'colophon-schema'
import {
  abstractOf,
  authorName,
  citationTitle,
  type FormatContext,
  isBook,
  isbn13s,
  label,
} from './context.ts'

function line(tag: string, value: string | undefined): string[] {
  if (value === undefined || value === '') return []
  // A tag's value is one line; RIS has no escaping, so line breaks become spaces.
  return [`${tag}  - ${value.replace(/\s+/g, ' ').trim()}`]
}

/** The report as one RIS record (`TY  - RPRT` or `BOOK`). */
export function toRis(report: CompiledReport, ctx: FormatContext): string {
  const { year, month, day } = parsePartialDate(report.published)
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'))
  const lines = [
    ...line('TY', isBook(report) ? 'BOOK' : 'RPRT'),
    ...line('ID', report.slug),
    ...line('TI', citationTitle(report)),
    ...(report.authors ?? []).flatMap((a) =>
      line('AU', isPerson(a) ? [a.family, a.given].filter(Boolean).join(', ') : authorName(a)),
    ),
    ...line('PY', String(year)),
    ...line('DA', `${year}/${pad(month)}/${pad(day)}/`),
    ...line('PB', report.publisher),
    ...line('T3', report.series && label(ctx.vocabularies.series, report.series.key)),
    ...line('VL', report.series?.number),
    ...line('ET', report.edition ? String(report.edition) : undefined),
    ...isbn13s(report).flatMap((isbn) => line('SN', isbn)),
    ...(report.identifiers?.issn ?? []).flatMap((issn) => line('SN', issn.value)),
    ...line('DO', report.identifiers?.doi),
    ...line('UR', ctx.webUrl),
    ...line('LA', report.language),
    ...line('AB', abstractOf(report)),
    ...(report.topics ?? []).flatMap((t) => line('KW', label(ctx.vocabularies.topics, t))),
    ...(report.files ?? []).flatMap((f) => line('L1', f.url)),
    ...line('M3', label(ctx.vocabularies.types, report.type)),
  ]
  return `${lines.join('\r\n')}\r\nER  - \r\n`
}
