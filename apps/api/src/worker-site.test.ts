// The site worker (src/worker-site.ts, what wrangler.toml deploys) in real workerd through
// `wrangler dev` on a free loopback port: server-rendered pages from the embedded catalogue
// with the catalogue's baseUrl as the public origin, real 404s, robots.txt, the API beside
// them, and the same security headers as on Node. wrangler's [build] builds apps/web first
// when it has not been built.
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { catalogue } from 'colophon-content'
import { bundledSettings } from 'colophon-content/snapshot'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const API_DIR = join(dirname(fileURLToPath(import.meta.url)), '..')
const BASE = bundledSettings(catalogue).baseUrl.replace(/\/+$/, '')
let child: ChildProcess
let origin: string

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

beforeAll(async () => {
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  child = spawn(
    join(API_DIR, 'node_modules', '.bin', 'wrangler'),
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--log-level',
      'warn',
      '--show-interactive-dev-session=false',
    ],
    { cwd: API_DIR, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } },
  )
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  // Ready when the worker answers (wrangler prints its banner before workerd listens).
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`)
    try {
      if ((await fetch(`${origin}/health`)).ok) break
    } catch {}
    await new Promise((done) => setTimeout(done, 500))
  }
}, 180_000)

afterAll(() => {
  child?.kill('SIGTERM')
})

describe('the site worker in workerd', () => {
  it('renders the reference report with its citation tags and Signposting', async () => {
    const response = await fetch(`${origin}/reports/beyond-factory-asia`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    const csp = response.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
    expect(csp).not.toContain('unsafe-inline')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Link')).toContain(
      `<${BASE}/reports/beyond-factory-asia>; rel="cite-as"`,
    )
    const html = await response.text()
    expect(html).toContain('<h1 class="report__title">Beyond Factory Asia')
    expect(html).toContain('<meta name="citation_isbn" content="978-92-9254-048-7"')
    expect(html).toContain(`<link rel="canonical" href="${BASE}/reports/beyond-factory-asia"`)
    expect(html).not.toContain('127.0.0.1')
  })

  it('answers 404 pages, robots.txt, the built assets and the API', async () => {
    const missing = await fetch(`${origin}/no/such/page`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('Page not found')
    const robots = await fetch(`${origin}/robots.txt`)
    expect(robots.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await robots.text()).toContain(`Sitemap: ${BASE}/sitemap.xml`)
    // The dev shell is not an asset: / is the rendered catalogue.
    expect(await (await fetch(`${origin}/`)).text()).toContain('id="colophon-data"')
    const api = await fetch(`${origin}/v1/reports?q=factory`)
    expect(api.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect((await api.json()).items[0].slug).toBe('beyond-factory-asia')
  })
})
