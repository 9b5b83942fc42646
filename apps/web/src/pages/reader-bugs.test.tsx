// The reader bugs found on the first release, each pinned by a test against the real API
// app in process (with a transport that can delay, fail or lie, as a real network does).
import { createMemoryHistory, MemoryRouter } from '@solidjs/router'
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library'
import { lazy } from 'solid-js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setFetch, setRequestTimeout } from '../api/client.ts'
import { Guarded, Routes } from '../app.tsx'
import { Layout } from '../components/layout.tsx'
import { app } from '../test-api.ts'

type Handler = (path: string, init?: RequestInit) => Promise<Response>
let handler: Handler
const real: Handler = async (path, init) => app.request(path, init)

beforeEach(() => {
  handler = real
  setFetch((input, init) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    return handler(path, init)
  })
})
afterEach(() => setRequestTimeout(15))

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

const TITLE = 'Beyond Factory Asia: Fuelling Growth in a Changing World'

describe('catalogue', () => {
  it('never pairs the new query with the old count while a search loads', async () => {
    renderAt('/')
    await screen.findByRole('link', { name: TITLE })
    let release: () => void = () => {}
    const gate = new Promise<void>((done) => (release = done))
    handler = async (path, init) => {
      await gate
      return real(path, init)
    }
    const input = screen.getByRole('searchbox')
    fireEvent.input(input, { target: { value: 'zzxxqqjj' } })
    fireEvent.submit(input.closest('form') as HTMLFormElement)
    const status = screen.getByRole('status')
    await waitFor(() => expect(status.textContent).toContain('zzxxqqjj'))
    // Still loading: the old count must not be shown with the new query.
    expect(status.textContent).toBe('Searching for “zzxxqqjj”…')
    release()
    await waitFor(() => expect(status.textContent).toBe('No reports for “zzxxqqjj”'))
  })

  it('says in words that a page is past the end, with a way back', async () => {
    renderAt('/?page=3')
    await screen.findByText(/These results end before page 3/)
    expect(screen.queryByText(/is past the last page/)).toBeNull()
    expect(screen.getByRole('link', { name: 'Go to the first page' }).getAttribute('href')).toBe(
      '/',
    )
  })

  it('labels a single report with the singular of its type', async () => {
    renderAt('/')
    const card = (await screen.findByRole('link', { name: TITLE })).closest('article')
    expect(card?.querySelector('.card__type')?.textContent).toBe('Report')
  })

  it('hides facet groups that have no values', async () => {
    renderAt('/?q=factory')
    await screen.findByRole('link', { name: TITLE })
    expect(screen.queryByText('None in these results')).toBeNull()
    const facets = screen.getByRole('complementary', { name: 'Filter' })
    expect(within(facets).queryByRole('heading', { name: 'Topic' })).toBeNull()
    expect(within(facets).getByRole('heading', { name: 'Type' })).toBeTruthy()
  })

  it('has a skip link to the results before the search and the facets', async () => {
    renderAt('/')
    await screen.findByRole('link', { name: TITLE })
    const skip = screen.getByRole('link', { name: 'Skip to results' })
    expect(skip.getAttribute('href')).toBe('#results-title')
    const search = screen.getByRole('searchbox')
    expect(skip.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('offers the series filter and a year range, both as plain links and GET forms', async () => {
    renderAt('/?from=2010&to=2014')
    await screen.findByRole('link', { name: TITLE })
    expect(screen.getByText('Published: 2010–2014')).toBeTruthy()
    const from = screen.getByLabelText('From year') as HTMLInputElement
    expect(from.value).toBe('2010')
    expect(from.form?.getAttribute('method')).toBe('get')
    expect(from.form?.getAttribute('action')).toBe('/')
  })

  it('shows a visible Atom feed link', async () => {
    renderAt('/')
    const atom = await screen.findByRole('link', { name: 'Atom feed' })
    expect(atom.getAttribute('href')).toBe('/feed.atom')
  })

  it('gives up on a hung API with a retry instead of loading forever', async () => {
    setRequestTimeout(0.05)
    handler = () => new Promise<Response>(() => {})
    renderAt('/')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('did not answer')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })

  it('treats a 200 of the wrong shape as an error, not as loading', async () => {
    handler = async () => Response.json({ unexpected: true })
    renderAt('/')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('a list of reports needs items, total and facets')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })
})

describe('report page', () => {
  it('recovers with "Try again" after an outage', async () => {
    handler = async () => {
      throw new TypeError('fetch failed')
    }
    renderAt('/reports/beyond-factory-asia')
    await screen.findByRole('alert')
    handler = real
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect((await screen.findByRole('heading', { level: 1, name: TITLE })).textContent).toBe(TITLE)
  })

  it('puts the overview before the side panel in the source order', async () => {
    renderAt('/reports/beyond-factory-asia')
    const overview = await screen.findByRole('heading', { name: 'Overview' })
    const details = screen.getByRole('heading', { name: 'Details' })
    expect(
      overview.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy()
  })

  it('describes itself by the overview’s first sentence, not a key finding', async () => {
    renderAt('/reports/beyond-factory-asia')
    await screen.findByRole('heading', { level: 1, name: TITLE })
    await waitFor(() =>
      expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
        'Asia’s phenomenal growth over the past few decades has been driven by the rise of Factory Asia.',
      ),
    )
  })
})

describe('a page whose code fails to load', () => {
  it('says the catalogue cannot be reached and offers a reload, not a blank page', async () => {
    const Broken = lazy(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    )
    render(() => (
      <Guarded>
        <Broken />
      </Guarded>
    ))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The catalogue cannot be reached')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })
})
