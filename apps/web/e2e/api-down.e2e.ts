// When the API goes away the app says so and offers a retry, and the retry works once the
// server is back: the real server is stopped and started again on the same port.
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

let api: ApiServer
let browser: Browser

beforeAll(async () => {
  api = await startApi()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await api?.stop()
})

describe('API unreachable', () => {
  it('shows an error with a retry, and recovers when the API is back', async () => {
    const page = await browser.context.newPage()
    const origin = api.url
    await goto(page, `${origin}/`)
    await page.locator('.card').first().waitFor()

    await api.stop()
    await page.getByRole('searchbox').fill('asia')
    await page.getByRole('searchbox').press('Enter')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('The catalogue cannot be reached')
    expect(await axe(page)).toEqual([])
    await screenshot(page, 'api-down-1280-light')

    api = await startApi({ port: api.port })
    await page.getByRole('button', { name: 'Try again' }).click()
    await page.locator('.results__title', { hasText: '“asia”' }).waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(await page.locator('.card').count()).toBeGreaterThan(0)
    await page.close()
  })
})
