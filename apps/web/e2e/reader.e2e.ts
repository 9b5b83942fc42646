// The reader's product on the bundled catalogue: browse, search, read the reference report,
// cite it, deep links, the back button, 404s and keyboard-only use, in Chromium against the
// real API server serving the built app.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSeed } from './seed.ts'
import {
  type ApiServer,
  allowClipboard,
  type Browser,
  goto,
  launchBrowser,
  startApi,
} from './support.ts'

const seed = readSeed()
const SLUG = 'beyond-factory-asia'
let api: ApiServer
let browser: Browser
const pageErrors: string[] = []

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()
const texts = async (page: Page, selector: string) =>
  (await page.locator(selector).allTextContents()).map(squash)

beforeAll(async () => {
  api = await startApi()
  browser = await launchBrowser()
  await allowClipboard(browser.context, api.url)
})

afterAll(async () => {
  await browser?.close()
  await api?.stop()
  expect(pageErrors, 'uncaught errors in the page').toEqual([])
})

async function newPage(): Promise<Page> {
  const page = await browser.context.newPage()
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`))
  // The CSP allows no inline script but the hashed ones: a violation is a bug.
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) {
      pageErrors.push(`${page.url()}: ${message.text()}`)
    }
  })
  return page
}

describe('catalogue', () => {
  it('is styled by the stylesheet inlined in the HTML, which the CSP allows by its hash', async () => {
    const page = await newPage()
    const violations: string[] = []
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(t: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      )
    })
    await goto(page, `${api.url}/`)
    expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0)
    expect(await page.locator('head > style').count()).toBe(1)
    // A rule of app.css applies: the visually hidden heading text is clipped to 1 px.
    const width = await page
      .locator('.visually-hidden')
      .first()
      .evaluate((el) => getComputedStyle(el).width)
    expect(width).toBe('1px')
    expect(violations).toEqual([])
    await page.close()
  })

  it('lists the reports with facets and counts', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Research reports')
    await page.locator('.card__title', { hasText: seed.title }).waitFor()
    const typeFacet = page.locator('.facet', { has: page.locator('h3', { hasText: 'Type' }) })
    expect(squash(await typeFacet.locator('.facet__link').first().textContent())).toMatch(
      new RegExp(`^${seed.type}\\s*1`),
    )
    expect(await page.title()).toBe('Colophon')
    await page.close()
  })

  it('searching "factory" as you type finds the reference report, with the query in the URL', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/`)
    await page.locator('.card').first().waitFor()
    await page.getByRole('searchbox', { name: 'Search the catalogue' }).pressSequentially('factory')
    await page.waitForURL((url) => url.searchParams.get('q') === 'factory')
    await page.locator('.results__title', { hasText: '1 report for “factory”' }).waitFor()
    expect(await texts(page, '.card__title')).toEqual([seed.title])
    await page.close()
  })

  it('shows an empty state when nothing matches', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/?q=zzxxqqjj`)
    await page.getByRole('heading', { name: 'No reports match' }).waitFor()
    expect(await page.locator('.card').count()).toBe(0)
    await page.close()
  })
})

describe('the reference report', () => {
  it('shows every fact of the seed', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/?q=factory`)
    await page.getByRole('link', { name: seed.title }).click()
    await page.waitForURL(`${api.url}/reports/${SLUG}`)
    await page.locator('h1.report__title').waitFor()

    expect(squash(await page.locator('h1').textContent())).toBe(seed.title)
    const meta = squash(await page.locator('.report__meta').textContent())
    // One report is a "Report", though its type's vocabulary label is "Reports".
    expect(seed.type).toBe('Reports')
    expect(meta).toMatch(/^Report · /)
    expect(meta).toContain(seed.date)
    expect(seed.date).toBe('April 2013')
    expect(squash(await page.locator('.report__subtitle').textContent())).toBe(seed.subtitle)
    expect(await texts(page, '.details dd.identifier')).toEqual(seed.isbns)
    expect(await texts(page, '.prose p')).toEqual(seed.overview.map(squash))
    expect(await texts(page, '.findings > li')).toEqual(seed.findings)
    expect(seed.findings).toHaveLength(8)
    expect(await texts(page, '.contents .contents__title')).toEqual(seed.contents)
    expect(seed.contents).toHaveLength(8)
    await page.close()
  })

  it('sets the document title, meta description and JSON-LD', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/reports/${SLUG}`)
    await page.locator('h1.report__title').waitFor()
    await page.waitForFunction(() => document.querySelector('script[type="application/ld+json"]'))
    expect(await page.title()).toBe(`${seed.title} · Colophon`)
    // The overview's first sentence (the report has no summary), never a key finding.
    const description = await page.locator('meta[name="description"]').getAttribute('content')
    expect(description).toBe(
      'Asia’s phenomenal growth over the past few decades has been driven by the rise of Factory Asia.',
    )
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '',
    )
    expect(jsonLd['@context']).toMatch(/schema\.org/)
    const types = [jsonLd['@type']].flat()
    expect(types.some((t: string) => t === 'Report' || t === 'Book')).toBe(true)
    expect(JSON.stringify(jsonLd)).toContain('978-92-9254-047-0'.replace(/-/g, ''))
    await page.close()
  })

  it('loads the citation processor only when the panel opens, and copies a citation', async () => {
    const page = await newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    await goto(page, `${api.url}/reports/${SLUG}`)
    await page.locator('h1.report__title').waitFor()
    expect(scripts.filter((s) => s.includes('/render-'))).toEqual([])

    const toggle = page.getByRole('button', { name: 'Cite this report' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    const apa = squash(await page.locator('.cite__text').textContent({ timeout: 30_000 }))
    expect(scripts.filter((s) => s.includes('/render-'))).toHaveLength(1)
    expect(apa).toContain('(2013)')
    expect(apa).toContain('Beyond Factory Asia')

    await page.getByRole('button', { name: 'Copy citation' }).click()
    await page.locator('.cite__status', { hasText: 'copied' }).waitFor()
    expect(squash(await page.evaluate(() => navigator.clipboard.readText()))).toBe(apa)

    await page.getByLabel('Chicago').check()
    const chicago = squash(await page.locator('.cite__text').textContent())
    expect(chicago).not.toBe(apa)
    expect(chicago).toContain('2013')

    await page.getByLabel('BibTeX').check()
    const bibtex = (await page.locator('.cite__code').textContent()) ?? ''
    expect(bibtex).toMatch(/^@\w+\{/)
    await page.getByRole('button', { name: 'Copy citation' }).click()
    await page.locator('.cite__status', { hasText: 'BibTeX citation copied' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex)

    await page.getByLabel('RIS').check()
    expect(await page.locator('.cite__code').textContent()).toMatch(/^TY {2}- /)
    await page.getByLabel('CSL-JSON').check()
    const csl = JSON.parse((await page.locator('.cite__code').textContent()) ?? '')
    expect(csl[0].id).toBe(SLUG)
    await page.close()
  })
})

describe('print', () => {
  it('prints the report without navigation or controls', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/reports/${SLUG}`)
    await page.locator('h1.report__title').waitFor()
    await page.emulateMedia({ media: 'print' })
    for (const selector of ['.site-header', '.site-footer', '.cite', '.back-link']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false)
    }
    expect(await page.locator('.findings').isVisible()).toBe(true)
    expect(await page.locator('.details').isVisible()).toBe(true)
    await page.close()
  })
})

