// Solid's own server renderer over the same App the browser hydrates.
import { generateHydrationScript, renderToString } from 'solid-js/web'
import { About, App, Catalogue, ReportPage } from '../app.tsx'
import type { InitialData } from '../lib/initial-data.ts'
import { collectRenderErrors } from '../lib/render-errors.ts'

/** Loads the lazy pages once, so renderToString renders them synchronously. */
export async function preloadPages(): Promise<void> {
  await Promise.all([Catalogue.preload(), ReportPage.preload(), About.preload()])
}

/**
 * The body markup of one page, rendered from data fetched beforehand. Throws what a page threw
 * (an error boundary does not print it into the page on the server).
 */
export function renderApp(url: string, initial: InitialData): string {
  return collectRenderErrors(() => renderToString(() => <App url={url} initial={initial} />))
}

/** Solid's hydration bootstrap, the one inline script of a page: its text (for the CSP hash). */
export function hydrationScriptText(): string {
  const tag = generateHydrationScript()
  const match = /^<script[^>]*>([\s\S]*)<\/script>(?:<!--xs-->)?$/.exec(tag)
  if (!match?.[1]) throw new Error(`unexpected hydration script: ${tag.slice(0, 80)}`)
  return match[1]
}
