// A withdrawn report in Chromium, over the real Node server: its URL answers 410 with a page
// that says so (title, date, reason, not indexed), and a reader who follows a link to it
// inside the app (client-side navigation, no new document) gets the same page. The pages that
// are not indexed (410, 404) say so in the head only while they are shown: the robots tag
// goes when the reader moves on inside the app, and comes with them when the reader comes
// back to one (the browser's Back button).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, generateCatalogue, serializeReportFile } from 'colophon-content/node'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiServer, type Browser, goto, launchBrowser, startApi } from './support.ts'

const WITHDRAWN = 'withdrawn-study'
const LINKING = 'errata-notice'
const TITLE = 'A Study of Things Withdrawn'
const REASON = 'Replaced by a corrected edition'
let dir: string
let api: ApiServer
let browser: Browser

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'colophon-web-e2e-withdrawn-'))
  const source = join(dir, 'source')
  await generateCatalogue(source, { count: 5, seed: 3 })
  await writeFile(
    join(source, 'reports', `${WITHDRAWN}.md`),
    serializeReportFile({
      slug: WITHDRAWN,
      title: TITLE,
      published: '2016-05',
      type: 'reports',
      withdrawn: { date: '2024-06', reason: REASON },
    }),
  )
  await writeFile(
    join(source, 'reports', `${LINKING}.md`),
    serializeReportFile(
      { slug: LINKING, title: 'Errata Notice', published: '2024-06', type: 'reports' },
      `This notice replaces [the withdrawn study](/reports/${WITHDRAWN}).`,
    ),
  )
  const result = await build({ dir: source, out: join(dir, 'compiled') })
  if (!result.ok) throw new Error(`catalogue did not compile: ${JSON.stringify(result.problems)}`)
  api = await startApi({ catalogueDir: join(dir, 'compiled') })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await api?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const robotsOf = (page: Page) =>
  page
    .locator('meta[name="robots"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('content')))

/** Marks the document; `sameDocument` is true while no full page load has happened since. */
const markDocument = (page: Page) =>
  page.evaluate(() => {
    ;(window as { sameDocument?: boolean }).sameDocument = true
  })
const sameDocument = (page: Page) =>
  page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument === true)

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()

async function expectWithdrawnPage(page: Page) {
  await page.locator('.withdrawn h1').waitFor()
  expect(squash(await page.locator('h1').textContent())).toBe(TITLE)
  const text = squash(await page.locator('main').textContent())
  expect(text).toContain('This report was withdrawn from the catalogue')
  expect(squash(await page.locator('.withdrawn time').textContent())).toBe('June 2024')
  expect(await page.locator('.withdrawn time').getAttribute('datetime')).toBe('2024-06')
  expect(squash(await page.locator('.withdrawn__reason').textContent())).toBe(REASON)
  await page.waitForFunction(() => document.title.includes('(withdrawn)'))
  expect(await page.title()).toBe(`${TITLE} (withdrawn) · Colophon`)
  const robots = await page
    .locator('meta[name="robots"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('content')))
  expect(robots).toContain('noindex')
}

describe('a withdrawn report', () => {
  it('answers 410 with a page that gives its title, date and reason, not indexed', async () => {
    const page = await browser.context.newPage()
    const response = await goto(page, `${api.url}/reports/${WITHDRAWN}`)
    expect(response?.status()).toBe(410)
    await expectWithdrawnPage(page)
    expect(await page.locator('link[rel="canonical"]').count()).toBe(0)
    await page.close()
  })

  it('shows the same page when a reader follows a link to it inside the app', async () => {
    const page = await browser.context.newPage()
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    const response = await goto(page, `${api.url}/reports/${LINKING}`)
    expect(response?.status()).toBe(200)
    // A mark on this document: a full page load would lose it.
    await page.evaluate(() => {
      ;(window as { sameDocument?: boolean }).sameDocument = true
    })
    await page.locator('.prose a', { hasText: 'the withdrawn study' }).click()
    await page.waitForURL(`${api.url}/reports/${WITHDRAWN}`)
    await expectWithdrawnPage(page)
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    )
    // The app asked the API (a client-side fetch), not the server for a new document.
    expect(requests).toContain(`${api.url}/v1/reports/${WITHDRAWN}`)
    expect(requests).not.toContain(`${api.url}/reports/${WITHDRAWN}`)
    await page.close()
  })
})

describe('noindex belongs to the page that is not indexed', () => {
  for (const [what, path, status, title] of [
    ['the 404 page', '/no/such/page', 404, 'Page not found · Colophon'],
    ['a withdrawn report', `/reports/${WITHDRAWN}`, 410, `${TITLE} (withdrawn) · Colophon`],
  ] as const) {
    it(`${what}: gone after leaving it inside the app, back with the Back button`, async () => {
      const page = await browser.context.newPage()
      const response = await goto(page, `${api.url}${path}`)
      expect(response?.status()).toBe(status)
      expect(await robotsOf(page)).toEqual(['noindex'])
      await markDocument(page)

      // Away, by the page's own link: the catalogue is indexable.
      await page.locator('main a', { hasText: 'Browse all reports' }).click()
      await page.waitForURL(`${api.url}/`)
      await page.waitForFunction(() => document.title === 'Colophon')
      expect(await robotsOf(page)).toEqual([])

      // Back: the page is rendered by the client this time (its head with it), and says
      // noindex again.
      await page.goBack()
      await page.waitForFunction((t) => document.title === t, title)
      expect(await robotsOf(page)).toEqual(['noindex'])

      // Forward again: gone again, and all of it without a new document.
      await page.goForward()
      await page.waitForFunction(() => document.title === 'Colophon')
      expect(await robotsOf(page)).toEqual([])
      expect(await sameDocument(page)).toBe(true)
      await page.close()
    })
  }

  it('a withdrawn report reached by a link: noindex goes when the reader goes back', async () => {
    const page = await browser.context.newPage()
    await goto(page, `${api.url}/reports/${LINKING}`)
    expect(await robotsOf(page)).toEqual([])
    await page.locator('.prose a', { hasText: 'the withdrawn study' }).click()
    await expectWithdrawnPage(page)
    await page.goBack()
    await page.waitForFunction(() => document.title === 'Errata Notice · Colophon')
    expect(await robotsOf(page)).toEqual([])
    await page.close()
  })
})