describe('navigation', () => {
  it('deep links straight to a search and to a report', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/?q=factory&type=reports&sort=title`)
    await page.locator('.card__title', { hasText: seed.title }).waitFor()
    expect(await page.getByRole('searchbox').inputValue()).toBe('factory')
    expect(await page.locator('#sort-select').inputValue()).toBe('title')
    expect(await page.locator('.chip', { hasText: 'Type: Reports' }).count()).toBe(1)
    const response = await goto(page, `${api.url}/reports/${SLUG}`)
    expect(response?.status()).toBe(200)
    expect(squash(await page.locator('h1.report__title').textContent())).toBe(seed.title)
    await page.close()
  })

  it('the back button returns to the search, with its query and results', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/`)
    await page.locator('.card').first().waitFor()
    await page.getByRole('searchbox').fill('factory')
    await page.getByRole('searchbox').press('Enter')
    await page.waitForURL((url) => url.searchParams.get('q') === 'factory')
    await page.getByRole('link', { name: seed.title }).click()
    await page.locator('h1.report__title').waitFor()
    await page.goBack()
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('q') === 'factory')
    await page.locator('.card__title', { hasText: seed.title }).waitFor()
    expect(await page.getByRole('searchbox').inputValue()).toBe('factory')
    await page.goBack()
    await page.waitForURL((url) => url.pathname === '/' && !url.searchParams.has('q'))
    await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe('')
    await page.close()
  })

  it('has a real 404 for unknown pages and unknown reports', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/no/such/page`)
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    expect(await page.title()).toBe('Page not found · Colophon')
    await goto(page, `${api.url}/reports/no-such-report`)
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    expect(await page.locator('.not-found').textContent()).toContain('no-such-report')
    await goto(page, `${api.url}/reports/Not_A_Slug`)
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    await page.getByRole('link', { name: 'Browse all reports' }).click()
    await page.waitForURL(`${api.url}/`)
    await page.close()
  })

  it('about page shows the catalogue and its counts', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/about`)
    await page.locator('.stats').waitFor()
    const health = (await (await fetch(`${api.url}/health`)).json()) as {
      reportCount: number
      name: string
      description: string
    }
    const reports = page.locator('.stats div', { hasText: 'Reports' }).locator('dd')
    expect(await reports.textContent()).toBe(String(health.reportCount))
    // The catalogue's own name and description, from catalogue.yaml through /health.
    const lede = await page.locator('.lede').textContent()
    expect(lede).toContain(health.name)
    expect(lede).toContain(health.description)
    expect(await page.title()).toBe('About · Colophon')
    await page.close()
  })
})

