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
  web = mkdtempSync(join(tmpdir(), 'colophon-web-'))
  mkdirSync(join(web, 'assets'))
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Colophon web</title>')
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log("app")')
  server = await startServer({ store: new FolderStore(fixture.out), port: 0, webDir: web })
})
afterAll(async () => {
  await server?.close()
  fixture.cleanup()
  rmSync(web, { recursive: true, force: true })
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

  it('serves the web app with an SPA fallback, and the API paths before it', async () => {
    const home = await fetch(`${server.url}/`)
    expect(await home.text()).toContain('Colophon web')
    const asset = await fetch(`${server.url}/assets/app.js`)
    expect(await asset.text()).toContain('console.log')
    const route = await fetch(`${server.url}/reports/${REFERENCE_SLUG}`)
    expect(route.status).toBe(200)
    expect(await route.text()).toContain('Colophon web')
    const missingApi = await fetch(`${server.url}/v1/nothing`)
    expect(missingApi.status).toBe(404)
    expect(missingApi.headers.get('Content-Type')).toBe('application/problem+json')
    const sitemap = await fetch(`${server.url}/sitemap.xml`)
    expect(sitemap.headers.get('Content-Type')).toMatch(/xml/)
  })
})
