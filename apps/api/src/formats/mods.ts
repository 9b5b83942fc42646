// MODS 3.6 (Library of Congress): the bibliographic record libraries and OAI-PMH harvesters
// read beside Dublin Core, richer in names, identifiers and series.
import { type CompiledReport, type ContentsEntry, isPerson, normalizeIsbn } from 'colophon-schema'
import { abstractOf, type FormatContext, label } from './context.ts'
import { singularLabel } from './library.ts'
import { element, escapeXml } from './xml.ts'

export const MODS_NAMESPACE = 'http://www.loc.gov/mods/v3'
export const MODS_SCHEMA = 'http://www.loc.gov/standards/mods/v3/mods-3-6.xsd'

/** Contents entries flattened to MODS's " -- "-separated table of contents. */
export function contentsText(entries: readonly ContentsEntry[] | undefined): string | undefined {
  const titles: string[] = []
  const walk = (list: readonly ContentsEntry[]) => {
    for (const entry of list) {
      titles.push(entry.title)
      if (entry.children) walk(entry.children)
    }
  }
  walk(entries ?? [])
  return titles.length ? titles.join(' -- ') : undefined
}

const role = (text: string, code: string) =>
  `<role><roleTerm type="text" authority="marcrelator">${text}</roleTerm><roleTerm type="code" authority="marcrelator">${code}</roleTerm></role>`

/** The report as a MODS 3.6 `<mods>` document. */
export function toMods(report: CompiledReport, ctx: FormatContext): string {
  const lines: string[] = []
  const add = (line: string | undefined) => {
    if (line) lines.push(`  ${line}`)
  }
  add(
    `<titleInfo>${element('title', report.title)}${element('subTitle', report.subtitle)}</titleInfo>`,
  )
  for (const a of report.authors ?? []) {
    if (isPerson(a)) {
      add(
        `<name type="personal">${element('namePart', a.family, ' type="family"')}${element('namePart', a.given, ' type="given"')}${a.orcid ? element('nameIdentifier', `https://orcid.org/${a.orcid}`, ' type="orcid"') : ''}${element('affiliation', a.affiliation)}${role('author', 'aut')}</name>`,
      )
    } else {
      add(`<name type="corporate">${element('namePart', a.name)}${role('author', 'aut')}</name>`)
    }
  }
  add('<typeOfResource>text</typeOfResource>')
  add(element('genre', singularLabel(ctx.vocabularies.types, report.type), ' authority="local"'))
  const publishers = [report.publisher, ...(report.copublishers ?? [])]
  add(
    `<originInfo eventType="publication">${publishers.map((p) => element('publisher', p)).join('')}${element('dateIssued', report.published, ' encoding="w3cdtf" keyDate="yes"')}${report.edition ? element('edition', String(report.edition)) : ''}</originInfo>`,
  )
  add(
    `<language><languageTerm type="code" authority="rfc5646">${escapeXml(report.language)}</languageTerm></language>`,
  )
  const media = [...new Set((report.files ?? []).map((f) => f.mediaType))]
  if (report.pages || media.length) {
    add(
      `<physicalDescription>${media.map((m) => element('internetMediaType', m)).join('')}${report.pages ? element('extent', `${report.pages} pages`) : ''}</physicalDescription>`,
    )
  }
  add(element('abstract', abstractOf(report)))
  add(element('tableOfContents', contentsText(report.contents)))
  for (const t of report.topics ?? [])
    add(`<subject>${element('topic', label(ctx.vocabularies.topics, t))}</subject>`)
  for (const c of report.countries ?? [])
    add(`<subject>${element('geographicCode', c, ' authority="iso3166"')}</subject>`)
  if (report.series) {
    add(
      `<relatedItem type="series"><titleInfo>${element('title', label(ctx.vocabularies.series, report.series.key))}${element('partNumber', report.series.number)}</titleInfo></relatedItem>`,
    )
  }
  for (const e of report.identifiers?.isbn ?? []) {
    add(
      element(
        'identifier',
        normalizeIsbn(e.value) ?? e.value,
        ` type="isbn" displayLabel="${escapeXml(e.form)}"`,
      ),
    )
  }
  for (const e of report.identifiers?.issn ?? [])
    add(element('identifier', e.value, ` type="issn" displayLabel="${escapeXml(e.form)}"`))
  add(element('identifier', report.identifiers?.doi, ' type="doi"'))
  add(element('identifier', report.identifiers?.stockNumber, ' type="stock-number"'))
  add(element('identifier', ctx.webUrl, ' type="uri"'))
  add(
    `<location>${element('url', ctx.webUrl, ' usage="primary display" access="object in context"')}${(
      report.files ?? []
    )
      .map((f) => element('url', f.url, ' access="raw object"'))
      .join('')}</location>`,
  )
  add(element('accessCondition', report.license, ' type="use and reproduction"'))
  add(
    `<recordInfo>${element('recordContentSource', ctx.settings.name)}${element('recordChangeDate', report.modified, ' encoding="iso8601"')}${element('recordIdentifier', report.slug)}</recordInfo>`,
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mods xmlns="${MODS_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.6" xsi:schemaLocation="${MODS_NAMESPACE} ${MODS_SCHEMA}">`,
    ...lines,
    '</mods>',
    '',
  ].join('\n')
}
