// @vitest-environment node
// A page that throws while the server renders it: the reader gets a generic 500 page (no
// message, no stack), the error goes to the server's log. The renderer as built
// (dist-server/entry-server.js) over the real API, with the API's answer for one report
// bent so that the report page's body throws (a contents entry that is null).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createApp, EmbeddedStore } from 'colophon-api'
import { catalogue } from 'colophon-content'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { WebHandler, WebHandlerOptions } from './web-handler.ts'

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const SLUG = 'beyond-factory-asia'
let handler: WebHandler

beforeAll(async () => {
  const entry = join(WEB, 'dist-server', 'entry-server.js')
  if (!existsSync(entry))
    throw new Error('apps/web is not built: run `pnpm --filter colophon-web build`')
  const app = createApp({ store: new EmbeddedStore(catalogue), publicUrl: 'https://x.example' })
  const module = (await import(pathToFileURL(entry).href)) as {
    createWebHandler(options: WebHandlerOptions): Promise<WebHandler>
  }
  handler = await module.createWebHandler({
    api: async (request) => {
      const path = new URL(request.url).pathname
      if (path === `/v1/reports/${SLUG}`) {
        const report = await (await app.fetch(request)).json()
        return Response.json({ ...report, contents: [null] })
      }
      if (path === '/v1/reports/broken-api') {
        return new Response('{"title":"Internal Server Error","status":500}', {
          status: 500,
          headers: { 'Content-Type': 'application/problem+json' },
        })
      }
      return app.fetch(request)
    },
    publicUrl: () => 'https://x.example',
    manifest: JSON.parse(readFileSync(join(WEB, 'dist', '.vite', 'manifest.json'), 'utf8')),
    formats: [],
  })
}, 120_000)

afterEach(() => {
  vi.restoreAllMocks()
})

const STACK_FRAME = /\bat [^\n<]*\(?[^\s()<]+:\d+:\d+\)?/

describe('a page that fails on the server', () => {
  it('is a generic 500 page without the error, which goes to the log', async () => {
    const logged: unknown[][] = []
    vi.spyOn(console, 'error').mockImplementation((...args) => {
      logged.push(args)
    })
    const response = await handler(new Request(`http://x.example/reports/${SLUG}`))
    expect(response?.status).toBe(500)
    expect(response?.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(response?.headers.get('Cache-Control')).toBe('no-store')
    const html = (await response?.text()) ?? ''
    expect(html).toContain('<h1>Something went wrong</h1>')
    expect(html).toContain('<meta name="robots" content="noindex">')
    expect(html).not.toMatch(STACK_FRAME)
    expect(html).not.toMatch(/TypeError|Cannot read|null \(reading|entry-server|\.tsx?\b/)
    // The error itself is in the server's log.
    const errors = logged.flat().filter((a): a is Error => a instanceof Error)
    expect(errors.some((e) => e instanceof TypeError && /title/.test(e.message))).toBe(true)
  })

  it('is not cached: the next request renders again (and fails again, the same way)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const again = await handler(new Request(`http://x.example/reports/${SLUG}`))
    expect(again?.status).toBe(500)
    expect(console.error).toHaveBeenCalled()
  })

  it("answers an API's 500 with the same page, not a rejected promise", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await handler(new Request('http://x.example/reports/broken-api'))
    expect(response?.status).toBe(500)
    const html = (await response?.text()) ?? ''
    expect(html).toContain('<h1>Something went wrong</h1>')
    expect(html).not.toContain('Internal Server Error')
    expect(console.error).toHaveBeenCalled()
  })

  it('still renders the other pages', async () => {
    const response = await handler(new Request('http://x.example/about'))
    expect(response?.status).toBe(200)
  })
})
