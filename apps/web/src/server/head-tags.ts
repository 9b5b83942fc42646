// The head of each server-rendered page: what crawlers, Google Scholar (Highwire
// `citation_*`), Zotero (Highwire, Dublin Core, Open Graph) and link previews (Open Graph,
// Twitter) read, since none of them runs the app's JavaScript.
import { type Author, type CompiledReport, formatPartialDate } from 'colophon-schema'
import type { Vocabularies } from '../api/types.ts'
import { describeReport } from '../lib/describe.ts'
import { SITE_NAME, serializeJsonLd } from '../lib/head.ts'
import { labelFrom } from '../lib/labels.ts'
import { escapeHtml, link, meta } from './html.ts'
import type { PageData } from './load-page.ts'

/** A format the API serves for every report (from the API's own list). */
export interface OfferedFormat {
  name: string
  /** After the slug: `.bib`, `.csl.json`… */
  suffix: string
  mediaType: string
}

export interface HeadContext {
  publicUrl: string
  /** Path and query of the page as requested. */
  path: string
  formats: readonly OfferedFormat[]
  /** The report's JSON-LD text, from the API. */
  jsonLd?: string | undefined
}

/** Types that Google Scholar treats as technical reports (institution and number tags). */
const REPORT_TYPES = new Set([
  'reports',
  'working-papers',
  'papers-and-briefs',
  'evaluation-reports',
  'technical-reports',
  'discussion-papers',
])

/** `2013`, `2013/04`, `2013/04/15`: Highwire's date, to the precision the report has. */
export function highwireDate(published: string): string {
  return published.replace(/-/g, '/')
}

function highwireAuthor(author: Author): string {
  if ('family' in author) return author.given ? `${author.family}, ${author.given}` : author.family
  return author.name
}

/** The canonical URL of a page path. */
export function canonicalUrl(publicUrl: string, path: string): string {
  return `${publicUrl}${path}`
}

export function reportPath(slug: string): string {
  return `/reports/${encodeURIComponent(slug)}`
}

export function apiReportUrl(publicUrl: string, slug: string, suffix = ''): string {
  return `${publicUrl}/v1/reports/${encodeURIComponent(slug)}${suffix}`
}

function absolute(publicUrl: string, url: string): string {
  return new URL(url, `${publicUrl}/`).href
}

/** Highwire and Dublin Core tags of one report. */
export function citationTags(
  report: CompiledReport,
  vocabularies: Vocabularies | undefined,
  publicUrl: string,
  description: string,
): string[] {
  const tags: string[] = []
  const add = (key: string, value: string | undefined) => {
    if (value) tags.push(meta('name', key, value))
  }
  const ids = report.identifiers
  const pageUrl = canonicalUrl(publicUrl, reportPath(report.slug))
  add('citation_title', report.title)
  for (const author of report.authors ?? []) add('citation_author', highwireAuthor(author))
  add('citation_publication_date', highwireDate(report.published))
  add('citation_publisher', report.publisher)
  for (const isbn of ids?.isbn ?? []) add('citation_isbn', isbn.value)
  for (const issn of ids?.issn ?? []) add('citation_issn', issn.value)
  add('citation_doi', ids?.doi)
  for (const file of report.files ?? []) {
    if (file.mediaType === 'application/pdf') add('citation_pdf_url', absolute(publicUrl, file.url))
  }
  add('citation_language', report.language)
  add('citation_abstract_html_url', pageUrl)
  const keywords = (report.topics ?? []).map((t) => labelFrom(vocabularies, 'topics', t))
  if (keywords.length) add('citation_keywords', keywords.join('; '))
  if (REPORT_TYPES.has(report.type)) {
    add('citation_technical_report_institution', report.publisher)
    add('citation_technical_report_number', report.series?.number ?? ids?.stockNumber)
  }
  if (report.series)
    add('citation_series_title', labelFrom(vocabularies, 'series', report.series.key))

  // As the API's citations do: the subtitle only when the title has none of its own.
  const fullTitle =
    report.subtitle && !report.title.includes(':')
      ? `${report.title}: ${report.subtitle}`
      : report.title
  add('DC.title', fullTitle)
  for (const author of report.authors ?? []) add('DC.creator', highwireAuthor(author))
  add('DC.date', report.published)
  add('DC.publisher', report.publisher)
  add('DC.language', report.language)
  add('DC.type', 'Text')
  add('DC.description', description)
  for (const isbn of ids?.isbn ?? [])
    add('DC.identifier', `urn:isbn:${isbn.value.replace(/-/g, '')}`)
  if (ids?.doi) add('DC.identifier', `https://doi.org/${ids.doi}`)
  for (const keyword of keywords) add('DC.subject', keyword)
  return tags
}

