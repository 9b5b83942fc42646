// /docs in real Chromium (Debian's, through playwright-core) served by the Node server, with
// every request to a host other than the loopback refused: the page still renders every
// operation, nothing tried to reach another host, and the page's CSP blocked nothing.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../node-server.ts'
import { FolderStore } from '../store/folder.ts'
import { buildFixture, type Fixture } from '../test-support/fixture.ts'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

let fixture: Fixture
let server: RunningServer

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`,
    )
  }
  fixture = await buildFixture()
  server = await startServer({ store: new FolderStore(fixture.out), port: 0 })
})
afterAll(async () => {
  await server?.close()
  fixture?.cleanup()
})

describe('/docs offline', () => {
  it('lists every operation with only the loopback reachable', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    try {
      const context = await browser.newContext()
      const refused: string[] = []
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url())
        if (
          (url.protocol === 'http:' || url.protocol === 'https:') &&
          !LOOPBACK.has(url.hostname)
        ) {
          refused.push(url.href)
          return route.abort('blockedbyclient')
        }
        return route.continue()
      })
      const page = await context.newPage()
      const problems: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text())
      })
      page.on('pageerror', (error) => problems.push(error.message))
      const response = await page.goto(`${server.url}/docs`)
      expect(response?.status()).toBe(200)

      const doc = await (await fetch(`${server.url}/openapi.json`)).json()
      const operations = Object.values(doc.paths as Record<string, object>).flatMap((methods) =>
        Object.keys(methods),
      ).length
      const blocks = page.locator('.opblock')
      await blocks.nth(operations - 1).waitFor({ state: 'attached' })
      expect(await blocks.count()).toBe(operations)
      await expect
        .poll(() => page.locator('.opblock-summary-path').allTextContents())
        .toContain('/v1/reports/{slug}')
      expect(await page.locator('.info .title').textContent()).toContain('Colophon API')

      expect(refused).toEqual([])
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  }, 120_000)
})
