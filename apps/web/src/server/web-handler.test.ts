// @vitest-environment node
// The server renderer as built (dist-server/entry-server.js, what Node and the Worker run),
// over the real API app in process, on a generated catalogue with authors, DOIs, PDFs and
// series: the head's citation tags, the CSP against the page's real inline script, status
// codes, the per-content-hash cache, 304s and Signposting. `pnpm test` builds first.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createApp } from 'colophon-api'
import { FolderStore } from 'colophon-api/folder-store'
import { build, generateCatalogue, serializeReportFile } from 'colophon-content/node'
import type { CompiledReport } from 'colophon-schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebHandler, WebHandlerOptions } from './web-handler.ts'

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const PUBLIC = 'https://reports.example.org'
const FORMATS = [
  { name: 'json', suffix: '.json', mediaType: 'application/json' },
  { name: 'bibtex', suffix: '.bib', mediaType: 'application/x-bibtex' },
]
const WITHDRAWN = 'withdrawn-study'
let dir: string
let handler: WebHandler
let reports: CompiledReport[]
const apiCalls: string[] = []
/** Set: /health says the content changed (its hash gets this suffix). */
let contentChange = ''

beforeAll(async () => {
  const entry = join(WEB, 'dist-server', 'entry-server.js')
  if (!existsSync(entry))
    throw new Error('apps/web is not built: run `pnpm --filter colophon-web build`')
  dir = await mkdtemp(join(tmpdir(), 'colophon-ssr-'))
  await generateCatalogue(join(dir, 'source'), { count: 40, seed: 14 })
  writeFileSync(
    join(dir, 'source', 'reports', `${WITHDRAWN}.md`),
    serializeReportFile({
      slug: WITHDRAWN,
      title: 'A Study <Withdrawn>',
      published: '2016-05',
      type: 'reports',
      withdrawn: { date: '2024-06', reason: 'Replaced by a corrected edition' },
    }),
  )
  const result = await build({ dir: join(dir, 'source'), out: join(dir, 'compiled') })
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  const app = createApp({ store: new FolderStore(join(dir, 'compiled')), publicUrl: PUBLIC })
  // The reports as the API serves them (the store's layout is the API's business).
  const list = (await (await app.request('/v1/reports?per_page=100')).json()) as {
    items: { slug: string }[]
  }
  reports = await Promise.all(
    list.items.map(
      async (r) => (await (await app.request(`/v1/reports/${r.slug}`)).json()) as CompiledReport,
    ),
  )
  const module = (await import(pathToFileURL(entry).href)) as {
    createWebHandler(options: WebHandlerOptions): Promise<WebHandler>
  }
  handler = await module.createWebHandler({
    api: async (request) => {
      const { pathname } = new URL(request.url)
      apiCalls.push(pathname)
      const response = await app.fetch(request)
      if (pathname !== '/health' || !contentChange) return response
      // A new catalogue, as far as the renderer can tell.
      const health = (await response.json()) as { contentHash: string }
      return Response.json({ ...health, contentHash: `${health.contentHash}-${contentChange}` })
    },
    publicUrl: () => PUBLIC,
    manifest: JSON.parse(readFileSync(join(WEB, 'dist', '.vite', 'manifest.json'), 'utf8')),
    formats: FORMATS,
  })
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

// A forged Host: nothing of it may reach the page.
const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await handler(new Request(`http://evil.example${path}`, { headers }))
  if (!response) throw new Error(`no page for ${path}`)
  return response
}
const metas = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) => m[1])

