// Per-page <title>, meta description and JSON-LD. Each page declares its head reactively;
// the last declaration wins and is removed again when the page goes away.
import { createEffect, onCleanup } from 'solid-js'
import { isServer } from 'solid-js/web'

export interface Head {
  title: string
  description?: string | undefined
  /** A schema.org object, serialized into <script type="application/ld+json">. */
  jsonLd?: object | string | undefined
  /** Keep the page out of search engines (`<meta name="robots" content="noindex">`). */
  noindex?: boolean | undefined
}

export const SITE_NAME = 'Colophon'

function metaDescription(): HTMLMetaElement {
  let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]')
  if (!meta) {
    meta = document.createElement('meta')
    meta.name = 'description'
    document.head.append(meta)
  }
  return meta
}

/** Keeps `</script>` and friends inside a JSON-LD block from ending it early. */
export function serializeJsonLd(data: object | string): string {
  const text = typeof data === 'string' ? data : JSON.stringify(data)
  return text.replace(/</g, '\\u003c')
}

/**
 * Applies a head now (no reactivity); returns a function that removes its JSON-LD. The
 * previous page's own head elements (`data-page`: the server's citation, Open Graph and
 * JSON-LD tags of the first page) go, as they describe another page.
 */
export function applyHead(head: Head): () => void {
  for (const stale of document.head.querySelectorAll('[data-page]')) stale.remove()
  document.title = head.title === SITE_NAME ? SITE_NAME : `${head.title} · ${SITE_NAME}`
  if (head.description) metaDescription().content = head.description
  let robots: HTMLMetaElement | undefined
  if (head.noindex) {
    robots = document.createElement('meta')
    robots.name = 'robots'
    robots.content = 'noindex'
    robots.dataset.page = ''
    document.head.append(robots)
  }
  if (head.jsonLd === undefined) return () => robots?.remove()
  const script = document.createElement('script')
  script.type = 'application/ld+json'
  script.dataset.page = ''
  script.textContent = serializeJsonLd(head.jsonLd)
  document.head.append(script)
  return () => {
    script.remove()
    robots?.remove()
  }
}

/**
 * Sets the document's head from a reactive source for as long as the calling component lives.
 *
 * @example
 * useHead(() => ({ title: report().title, description: report().summary }))
 */
export function useHead(head: () => Head | undefined): void {
  createEffect(() => {
    const value = head()
    if (!value || serverHeadStillTrue()) return
    onCleanup(applyHead(value))
  })
}

/**
 * True while the browser shows the URL the server rendered: its head (with the citation and
 * Open Graph tags the client does not make) is the right one. The first change of URL ends it,
 * for good: coming back to that URL later (Back) finds another page's head, so the page sets
 * its own. On the server, always true.
 */
export function serverHeadStillTrue(): boolean {
  if (isServer) return true
  const root = document.documentElement
  const rendered = root.dataset.rendered
  if (rendered === undefined) return false
  if (rendered === location.pathname + location.search) return true
  delete root.dataset.rendered
  return false
}
