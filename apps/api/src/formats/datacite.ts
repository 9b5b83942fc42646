// DataCite Metadata Schema 4 XML: the record a DOI registration agency holds, for reports
// that have a DOI (there is no DataCite record without one).
import { type CompiledReport, isPerson, normalizeIsbn, parsePartialDate } from 'colophon-schema'
import { abstractOf, type FormatContext, isBook, label } from './context.ts'
import { singularLabel } from './library.ts'
import { contentsText } from './mods.ts'
import { element, escapeXml } from './xml.ts'

export const DATACITE_NAMESPACE = 'http://datacite.org/schema/kernel-4'
export const DATACITE_SCHEMA = 'http://schema.datacite.org/meta/kernel-4/metadata.xsd'

/** The report as a DataCite `<resource>`, or undefined when it has no DOI. */
export function toDataCite(report: CompiledReport, ctx: FormatContext): string | undefined {
  const doi = report.identifiers?.doi
  if (!doi) return undefined
  // A record needs a creator: the publisher, as an organization, when no author is named.
  const creators = (report.authors?.length ? report.authors : [{ name: report.publisher }]).map(
    (a) =>
      isPerson(a)
        ? `<creator>${element('creatorName', [a.family, a.given].filter(Boolean).join(', '), ' nameType="Personal"')}${element('givenName', a.given)}${element('familyName', a.family)}${a.orcid ? element('nameIdentifier', `https://orcid.org/${a.orcid}`, ' nameIdentifierScheme="ORCID" schemeURI="https://orcid.org"') : ''}${element('affiliation', a.affiliation)}</creator>`
        : `<creator>${element('creatorName', a.name, ' nameType="Organizational"')}</creator>`,
  )
  const titles = [
    element('title', report.title),
    report.subtitle ? element('title', report.subtitle, ' titleType="Subtitle"') : '',
  ].join('')
  const subjects = (report.topics ?? []).map((t) =>
    element('subject', label(ctx.vocabularies.topics, t)),
  )
  const alternates = [
    ...(report.identifiers?.isbn ?? []).map((e) =>
      element('alternateIdentifier', normalizeIsbn(e.value), ' alternateIdentifierType="ISBN"'),
    ),
    ...(report.identifiers?.issn ?? []).map((e) =>
      element('alternateIdentifier', e.value, ' alternateIdentifierType="ISSN"'),
    ),
    element('alternateIdentifier', ctx.webUrl, ' alternateIdentifierType="URL"'),
  ]
  const descriptions = [
    element('description', abstractOf(report), ' descriptionType="Abstract"'),
    element('description', contentsText(report.contents), ' descriptionType="TableOfContents"'),
    report.series
      ? element(
          'description',
          [label(ctx.vocabularies.series, report.series.key), report.series.number]
            .filter(Boolean)
            .join(', '),
          ' descriptionType="SeriesInformation"',
        )
      : '',
  ].filter(Boolean)
  const parts = [
    element('identifier', doi, ' identifierType="DOI"'),
    `<creators>${creators.join('')}</creators>`,
    `<titles>${titles}</titles>`,
    element('publisher', report.publisher),
    element('publicationYear', String(parsePartialDate(report.published).year)),
    element(
      'resourceType',
      singularLabel(ctx.vocabularies.types, report.type),
      ` resourceTypeGeneral="${isBook(report) ? 'Book' : 'Report'}"`,
    ),
    subjects.length ? `<subjects>${subjects.join('')}</subjects>` : '',
    `<dates>${element('date', report.published, ' dateType="Issued"')}${element('date', report.modified, ' dateType="Updated"')}</dates>`,
    element('language', report.language),
    `<alternateIdentifiers>${alternates.join('')}</alternateIdentifiers>`,
    report.pages ? `<sizes>${element('size', `${report.pages} pages`)}</sizes>` : '',
    report.files?.length
      ? `<formats>${[...new Set(report.files.map((f) => f.mediaType))].map((m) => element('format', m)).join('')}</formats>`
      : '',
    report.edition ? element('version', String(report.edition)) : '',
    report.license ? `<rightsList>${element('rights', report.license)}</rightsList>` : '',
    descriptions.length ? `<descriptions>${descriptions.join('')}</descriptions>` : '',
  ].filter(Boolean)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<resource xmlns="${DATACITE_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${DATACITE_NAMESPACE} ${escapeXml(DATACITE_SCHEMA)}">`,
    ...parts.map((p) => `  ${p}`),
    '</resource>',
    '',
  ].join('\n')
}
