import { createMemoryHistory, MemoryRouter } from '@solidjs/router'
import { fireEvent, render, screen, within } from '@solidjs/testing-library'
import { beforeEach, describe, expect, it } from 'vitest'
import { Routes } from '../app.tsx'
import { Layout } from '../components/layout.tsx'
import { useRealApi } from '../test-api.ts'

let requested: string[]
beforeEach(() => {
  requested = useRealApi()
})

function renderAt(path: string) {
  const history = createMemoryHistory()
  history.set({ value: path })
  render(() => (
    <MemoryRouter history={history} root={Layout}>
      <Routes />
    </MemoryRouter>
  ))
  return history
}

describe('catalogue page', () => {
  it('asks the API with the state from the URL and lists what it returns', async () => {
    renderAt('/?q=factory&sort=title')
    const link = await screen.findByRole('link', {
      name: 'Beyond Factory Asia: Fuelling Growth in a Changing World',
    })
    expect(link.getAttribute('href')).toBe('/reports/beyond-factory-asia')
    expect(
      requested.some(
        (p) => p.startsWith('/v1/reports?') && p.includes('q=factory') && p.includes('sort=title'),
      ),
    ).toBe(true)
    expect(screen.getByRole('status').textContent).toBe('1 report for “factory”')
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('factory')
    const facets = screen.getByRole('complementary', { name: 'Filter' })
    expect(
      within(facets)
        .getByRole('link', { name: /^Reports\s+1 report$/ })
        .getAttribute('href'),
    ).toBe('/?q=factory&type=reports&sort=title')
  })

  it('puts a new search in the URL', async () => {
    const history = renderAt('/')
    await screen.findByRole('link', { name: /Beyond Factory Asia/ })
    const input = screen.getByRole('searchbox')
    fireEvent.input(input, { target: { value: 'nothing-matches-this' } })
    fireEvent.submit(input.closest('form') as HTMLFormElement)
    await screen.findByRole('heading', { name: 'No reports match' })
    expect(history.get()).toBe('/?q=nothing-matches-this')
  })

  it('shows the problem when the API rejects a request', async () => {
    renderAt('/?year=20x3')
    // A malformed year reaches the API, which answers 400 with a problem naming the parameter.
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('This request cannot be answered')
    expect(alert.textContent).toContain('year')
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
  })
})

describe('report page', () => {
  it('renders the reference report from the API', async () => {
    renderAt('/reports/beyond-factory-asia')
    const title = await screen.findByRole('heading', { level: 1 })
    expect(title.textContent).toBe('Beyond Factory Asia: Fuelling Growth in a Changing World')
    expect(screen.getByText('April 2013').tagName).toBe('TIME')
    expect(screen.getByText('978-92-9254-047-0 (print)')).toBeTruthy()
    expect(screen.getByText('978-92-9254-048-7 (web)')).toBeTruthy()
    const findings = screen.getByRole('heading', { name: 'Key findings' }).nextElementSibling
    expect(findings?.querySelectorAll('li')).toHaveLength(8)
    const contents = screen.getByRole('heading', { name: 'Contents' }).nextElementSibling
    expect(contents?.querySelectorAll('li')).toHaveLength(8)
    expect(document.title).toBe(
      'Beyond Factory Asia: Fuelling Growth in a Changing World · Colophon',
    )
  })

  it('is the 404 page for an unknown slug', async () => {
    renderAt('/reports/no-such-report')
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Page not found')
    expect(screen.getByText(/no-such-report/)).toBeTruthy()
  })
})
