// Facets, sorting and pagination need a catalogue with more than one page and more than one
// value per facet: colophon-content generates and compiles one (45 synthetic reports) and
// the real API server serves it (CATALOGUE_DIR).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, generateCatalogue } from 'colophon-content/node'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiServer,
  axe,
  type Browser,
  goto,
  launchBrowser,
  screenshot,
  startApi,
} from './support.ts'

const COUNT = 45
let dir: string
let api: ApiServer
let browser: Browser

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'colophon-web-e2e-'))
  await generateCatalogue(join(dir, 'source'), { count: COUNT, seed: 7 })
  const result = await build({ dir: join(dir, 'source'), out: join(dir, 'compiled') })
  if (!result.ok)
    throw new Error(`generated catalogue did not compile: ${JSON.stringify(result.problems)}`)
  api = await startApi({ catalogueDir: join(dir, 'compiled') })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await api?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const summary = (page: Page) => page.locator('.results__title').textContent()
const titles = (page: Page) => page.locator('.card__title').allTextContents()

describe('facets', () => {
  it('filters by a facet value, shows its count, and removes the filter again', async () => {
    const page = await browser.context.newPage()
    await goto(page, `${api.url}/`)
    await page.locator('.card').first().waitFor()
    expect(await summary(page)).toBe(`1–20 of ${COUNT} reports`)

    const typeFacet = page.locator('.facet', { has: page.locator('h3', { hasText: 'Type' }) })
    const first = typeFacet.locator('.facet__link').first()
    const label = (await first.locator('.facet__label').textContent())?.trim() ?? ''
    const count = Number.parseInt((await first.locator('.facet__count').textContent()) ?? '', 10)
    expect(count).toBeGreaterThan(0)
    expect(count).toBeLessThan(COUNT)
    await first.click()
    await page.waitForURL((url) => url.searchParams.has('type'))
    await page
      .locator('.results__title', { hasText: count === 1 ? '1 report' : `${count} reports` })
      .waitFor()
    await page.locator('.chip', { hasText: `Type: ${label}` }).waitFor()
    const selected = typeFacet.locator('.facet__link[aria-current="true"]')
    expect(await selected.locator('.facet__label').textContent()).toContain(label)

    // A second facet narrows further.
    const yearFacet = page.locator('.facet', { has: page.locator('h3', { hasText: 'Year' }) })
    const year = yearFacet.locator('.facet__link').first()
    const yearCount = Number.parseInt((await year.locator('.facet__count').textContent()) ?? '', 10)
    await year.click()
    await page.waitForURL((url) => url.searchParams.has('type') && url.searchParams.has('year'))
    await page.locator('.chip', { hasText: 'Year:' }).waitFor()
    await expect.poll(() => page.locator('.card').count()).toBe(Math.min(yearCount, 20))

    // The back button undoes the last filter; the chip removes the other.
    await page.goBack()
    await page.waitForURL((url) => url.searchParams.has('type') && !url.searchParams.has('year'))
    await page.locator('.chip', { hasText: `Type: ${label}` }).click()
    await page.waitForURL((url) => !url.searchParams.has('type'))
    await page.locator('.results__title', { hasText: `of ${COUNT} reports` }).waitFor()
    await page.close()
  })
})

