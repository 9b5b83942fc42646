import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { createClient } from './client.ts'
import { FolderStore } from './store/folder.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from './test-support/fixture.ts'

let fixture: Fixture
let client: ReturnType<typeof createClient>

beforeAll(async () => {
  fixture = await buildFixture()
  const app = createApp({ store: new FolderStore(fixture.out) })
  client = createClient('http://localhost', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init),
  })
})
afterAll(() => fixture.cleanup())

describe('typed client', () => {
  it('lists and searches with typed queries and bodies', async () => {
    const res = await client.v1.reports.$get({ query: { q: 'factory', per_page: 5 } })
    expect(res.status).toBe(200)
    if (res.status !== 200) return
    const body = await res.json()
    expect(body.items[0]?.slug).toBe(REFERENCE_SLUG)
    expect(body.facets.type[0]?.label).toBe('Reports')
  })

  it('reads one report and gets problems typed on errors', async () => {
    const res = await client.v1.reports[':slug'].$get({
      param: { slug: REFERENCE_SLUG },
      query: {},
    })
    expect(res.ok).toBe(true)
    if (res.status === 200) expect((await res.json()).title).toMatch(/^Beyond Factory Asia/)
    const bad = await client.v1.reports.$get({ query: { sort: 'popular' as never } })
    expect(bad.status).toBe(400)
    if (bad.status === 400) expect((await bad.json()).errors?.[0]?.parameter).toBe('sort')
  })

  it('reaches health and vocabularies', async () => {
    const health = await client.health.$get({ query: {} })
    if (health.status === 200) expect((await health.json()).reportCount).toBe(4)
    const vocab = await client.v1.vocabularies.$get({ query: {} })
    expect(vocab.status).toBe(200)
  })
})
