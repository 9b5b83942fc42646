// Chromium with JavaScript off, as a crawler, a citation manager or a link preview reads the
// site: every fact of the reference report is in the server's HTML, the search form works as
// a plain GET form, and an unknown page is the app's 404 page with status 404.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSeed } from './seed.ts'
import { type ApiServer, type Browser, launchBrowser, startApi } from './support.ts'

const seed = readSeed()
const SLUG = 'beyond-factory-asia'
let api: ApiServer
let browser: Browser

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()
const texts = async (page: Page, selector: string) =>
  (await page.locator(selector).allTextContents()).map(squash)
const metas = (page: Page, name: string) =>
  page
    .locator(`meta[name="${name}"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('content')))

beforeAll(async () => {
  api = await startApi()
  browser = await launchBrowser({ javaScript: false })
})

afterAll(async () => {
  await browser?.close()
  await api?.stop()
})

describe('without JavaScript', () => {
  it('reads every fact of the reference report, and its citation tags', async () => {
    const page = await browser.context.newPage()
    const response = await page.goto(`${api.url}/reports/${SLUG}`)
    expect(response?.status()).toBe(200)
    expect(await page.evaluate(() => typeof (window as { _$HY?: unknown })._$HY)).toBe('undefined')
    expect(squash(await page.locator('h1').textContent())).toBe(seed.title)
    expect(squash(await page.locator('.report__subtitle').textContent())).toBe(seed.subtitle)
    const meta = squash(await page.locator('.report__meta').textContent())
    expect(meta).toContain(seed.date)
    expect(await texts(page, '.details dd.identifier')).toEqual(seed.isbns)
    expect(await texts(page, '.prose p')).toEqual(seed.overview.map(squash))
    expect(await texts(page, '.findings > li')).toEqual(seed.findings)
    expect(await texts(page, '.contents .contents__title')).toEqual(seed.contents)

    expect(await page.title()).toBe(`${seed.title} · Colophon`)
    expect(await metas(page, 'citation_title')).toEqual([seed.title])
    expect(await metas(page, 'citation_isbn')).toEqual(seed.isbns.map((i) => i.split(' ')[0]))
    expect(await metas(page, 'citation_publication_date')).toEqual(['2013/04'])
    expect(await metas(page, 'citation_publisher')).toEqual(['Asian Development Bank'])
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
    expect(canonical).toBe(`${api.url}/reports/${SLUG}`)
    const og = await page.locator('meta[property="og:title"]').getAttribute('content')
    expect(og).toBe(seed.title)
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '',
    )
    expect(jsonLd.url).toBe(canonical)
    await page.close()
  })

  it('searches with the plain GET form and follows a result', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${api.url}/`)
    await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('factory')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('q') === 'factory'),
      page.getByRole('button', { name: 'Search' }).click(),
    ])
    expect(squash(await page.locator('.results__title').textContent())).toBe(
      '1 report for “factory”',
    )
    expect(await texts(page, '.card__title')).toEqual([seed.title])
    await Promise.all([
      page.waitForURL(`${api.url}/reports/${SLUG}`),
      page.getByRole('link', { name: seed.title }).click(),
    ])
    expect(squash(await page.locator('h1').textContent())).toBe(seed.title)
    await page.close()
  })

  it('gets the 404 page with status 404 for an unknown page and an unknown report', async () => {
    const page = await browser.context.newPage()
    for (const path of ['/no/such/page', '/reports/no-such-report']) {
      const response = await page.goto(`${api.url}${path}`)
      expect(response?.status(), path).toBe(404)
      expect(squash(await page.locator('h1').textContent())).toBe('Page not found')
      expect(await page.title()).toBe('Page not found · Colophon')
    }
    await page.close()
  })
})
