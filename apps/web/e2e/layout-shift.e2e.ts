// Cumulative layout shift of every page, measured in Chromium by a PerformanceObserver that
// is installed before the page's own code runs, at 1280 and 360 px, with classic (space-
// taking) scrollbars. The value asserted is the measured shift, after the page has hydrated
// and settled; nothing here depends on how long anything takes.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiServer, goto, launchBrowser, startApi } from './support.ts'

let api: ApiServer

beforeAll(async () => {
  api = await startApi()
})

afterAll(async () => {
  await api?.stop()
})

const PAGES = ['/', '/?q=factory', '/reports/beyond-factory-asia', '/about', '/no/such/page']

/** Sums layout-shift entries not caused by input, from the first paint on. */
function observeShifts() {
  const state = { total: 0 }
  ;(window as unknown as { __cls: typeof state }).__cls = state
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number
      hadRecentInput: boolean
    })[]) {
      if (!entry.hadRecentInput) state.total += entry.value
    }
  }).observe({ type: 'layout-shift', buffered: true })
}

async function settled(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle')
  // Two frames after the network is quiet: any shift from late work has been recorded.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  )
  return page.evaluate(() => (window as unknown as { __cls: { total: number } }).__cls.total)
}

describe.each([1280, 360])('at %i px', (width) => {
  it('every page shifts its layout by less than 0.1', async () => {
    const browser = await launchBrowser({ width, height: 800, classicScrollbars: true })
    try {
      const shifts: Record<string, number> = {}
      for (const path of PAGES) {
        const page = await browser.context.newPage()
        await page.addInitScript(observeShifts)
        await goto(page, `${api.url}${path}`)
        shifts[path] = await settled(page)
        await page.close()
      }
      console.log(`layout shift at ${width} px: ${JSON.stringify(shifts)}`)
      for (const [path, value] of Object.entries(shifts)) {
        expect(value, `${path}: ${JSON.stringify(shifts)}`).toBeLessThan(0.1)
      }
    } finally {
      await browser.close()
    }
  })
})
