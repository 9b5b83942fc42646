// Simple Dublin Core as OAI-PMH's oai_dc record: what repositories and harvesters read.
import { type CompiledReport, isPerson } from 'colophon-schema'
import {
  abstractOf,
  authorName,
  citationTitle,
  type FormatContext,
  isbn13s,
  label,
} from './context.ts'
import { element } from './xml.ts'

/** The report as an `oai_dc:dc` XML document. */
export function toDublinCore(report: CompiledReport, ctx: FormatContext): string {
  const dc = (name: string, value: string | undefined) => element(`dc:${name}`, value)
  const lines = [
    dc('title', citationTitle(report)),
    ...(report.authors ?? []).map((a) =>
      dc('creator', isPerson(a) ? [a.family, a.given].filter(Boolean).join(', ') : authorName(a)),
    ),
    ...(report.topics ?? []).map((t) => dc('subject', label(ctx.vocabularies.topics, t))),
    dc('description', abstractOf(report)),
    dc('publisher', report.publisher),
    ...(report.copublishers ?? []).map((p) => dc('contributor', p)),
    dc('date', report.published),
    dc('type', 'Text'),
    dc('type', label(ctx.vocabularies.types, report.type)),
    ...(report.files ?? []).map((f) => dc('format', f.mediaType)),
    dc('identifier', ctx.webUrl),
    ...isbn13s(report).map((isbn) => dc('identifier', `urn:isbn:${isbn}`)),
    ...(report.identifiers?.issn ?? []).map((i) => dc('identifier', `urn:issn:${i.value}`)),
    dc('identifier', report.identifiers?.doi && `https://doi.org/${report.identifiers.doi}`),
    dc('language', report.language),
    dc('relation', report.series && label(ctx.vocabularies.series, report.series.key)),
    ...(report.countries ?? []).map((c) => dc('coverage', c)),
    dc('rights', report.license),
  ].filter(Boolean)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">',
    ...lines.map((l) => `  ${l}`),
    '</oai_dc:dc>',
    '',
  ].join('\n')
}
