// Every page of the web app as a real HTML page: the route's data fetched from the API in
// process, the body rendered by Solid, the head written for crawlers and citation managers,
// the data serialized for hydration, real status codes, and the pages cached per content
// hash. Web-standard Request → Response, so Node and Workers run the same code.
import faviconSvg from '../../public/favicon.svg?raw'
import { getVocabularies, setFetch } from '../api/client.ts'
import type { Vocabularies } from '../api/types.ts'
import { INITIAL_DATA_ID } from '../lib/initial-data.ts'
import { APP_CSS } from './critical-css.ts'
import { pageEtag } from './etag.ts'
import { type OfferedFormat, pageHead, signpostingLinks } from './head-tags.ts'
import { escapeHtml } from './html.ts'
import { loadPage, type PageData } from './load-page.ts'
import { Lru } from './lru.ts'
import { hydrationScriptText, preloadPages, renderApp } from './render-app.tsx'
import { contentSecurityPolicy, PAGE_HEADERS, scriptHash } from './security-headers.ts'

/** The parts of Vite's build manifest the pages link to. */
export type ViteManifest = Record<
  string,
  { file: string; css?: string[]; imports?: string[]; isEntry?: boolean; src?: string }
>

export interface WebHandlerOptions {
  /** The API, called in process (the Hono app's `fetch`), never over the network. */
  api: (request: Request) => Response | Promise<Response>
  /** The public origin, without a trailing slash (PUBLIC_URL, else the catalogue's baseUrl). */
  publicUrl: () => string
  /** The client build's `.vite/manifest.json`. */
  manifest: ViteManifest
  /** The formats the API serves for a report (alternate links, Signposting). */
  formats: readonly OfferedFormat[]
  /** How many rendered pages to keep (per content hash); default 500. */
  cacheSize?: number
}

/** Answers a request for a page, robots.txt, the favicon or the feed; undefined otherwise. */
export type WebHandler = (request: Request) => Promise<Response | undefined>

interface Rendered {
  status: number
  body: string
  etag: string
  link?: string
}

/** Where API calls go: an internal origin (the API's absolute URLs come from its own config). */
const INTERNAL = 'http://colophon.internal'

const PAGE_CHUNKS: Record<string, string> = {
  catalogue: 'src/pages/catalogue.tsx',
  report: 'src/pages/report.tsx',
  withdrawn: 'src/pages/report.tsx',
  about: 'src/pages/about.tsx',
}

function closure(manifest: ViteManifest, key: string, into: Set<string>, css: Set<string>): void {
  const chunk = manifest[key]
  if (!chunk || into.has(chunk.file)) return
  into.add(chunk.file)
  for (const file of chunk.css ?? []) css.add(file)
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into, css)
}

/**
 * The stylesheets, entry script and preloads of one kind of page. The entry's own stylesheet
 * (the app's, APP_CSS) is inlined as a `<style>`; any other is linked.
 */
function assetTags(
  manifest: ViteManifest,
  page: PageData['page'],
): { head: string; entry: string; stylesheets: string } {
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  const entry = entryKey ? manifest[entryKey] : undefined
  if (!entryKey || !entry) throw new Error('the web manifest has no entry: build apps/web first')
  const scripts = new Set<string>()
  const css = new Set<string>()
  closure(manifest, entryKey, scripts, css)
  const pageKey = PAGE_CHUNKS[page]
  if (pageKey) closure(manifest, pageKey, scripts, css)
  scripts.delete(entry.file)
  const linked = [...css].map((file) => `<link rel="stylesheet" href="/${escapeHtml(file)}">`)
  // The entry's one stylesheet is app.css, built; a test checks APP_CSS is that file's text.
  const inlined = entry.css?.length === 1 ? entry.css[0] : undefined
  const styles = [...css].map((file) =>
    file === inlined
      ? `<style>${APP_CSS}</style>`
      : `<link rel="stylesheet" href="/${escapeHtml(file)}">`,
  )
  const head = [
    ...styles,
    ...[...scripts].map((file) => `<link rel="modulepreload" href="/${escapeHtml(file)}">`),
  ].join('\n')
  return {
    head,
    entry: `<script type="module" src="/${escapeHtml(entry.file)}"></script>`,
    stylesheets: linked.join('\n'),
  }
}