describe('server-rendered report page', () => {
  it('carries Highwire and Dublin Core tags for every author, identifier and PDF', async () => {
    const report = reports.find(
      (r) =>
        (r.authors?.length ?? 0) > 1 && r.identifiers?.doi && r.files?.length && r.series?.number,
    )
    if (!report) throw new Error('the generated catalogue has no rich report')
    const response = await get(`/reports/${report.slug}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(metas(html, 'citation_title')).toHaveLength(1)
    expect(metas(html, 'citation_author')).toEqual(
      (report.authors ?? []).map((a) =>
        'family' in a ? (a.given ? `${a.family}, ${a.given}` : a.family) : a.name,
      ),
    )
    expect(metas(html, 'citation_publication_date')).toEqual([report.published.replace(/-/g, '/')])
    expect(metas(html, 'citation_doi')).toEqual([report.identifiers?.doi])
    expect(metas(html, 'citation_isbn')).toEqual(
      (report.identifiers?.isbn ?? []).map((i) => i.value),
    )
    expect(metas(html, 'citation_pdf_url')).toEqual(
      (report.files ?? []).filter((f) => f.mediaType === 'application/pdf').map((f) => f.url),
    )
    expect(metas(html, 'citation_abstract_html_url')).toEqual([`${PUBLIC}/reports/${report.slug}`])
    expect(metas(html, 'DC.creator')).toHaveLength(report.authors?.length ?? 0)
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC}/reports/${report.slug}"`)
    expect(html).toContain(
      `<link rel="alternate" type="application/x-bibtex" href="${PUBLIC}/v1/reports/${report.slug}.bib"`,
    )
    expect(html).toContain(`href="${PUBLIC}/feed.atom"`)
    expect(html).not.toContain('evil.example')

    const link = response.headers.get('Link') ?? ''
    expect(link).toContain(`<https://doi.org/${report.identifiers?.doi}>; rel="cite-as"`)
    expect(link).toContain(`<${PUBLIC}/v1/reports/${report.slug}.bib>; rel="describedby"`)
    expect(link).toContain(`<${report.files?.[0]?.url}>; rel="item"`)
  })

  it('allows exactly its inline scripts by hash, and no unsafe-inline', async () => {
    const response = await get(`/reports/${reports[0]?.slug}`)
    const csp = response.headers.get('Content-Security-Policy') ?? ''
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    const html = await response.text()
    // Executable inline scripts: no src, and no data type (JSON, JSON-LD are never run).
    const inline = [
      ...html.matchAll(
        /<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g,
      ),
    ]
    expect(inline.length).toBe(1)
    for (const [, text] of inline) {
      const hash = createHash('sha256')
        .update(text ?? '')
        .digest('base64')
      expect(csp).toContain(`'sha256-${hash}'`)
    }
    expect(html).toMatch(/<script type="application\/json" id="colophon-data">/)
  })

  it('inlines the app stylesheet, allowed by its hash, instead of linking it', async () => {
    const manifest = JSON.parse(
      readFileSync(join(WEB, 'dist', '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, { isEntry?: boolean; css?: string[] }>
    const cssFile = Object.values(manifest).find((c) => c.isEntry)?.css?.[0]
    if (!cssFile) throw new Error('the client build has no stylesheet')
    const built = readFileSync(join(WEB, 'dist', cssFile), 'utf8').trim()
    for (const path of [`/reports/${reports[0]?.slug}`, '/', '/about', '/no/such/page']) {
      const response = await get(path)
      const html = await response.text()
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])
      expect(styles, path).toEqual([built])
      expect(html, path).not.toContain(`href="/${cssFile}"`)
      // No style attributes either: a hash does not cover them.
      expect(html, path).not.toMatch(/<[a-z][^>]*\sstyle=/)
      const csp = response.headers.get('Content-Security-Policy') ?? ''
      const styleSrc = csp.split('; ').find((d) => d.startsWith('style-src '))
      const hash = createHash('sha256').update(built).digest('base64')
      expect(styleSrc, path).toBe(`style-src 'self' 'sha256-${hash}'`)
    }
  })

  it('answers 404 with the app’s page for unknown reports and routes', async () => {
    for (const path of ['/reports/no-such-report', '/no/such/page', '/reports/Not_A_Slug']) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      const html = await response.text()
      expect(html).toContain('<h1>Page not found</h1>')
      expect(html).toContain('<meta name="robots" content="noindex"')
    }
  })

  it("answers 410 with a withdrawn report's page: title, date, reason, not indexed", async () => {
    const response = await get(`/reports/${WITHDRAWN}`)
    expect(response.status).toBe(410)
    const html = await response.text()
    const text = html.replace(/<!--[^>]*-->/g, '')
    expect(text).toMatch(/<h1[^>]*>A Study &lt;Withdrawn(>|&gt;)<\/h1>/)
    expect(text).toContain('This report was withdrawn from the catalogue')
    expect(text).toMatch(/<time[^>]*datetime="2024-06"[^>]*>June 2024<\/time>/i)
    expect(text).toContain('Replaced by a corrected edition')
    expect(html).toContain('<title>A Study &lt;Withdrawn&gt; (withdrawn) · Colophon</title>')
    expect(html).toContain('<meta name="robots" content="noindex"')
    expect(html).not.toContain('rel="canonical"')
    expect(html).not.toContain('citation_title')
    // The tombstone travels with the page: the browser hydrates it without asking again.
    const data = /<script type="application\/json" id="colophon-data">([^<]*)</.exec(html)?.[1]
    expect(data).toContain('Replaced by a corrected edition')
    // A known report, for contrast, is still a 200.
    expect((await get(`/reports/${reports[0]?.slug}`)).status).toBe(200)
  })

  it('renders a page once per content hash, and answers 304 to its ETag', async () => {
    const path = `/reports/${reports[1]?.slug}`
    const first = await get(path)
    apiCalls.length = 0
    const second = await get(path)
    expect(await second.text()).toBe(await first.text())
    expect(apiCalls).toEqual(['/health'])
    const etag = second.headers.get('ETag') as string
    expect((await get(path, { 'If-None-Match': etag })).status).toBe(304)
    expect(second.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate')
  })

  it('asks for the vocabularies once per content hash, not once per page', async () => {
    await get(`/reports/${reports[2]?.slug}`)
    apiCalls.length = 0
    const pages = [`/reports/${reports[3]?.slug}`, '/?q=asia', '/about']
    for (const path of pages) {
      const html = await (await get(path)).text()
      // Still in each page's data block, for the labels of types, series and topics.
      expect(html, path).toMatch(/"vocabularies":\{"types":\[/)
    }
    expect(apiCalls.filter((p) => p === '/v1/vocabularies')).toEqual([])
    try {
      contentChange = 'edited'
      apiCalls.length = 0
      await get(`/reports/${reports[3]?.slug}`)
      await get('/about')
      expect(apiCalls.filter((p) => p === '/v1/vocabularies')).toEqual(['/v1/vocabularies'])
    } finally {
      contentChange = ''
    }
  })
})

describe('other documents of the web origin', () => {
  it('robots.txt is text with the sitemap of the public origin', async () => {
    const response = await get('/robots.txt')
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await response.text()).toContain(`Sitemap: ${PUBLIC}/sitemap.xml`)
  })

  it('has a favicon and the Atom feed at conventional paths', async () => {
    const icon = await get('/favicon.ico')
    expect(icon.headers.get('Content-Type')).toBe('image/svg+xml')
    expect(await icon.text()).toContain('<svg')
    const feed = await get('/feed.atom')
    expect(feed.headers.get('Content-Type')).toMatch(/^application\/atom\+xml/)
    expect(await feed.text()).toContain(`${PUBLIC}/`)
  })

  it('renders a refused query with its status and words, not a loading skeleton', async () => {
    const response = await get('/?page=99')
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('These results end before page <!--$-->99')
    expect(html).not.toContain('class="skeleton"')
  })

  it('renders the catalogue with the list in the page, described as a WebSite', async () => {
    const html = await (await get('/?q=asia')).text()
    expect(html).toContain('<title>“asia”: search · Colophon</title>')
    expect(html).toMatch(/<span role="status">[^<]*for “asia”<\/span>/)
    expect(html).toContain(`"target":"${PUBLIC}/?q={search_term_string}"`)
  })
})
