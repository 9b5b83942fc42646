// axe-core on every page, in light and dark, at 360 px and 1280 px; a screenshot of each
// under apps/web/test-results/ (gitignored) for people to look at.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiServer, axe, goto, launchBrowser, screenshot, startApi } from './support.ts'

let api: ApiServer

beforeAll(async () => {
  api = await startApi()
})

afterAll(async () => {
  await api?.stop()
})

const PAGES: { name: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: 'catalogue', path: '/', ready: (p) => p.locator('.card').first().waitFor() },
  { name: 'search', path: '/?q=factory', ready: (p) => p.locator('.card').first().waitFor() },
  {
    // On narrow screens the facets sit behind "Show filters".
    name: 'filters',
    path: '/?type=reports',
    ready: async (p) => {
      await p.locator('.card').first().waitFor()
      const toggle = p.locator('.filters__toggle')
      if (await toggle.isVisible()) {
        expect(await toggle.textContent()).toContain('(1 active)')
        await toggle.click()
        expect(await toggle.getAttribute('aria-expanded')).toBe('true')
      }
      await p.locator('.facet__link').first().waitFor({ state: 'visible' })
    },
  },
  {
    name: 'empty',
    path: '/?q=zzxxqqjj',
    ready: (p) => p.getByRole('heading', { name: 'No reports match' }).waitFor(),
  },
  {
    name: 'report',
    path: '/reports/beyond-factory-asia',
    ready: async (p) => {
      await p.locator('h1.report__title').waitFor()
      await p.getByRole('button', { name: 'Cite this report' }).click()
      await p.locator('.cite__text').waitFor({ timeout: 30_000 })
    },
  },
  { name: 'about', path: '/about', ready: (p) => p.locator('.stats').waitFor() },
  {
    name: '404',
    path: '/no/such/page',
    ready: (p) => p.getByRole('heading', { name: 'Page not found' }).waitFor(),
  },
]

describe.each(['light', 'dark'] as const)('%s mode', (colorScheme) => {
  it.each([360, 1280])('every page at %i px has no axe violations', async (width) => {
    const browser = await launchBrowser({ colorScheme, width, height: 800 })
    try {
      const found: Record<string, unknown> = {}
      for (const { name, path, ready } of PAGES) {
        const page = await browser.context.newPage()
        await goto(page, `${api.url}${path}`)
        await ready(page)
        const violations = await axe(page)
        if (violations.length) found[name] = violations
        // No horizontal scrolling at any width.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        if (overflow > 0) found[`${name} overflow`] = `${overflow}px wider than the viewport`
        await screenshot(page, `${name}-${width}-${colorScheme}`)
        await page.close()
      }
      expect(found).toEqual({})
    } finally {
      await browser.close()
    }
  })
})