function robots(publicUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${publicUrl}/sitemap.xml\n`
}

/**
 * Builds the handler. Call once per process; it routes the web app's API client to `api`.
 *
 * @example
 * const web = await createWebHandler({ api: app.fetch, publicUrl: () => url, manifest, formats })
 * const response = (await web(request)) ?? (await app.fetch(request))
 */
export async function createWebHandler(options: WebHandlerOptions): Promise<WebHandler> {
  setFetch(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    return options.api(new Request(new URL(url, INTERNAL), init))
  })
  await preloadPages()
  const hydration = hydrationScriptText()
  if (/<\/style/i.test(APP_CSS))
    throw new Error('the app stylesheet cannot be inlined: it holds </style')
  const csp = contentSecurityPolicy([await scriptHash(hydration)], [], [await scriptHash(APP_CSS)])
  const cache = new Lru<string, Rendered>(options.cacheSize ?? 500)
  const assets = {
    catalogue: assetTags(options.manifest, 'catalogue'),
    report: assetTags(options.manifest, 'report'),
    about: assetTags(options.manifest, 'about'),
    'not-found': assetTags(options.manifest, 'not-found'),
    withdrawn: assetTags(options.manifest, 'withdrawn'),
  }

  const contentHash = async (): Promise<string> => {
    const response = await options.api(new Request(`${INTERNAL}/health`))
    if (!response.ok) throw new Error(`the API's /health answered ${response.status}`)
    return ((await response.json()) as { contentHash: string }).contentHash
  }

  const jsonLdOf = async (slug: string): Promise<string | undefined> => {
    const response = await options.api(
      new Request(`${INTERNAL}/v1/reports/${encodeURIComponent(slug)}.jsonld`),
    )
    return response.ok ? response.text() : undefined
  }

  // The vocabularies (labels and counts of types, series and topics) are the same for every
  // page of one catalogue: fetched once per content hash, not once per page.
  let vocabularies: { key: string; value: Promise<Vocabularies> } | undefined
  const vocabulariesFor = (key: string) => (): Promise<Vocabularies> => {
    if (vocabularies?.key !== key) {
      const value = getVocabularies()
      const entry = { key, value }
      vocabularies = entry
      // A failure is not kept: the next page asks again.
      value.catch(() => {
        if (vocabularies === entry) vocabularies = undefined
      })
    }
    return vocabularies.value
  }

  async function render(url: URL, key: string): Promise<Rendered> {
    const publicUrl = options.publicUrl()
    const path = url.pathname + url.search
    const data = await loadPage(url, { publicUrl }, { vocabularies: vocabulariesFor(key) })
    const jsonLd = data.page === 'report' ? await jsonLdOf(data.report.slug) : undefined
    const head = pageHead(data, { publicUrl, path, formats: options.formats, jsonLd })
    const body = renderApp(path, data.initial)
    const tags = assets[data.page]
    const html = `<!doctype html>
<html lang="en" data-rendered="${escapeHtml(path)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
${head.html}
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${tags.head}
<script>${hydration}</script>
</head>
<body>
<div id="root">${body}</div>
<script type="application/json" id="${INITIAL_DATA_ID}">${data.initial.serialize()}</script>
${tags.entry}
</body>
</html>
`
    return {
      status: data.status,
      body: html,
      // Once per rendered page: it is cached with the page.
      etag: pageEtag(html),
      ...(data.page === 'report' && {
        link: signpostingLinks(data.report, publicUrl, options.formats),
      }),
    }
  }

  // What a reader gets when a page cannot be rendered: no message, no stack (those are logged).
  // The stylesheet linked: this page is rare and small, and need not carry it.
  const stylesheets = assets['not-found'].stylesheets
  const failedPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Something went wrong · Colophon</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${stylesheets}
</head>
<body>
<main id="main" class="not-found">
<p class="eyebrow">500</p>
<h1>Something went wrong</h1>
<p class="lede">This page could not be shown. The problem has been logged; please try again later.</p>
<ul class="not-found__next"><li><a href="/">Browse all reports</a></li></ul>
</main>
</body>
</html>
`

  function failed(request: Request): Response {
    return new Response(request.method === 'HEAD' ? null : failedPage, {
      status: 500,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': csp,
        ...PAGE_HEADERS,
      },
    })
  }

  function pageResponse(request: Request, page: Rendered): Response {
    const headers = new Headers({
      'Content-Type': 'text/html; charset=utf-8',
      // Revalidated at every use: a new catalogue shows at once, an unchanged one costs a 304.
      'Cache-Control': 'public, max-age=0, must-revalidate',
      ETag: page.etag,
      Vary: 'Accept-Encoding',
      'Content-Security-Policy': csp,
      ...PAGE_HEADERS,
    })
    if (page.link) headers.set('Link', page.link)
    const match = request.headers.get('if-none-match')
    if (page.status === 200 && match?.split(/\s*,\s*/).includes(page.etag)) {
      return new Response(null, { status: 304, headers })
    }
    return new Response(request.method === 'HEAD' ? null : page.body, {
      status: page.status,
      headers,
    })
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
    const url = new URL(request.url)
    const publicUrl = options.publicUrl()
    if (url.pathname === '/robots.txt') {
      return new Response(robots(publicUrl), {
        headers: {
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'public, max-age=3600',
        },
      })
    }
    if (url.pathname === '/favicon.ico' || url.pathname === '/favicon.svg') {
      return new Response(faviconSvg, {
        headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' },
      })
    }
    if (url.pathname === '/feed.atom') {
      return options.api(new Request(`${INTERNAL}/v1/feed.atom`, { headers: request.headers }))
    }
    let hash: string
    try {
      hash = await contentHash()
    } catch (error) {
      console.error(error)
      return new Response('The catalogue cannot be read just now.', {
        status: 503,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' },
      })
    }
    const key = `${hash}\n${publicUrl}\n${url.pathname}${url.search}`
    let page = cache.get(key)
    if (!page) {
      try {
        page = await render(url, `${hash}\n${publicUrl}`)
      } catch (error) {
        console.error(`rendering ${url.pathname}${url.search} failed:`, error)
        return failed(request)
      }
      cache.set(key, page)
    }
    return pageResponse(request, page)
  }
}
