// The public origin of absolute URLs (JSON-LD set in the browser), as the server was
// configured: never the address bar's host, which may be a mirror or a proxy's name.
import { dataKey, useInitialData } from './initial-data.ts'

export interface Site {
  /** The public URL without a trailing slash (`PUBLIC_URL`, else the catalogue's baseUrl). */
  publicUrl: string
}

/** The configured public URL; in the Vite dev server (no server render), the page's origin. */
export function usePublicUrl(): string {
  const site = useInitialData().peek<Site>(dataKey.site)
  if (site) return site.publicUrl
  return typeof location === 'undefined' ? '' : location.origin
}
