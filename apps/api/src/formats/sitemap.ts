// sitemaps.org XML for the web app's pages.
import type { CatalogueSettings, ReportSummary } from 'colophon-schema'
import { webUrl } from './context.ts'
import { escapeXml } from './xml.ts'

/** Most URLs one sitemap file may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000

/** `/`, `/about` and one `/reports/{slug}` per report, under `settings.baseUrl`. */
export function toSitemap(settings: CatalogueSettings, reports: readonly ReportSummary[]): string {
  const newest = reports.reduce<string | undefined>(
    (max, r) => (max === undefined || r.modified > max ? r.modified : max),
    undefined,
  )
  const pages: [path: string, lastmod: string | undefined][] = [
    ['/', newest],
    ['/about', undefined],
    ...reports.map((r): [string, string] => [`/reports/${r.slug}`, r.modified]),
  ]
  // <lastmod> is each report's date of change; the home page changes with the newest.
  const urls = pages
    .slice(0, SITEMAP_LIMIT)
    .map(
      ([path, lastmod]) =>
        `  <url><loc>${escapeXml(webUrl(settings, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
    )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}