describe('keyboard only', () => {
  async function tabTo(page: Page, predicate: () => boolean, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate(predicate)) return
    }
    throw new Error('never reached the element with Tab')
  }

  it('skip link, search, open a report, cite it: without a mouse', async () => {
    const page = await newPage()
    await goto(page, `${api.url}/`)
    await page.locator('.card').first().waitFor()

    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    const box = await page.locator('.skip-link').first().boundingBox()
    expect(box && box.y >= 0).toBe(true)
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    )
    expect(outline).not.toBe('none')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')

    await tabTo(page, () => document.activeElement?.id === 'search-input')
    await page.keyboard.type('factory')
    await page.waitForURL((url) => url.searchParams.get('q') === 'factory')
    await page.locator('.results__title', { hasText: '1 report' }).waitFor()

    // A facet link, followed from the keyboard, leaves focus on the results heading.
    await tabTo(page, () => document.activeElement?.classList.contains('facet__link') === true)
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.searchParams.get('type') === 'reports')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('results-title')

    await tabTo(page, () => document.activeElement?.classList.contains('card__link') === true)
    await page.keyboard.press('Enter')
    await page.waitForURL(`${api.url}/reports/${SLUG}`)
    await page.locator('h1.report__title').waitFor()
    // Focus moves to the new page's heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1')

    await tabTo(page, () => document.activeElement?.classList.contains('cite__toggle') === true)
    await page.keyboard.press('Enter')
    await page.locator('.cite__text').waitFor({ timeout: 30_000 })
    // Arrow keys move between the format radio buttons.
    await tabTo(
      page,
      () => (document.activeElement as HTMLInputElement | null)?.name === 'cite-format',
    )
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'chicago',
    )
    await tabTo(page, () => document.activeElement?.textContent === 'Copy citation')
    await page.keyboard.press('Enter')
    await page.locator('.cite__status', { hasText: 'Chicago citation copied' }).waitFor()
    await page.close()
  })
})
