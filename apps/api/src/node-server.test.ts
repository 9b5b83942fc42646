// The Node entry over a real socket on an ephemeral loopback port.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from './node-server.ts'
import { FolderStore } from './store/folder.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from './test-support/fixture.ts'

let fixture: Fixture
let server: RunningServer
let web: string

beforeAll(async () => {
  fixture = await buildFixture()
  // A built web app's shape: dist/ with hashed assets and a manifest, and a renderer module
  // (apps/web's own is tested in apps/web; here, the Node host's wiring around one).
  const root = mkdtempSync(join(tmpdir(), 'colophon-web-'))
  web = join(root, 'dist')
  mkdirSync(join(web, 'assets'), { recursive: true })
  mkdirSync(join(web, '.vite'))
  mkdirSync(join(root, 'dist-server'))
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>dev shell</title>')
  writeFileSync(join(web, 'assets', 'app-1a2b3c.js'), `console.log("${'app '.repeat(600)}")`)
  writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(
    join(web, '.vite', 'manifest.json'),
    '{"index.html":{"file":"assets/app-1a2b3c.js","isEntry":true}}',
  )
  writeFileSync(
    join(root, 'dist-server', 'entry-server.js'),
    `export async function createWebHandler({ api, publicUrl, manifest, formats }) {
      return async (request) => {
        const path = new URL(request.url).pathname
        if (path === '/robots.txt') return new Response('Sitemap: ' + publicUrl() + '/sitemap.xml')
        const health = await (await api(new Request('http://internal/health'))).json()
        const body = '<!doctype html><title>' + health.name + '</title>' + path + ' ' +
          manifest['index.html'].file + ' ' + formats.map((f) => f.suffix).join(' ') + ' '.repeat(2000)
        return new Response(body, {
          status: path === '/' || path.startsWith('/reports/') ? 200 : 404,
          headers: { 'Content-Type': 'text/html; charset=utf-8', ETag: '"page"' },
        })
      }
    }\n`,
  )
  server = await startServer({ store: new FolderStore(fixture.out), port: 0, webDir: web })
})
afterAll(async () => {
  await server?.close()
  fixture.cleanup()
  rmSync(join(web, '..'), { recursive: true, force: true })
})

describe('Node server', () => {
  it('listens on 127.0.0.1 and serves the API', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await fetch(`${server.url}/v1/reports?q=factory`)
    expect(res.status).toBe(200)
    expect((await res.json()).items[0].slug).toBe(REFERENCE_SLUG)
  })

  it('follows an ISBN redirect to the report and its BibTeX', async () => {
    const res = await fetch(`${server.url}/v1/isbn/978-92-9254-048-7`)
    expect(res.redirected).toBe(true)
    expect(res.url).toBe(`${server.url}/v1/reports/${REFERENCE_SLUG}`)
    const bib = await fetch(`${server.url}/v1/reports/${REFERENCE_SLUG}`, {
      headers: { Accept: 'application/x-bibtex' },
    })
    expect(await bib.text()).toMatch(/^@techreport\{beyond-factory-asia,/)
  })

  it('answers HEAD, 304 and problem+json over the wire', async () => {
    const head = await fetch(`${server.url}/v1/reports/${REFERENCE_SLUG}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    const etag = head.headers.get('ETag') as string
    const cached = await fetch(`${server.url}/v1/reports/${REFERENCE_SLUG}`, {
      headers: { 'If-None-Match': etag },
    })
    expect(cached.status).toBe(304)
    const bad = await fetch(`${server.url}/v1/reports?per_page=0`)
    expect(bad.status).toBe(400)
    expect(bad.headers.get('Content-Type')).toBe('application/problem+json')
    const post = await fetch(`${server.url}/v1/reports`, { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
  })

  it('renders pages with the web renderer, the API in process and the public URL', async () => {
    const home = await fetch(`${server.url}/`)
    const text = await home.text()
    expect(text).toContain(`<title>${fixture.catalogue.settings.name}</title>`)
    expect(text).toContain('assets/app-1a2b3c.js')
    expect(text).toContain('.bib .ris')
    // The dev shell is never served in place of a rendered page.
    expect(text).not.toContain('dev shell')
    const route = await fetch(`${server.url}/reports/${REFERENCE_SLUG}`)
    expect(route.status).toBe(200)
    expect((await fetch(`${server.url}/no/such/page`)).status).toBe(404)
    const robots = await fetch(`${server.url}/robots.txt`, { headers: { Host: 'evil.example' } })
    expect(await robots.text()).toBe(`Sitemap: ${server.url}/sitemap.xml`)
  })

  it('caches hashed assets for a year, immutable, and compresses text with br or gzip', async () => {
    const asset = await fetch(`${server.url}/assets/app-1a2b3c.js`, {
      headers: { 'Accept-Encoding': 'br' },
    })
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('Content-Encoding')).toBe('br')
    expect(asset.headers.get('Vary')).toBe('Accept-Encoding')
    expect(await asset.text()).toContain('console.log')
    const gz = await fetch(`${server.url}/assets/app-1a2b3c.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(gz.headers.get('Content-Encoding')).toBe('gzip')
    const icon = await fetch(`${server.url}/favicon.svg`)
    expect(icon.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate')
    const page = await fetch(`${server.url}/`, { headers: { 'Accept-Encoding': 'gzip, br' } })
    expect(page.headers.get('Content-Encoding')).toBe('br')
    expect(page.headers.get('ETag')).toBe('"page"')
    const api = await fetch(`${server.url}/v1/reports`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(api.headers.get('Content-Encoding')).toBe('gzip')
    expect((await api.json()).items.length).toBeGreaterThan(0)
    const plain = await fetch(`${server.url}/`, { headers: { 'Accept-Encoding': 'identity' } })
    expect(plain.headers.get('Content-Encoding')).toBeNull()
    const missingApi = await fetch(`${server.url}/v1/nothing`)
    expect(missingApi.status).toBe(404)
    expect(missingApi.headers.get('Content-Type')).toBe('application/problem+json')
    const sitemap = await fetch(`${server.url}/sitemap.xml`)
    expect(sitemap.headers.get('Content-Type')).toMatch(/xml/)
    for (const init of [{}, { method: 'POST', body: new URLSearchParams({ verb: 'Identify' }) }]) {
      const oai = await fetch(`${server.url}/oai${'method' in init ? '' : '?verb=Identify'}`, init)
      expect(await oai.text()).toContain(`<baseURL>${server.url}/oai</baseURL>`)
    }
  })
})