/** Title, description, canonical, Open Graph, Twitter, alternates: the whole `<head>` body. */
export function pageHead(data: PageData, ctx: HeadContext): { title: string; html: string } {
  const vocabularies = data.initial.peek<Vocabularies>('vocabularies')
  let title = SITE_NAME
  let description =
    'Browse and search institutional research reports: filter by type, year, topic and country, and cite them.'
  let path = ctx.path
  let ogType = 'website'
  const extra: string[] = []
  let jsonLd: string | undefined
  let indexable = true

  if (data.page === 'catalogue') {
    // One canonical page for the catalogue's default view; searches point at themselves.
    if (data.q) title = `“${data.q}”: search · ${SITE_NAME}`
    if (data.status !== 200) indexable = false
    jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: SITE_NAME,
      url: `${ctx.publicUrl}/`,
      potentialAction: {
        '@type': 'SearchAction',
        target: `${ctx.publicUrl}/?q={search_term_string}`,
        'query-input': 'required name=search_term_string',
      },
    })
  } else if (data.page === 'report') {
    const report = data.report
    path = reportPath(report.slug)
    title = `${report.title} · ${SITE_NAME}`
    description = describeReport(report, `${report.title}, ${formatPartialDate(report.published)}.`)
    ogType = 'article'
    extra.push(...citationTags(report, vocabularies, ctx.publicUrl, description))
    extra.push(meta('property', 'article:published_time', report.published))
    for (const format of ctx.formats) {
      extra.push(
        `${link({
          rel: 'alternate',
          type: format.mediaType,
          href: apiReportUrl(ctx.publicUrl, report.slug, format.suffix),
          title: format.name,
        }).slice(0, -1)} data-page>`,
      )
    }
    jsonLd = ctx.jsonLd
  } else if (data.page === 'about') {
    title = `About · ${SITE_NAME}`
    description =
      'About this catalogue of institutional research reports: what it holds and how to use its data.'
    jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'AboutPage',
      name: `About ${data.health.name}`,
      url: `${ctx.publicUrl}/about`,
    })
  } else if (data.page === 'withdrawn') {
    const w = data.withdrawal
    title = `${w.title} (withdrawn) · ${SITE_NAME}`
    description = `This report was withdrawn (${formatPartialDate(w.date)}): ${w.reason}`
    indexable = false
  } else {
    title = `Page not found · ${SITE_NAME}`
    description = 'There is no page at this address in the catalogue.'
    indexable = false
  }

  const canonical = canonicalUrl(ctx.publicUrl, path)
  const lines = [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(description)}">`,
    indexable
      ? `${link({ rel: 'canonical', href: canonical }).slice(0, -1)} data-page>`
      : meta('name', 'robots', 'noindex'),
    meta('property', 'og:type', ogType),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:title', title.replace(` · ${SITE_NAME}`, '')),
    meta('property', 'og:description', description),
    meta('property', 'og:url', canonical),
    meta('name', 'twitter:card', 'summary'),
    meta('name', 'twitter:title', title.replace(` · ${SITE_NAME}`, '')),
    meta('name', 'twitter:description', description),
    ...extra,
    link({
      rel: 'alternate',
      type: 'application/atom+xml',
      href: `${ctx.publicUrl}/feed.atom`,
      title: `${SITE_NAME}: new reports`,
    }),
    link({ rel: 'sitemap', type: 'application/xml', href: `${ctx.publicUrl}/sitemap.xml` }),
  ]
  if (jsonLd) {
    lines.push(`<script type="application/ld+json" data-page>${serializeJsonLd(jsonLd)}</script>`)
  }
  return { title, html: lines.join('\n') }
}

/**
 * FAIR Signposting (signposting.org) for a report page: its persistent identifier
 * (`cite-as`), its metadata records (`describedby`) and its files (`item`).
 */
export function signpostingLinks(
  report: CompiledReport,
  publicUrl: string,
  formats: readonly OfferedFormat[],
): string {
  const links: string[] = []
  const cite = report.identifiers?.doi
    ? `https://doi.org/${report.identifiers.doi}`
    : canonicalUrl(publicUrl, reportPath(report.slug))
  links.push(`<${cite}>; rel="cite-as"`)
  for (const format of formats) {
    if (format.name === 'json') continue
    links.push(
      `<${apiReportUrl(publicUrl, report.slug, format.suffix)}>; rel="describedby"; type="${format.mediaType}"`,
    )
  }
  for (const file of report.files ?? []) {
    links.push(`<${absolute(publicUrl, file.url)}>; rel="item"; type="${file.mediaType}"`)
  }
  links.push(
    '<https://schema.org/Report>; rel="type"',
    '<https://schema.org/AboutPage>; rel="type"',
  )
  return links.join(', ')
}
