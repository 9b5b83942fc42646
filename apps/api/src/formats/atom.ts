// An Atom 1.0 feed (RFC 4287) of the newest reports, linking to their pages in the web app.
import type { CatalogueSettings, ReportSummary } from 'colophon-schema'
import { lowerBound } from '../catalogue.ts'
import { authorName, citationTitle, webUrl } from './context.ts'
import { element, escapeXml } from './xml.ts'

/** A partial date as an RFC 3339 timestamp at the start of the period it names. */
export function atomDate(published: string): string {
  return `${lowerBound(published)}T00:00:00Z`
}

/** The feed document for `reports` (newest first). `self` is the feed's own URL. */
export function toAtom(
  settings: CatalogueSettings,
  reports: readonly ReportSummary[],
  self: string,
  typeLabel: (key: string) => string,
): string {
  const home = webUrl(settings, '/')
  // The feed changes when any of its entries does: the latest date of change among them.
  const updated =
    reports.reduce<string | undefined>(
      (max, r) => (max === undefined || r.modified > max ? r.modified : max),
      undefined,
    ) ?? '1970-01-01T00:00:00Z'
  const entries = reports.map((r) => {
    const url = webUrl(settings, `/reports/${r.slug}`)
    const authors = (r.authors ?? []).map(
      (a) => `    <author>${element('name', authorName(a))}</author>`,
    )
    return [
      '  <entry>',
      `    ${element('id', url)}`,
      `    ${element('title', citationTitle(r))}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    ${element('published', atomDate(r.published))}`,
      `    ${element('updated', r.modified)}`,
      ...authors,
      `    <category term="${escapeXml(r.type)}" label="${escapeXml(typeLabel(r.type))}"/>`,
      r.summary ? `    ${element('summary', r.summary)}` : '',
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(settings.language)}">`,
    `  ${element('id', home)}`,
    `  ${element('title', settings.name)}`,
    settings.description ? `  ${element('subtitle', settings.description)}` : '',
    `  ${element('updated', updated)}`,
    `  <author>${element('name', settings.defaultPublisher)}</author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    '  <generator>Colophon</generator>',
    ...entries,
    '</feed>',
    '',
  ]
    .filter(Boolean)
    .join('\n')
}
