/**
 * Paths the API answers; everything else belongs to the web app (static files with an SPA
 * fallback). wrangler.toml's `run_worker_first` lists the same but /docs/assets/*, which
 * Workers serve as static assets (copied there by scripts/ensure-web-dist.mjs).
 */
export const API_PATHS = [
  '/v1/*',
  '/openapi.json',
  '/docs',
  '/docs/assets/*',
  '/health',
  '/sitemap.xml',
] as const

export function isApiPath(pathname: string): boolean {
  return API_PATHS.some((p) =>
    p.endsWith('/*')
      ? pathname === p.slice(0, -2) || pathname.startsWith(p.slice(0, -1))
      : pathname === p,
  )
}