describe('pagination and sorting', () => {
  it('pages through the results, and back', async () => {
    const page = await browser.context.newPage()
    await goto(page, `${api.url}/?per_page=10`)
    await page.locator('.card').first().waitFor()
    expect(await summary(page)).toBe(`1–10 of ${COUNT} reports`)
    const firstPage = await titles(page)
    expect(firstPage).toHaveLength(10)

    await page
      .getByRole('navigation', { name: 'Pages of results' })
      .getByRole('link', { name: 'Next →' })
      .click()
    await page.waitForURL((url) => url.searchParams.get('page') === '2')
    await page.locator('.results__title', { hasText: `11–20 of ${COUNT}` }).waitFor()
    const secondPage = await titles(page)
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([])
    expect(await page.getByRole('link', { name: 'Page 2' }).getAttribute('aria-current')).toBe(
      'page',
    )
    // A full page of facets, filters and pagination passes axe too.
    expect(await axe(page)).toEqual([])
    await screenshot(page, 'paginated-1280-light')

    await page.getByRole('link', { name: 'Page 5' }).click()
    await page.locator('.results__title', { hasText: `41–45 of ${COUNT}` }).waitFor()
    expect(await titles(page)).toHaveLength(5)
    expect(await page.getByRole('link', { name: 'Next →' }).count()).toBe(0)

    await page.goBack()
    await page.goBack()
    await page.waitForURL((url) => !url.searchParams.has('page'))
    await page.locator('.results__title', { hasText: `1–10 of ${COUNT}` }).waitFor()
    expect(await titles(page)).toEqual(firstPage)
    await page.close()
  })

  it('sorts by title and by date', async () => {
    const page = await browser.context.newPage()
    await goto(page, `${api.url}/?per_page=50`)
    await page.locator('.card').first().waitFor()
    await page.locator('#sort-select').selectOption('title')
    await page.waitForURL((url) => url.searchParams.get('sort') === 'title')
    await expect
      .poll(async () => {
        const list = await titles(page)
        return (
          list.length === COUNT &&
          list.every(
            (t, i) =>
              i === 0 || (list[i - 1] ?? '').localeCompare(t, 'en', { sensitivity: 'base' }) <= 0,
          )
        )
      })
      .toBe(true)

    await page.locator('#sort-select').selectOption('oldest')
    await page.waitForURL((url) => url.searchParams.get('sort') === 'oldest')
    await expect
      .poll(async () => {
        const dates = await page
          .locator('.card__meta time')
          .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''))
        return dates.length === COUNT && dates.every((d, i) => i === 0 || (dates[i - 1] ?? '') <= d)
      })
      .toBe(true)
    await page.close()
  })
})

describe('a report with everything', () => {
  it('shows authors, series, downloads and related reports, and links to them', async () => {
    type Full = {
      slug: string
      title: string
      authors?: unknown[]
      related?: string[]
      files?: { url: string }[]
      series?: { key: string }
    }
    const list = (await (await fetch(`${api.url}/v1/reports?per_page=100`)).json()) as {
      items: { slug: string }[]
    }
    let rich: Full | undefined
    for (const { slug } of list.items) {
      const report = (await (await fetch(`${api.url}/v1/reports/${slug}`)).json()) as Full
      if (report.related?.length && report.files?.length && report.authors?.length) {
        rich = report
        break
      }
    }
    if (!rich)
      throw new Error(
        'the generated catalogue has no report with related reports, files and authors',
      )
    const relatedTitles = await Promise.all(
      (rich.related ?? []).map(
        async (slug) =>
          ((await (await fetch(`${api.url}/v1/reports/${slug}`)).json()) as Full).title,
      ),
    )

    const page = await browser.context.newPage()
    await goto(page, `${api.url}/reports/${rich.slug}`)
    await page.locator('h1.report__title').waitFor()
    expect(await page.locator('.report__authors').textContent()).not.toBe('')
    expect(await page.locator('.downloads a').count()).toBe(rich.files?.length)
    expect(await page.locator('.downloads a').first().getAttribute('href')).toBe(
      rich.files?.[0]?.url,
    )
    const related = page.locator('.related .card__title')
    await related.first().waitFor()
    expect((await related.allTextContents()).map((t) => t.trim())).toEqual(relatedTitles)
    expect(await axe(page)).toEqual([])
    await screenshot(page, 'rich-report-1280-light')

    await related.first().getByRole('link').click()
    await page.waitForURL(`${api.url}/reports/${rich.related?.[0]}`)
    await page.locator('h1.report__title', { hasText: relatedTitles[0] ?? '' }).waitFor()
    await page.goBack()
    await page.locator('h1.report__title', { hasText: rich.title }).waitFor()
    await page.close()
  })
})
