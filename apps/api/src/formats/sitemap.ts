// sitemaps.org XML for the web app's pages.
import type { CatalogueSettings, ReportSummary } from 'colophon-schema'
import { webUrl } from './context.ts'
import { escapeXml } from './xml.ts'

/** Most URLs one sitemap file may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000

/** `/`, `/about` and one `/reports/{slug}` per report, under `settings.baseUrl`. */
export function toSitemap(settings: CatalogueSettings, reports: readonly ReportSummary[]): string {
  const urls = ['/', '/about', ...reports.map((r) => `/reports/${r.slug}`)]
    .slice(0, SITEMAP_LIMIT)
    .map((path) => `  <url><loc>${escapeXml(webUrl(settings, path))}</loc></url>`)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}
