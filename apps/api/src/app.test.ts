import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { FolderStore } from './store/folder.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from './test-support/fixture.ts'
import { responseValidator } from './test-support/openapi.ts'

let fixture: Fixture
let app: ReturnType<typeof createApp>
let check: ReturnType<typeof responseValidator>

beforeAll(async () => {
  fixture = await buildFixture()
  app = createApp({ store: new FolderStore(fixture.out), version: '9.9.9' })
  const doc = await (await app.request('/openapi.json')).json()
  check = responseValidator(doc)
})
afterAll(() => fixture.cleanup())

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  const body = await res.json()
  expect(body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) })
  expect(body.instance).toMatch(/^\//)
  return body
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document generated from the schemas', async () => {
    const res = await app.request('/openapi.json')
    expect(res.status).toBe(200)
    const doc = await res.json()
    expect(doc.openapi).toBe('3.1.0')
    const result = await new Validator().validate(doc)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/reports',
        '/v1/reports/{slug}',
        '/v1/isbn/{isbn}',
        '/v1/doi/{doi}',
        '/v1/vocabularies',
        '/v1/vocabularies/{name}',
        '/v1/feed.atom',
        '/sitemap.xml',
        '/health',
      ]),
    )
    expect(doc.components.schemas.CompiledReport).toBeDefined()
    expect(doc.components.schemas.Problem).toBeDefined()
  })

  it('serves interactive docs at /docs, from its own paths only', async () => {
    const res = await app.request('/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/)
    expect(res.headers.get('Content-Security-Policy')).toMatch(/default-src 'self'/)
    expect(await res.text()).toContain('/docs/assets/start-docs.js')
  })
})

describe('GET /v1/reports', () => {
  it('lists newest first with facets, links and an ETag', async () => {
    const res = await app.request('/v1/reports')
    expect(res.status).toBe(200)
    const body = await res.json()
    check('/v1/reports', 200, 'application/json', body)
    expect(body.total).toBe(4)
    expect(body.sort).toBe('newest')
    expect(body.items.map((r: { slug: string }) => r.slug)).toEqual([
      'r-and-d-special-characters',
      'energy-outlook-2019',
      'trade-finance-gaps',
      REFERENCE_SLUG,
    ])
    expect(body.facets.type).toEqual([
      { value: 'reports', label: 'Reports', count: 2 },
      { value: 'books', label: 'Books', count: 1 },
      { value: 'working-papers', label: 'Working Papers', count: 1 },
    ])
    expect(body.facets.topic).toContainEqual({
      value: 'finance',
      label: 'Finance & Banking',
      count: 1,
    })
    expect(res.headers.get('ETag')).toMatch(/^"[^"]+"$/)
    expect(res.headers.get('Cache-Control')).toMatch(/public.*s-maxage/)
  })

  it('searches with relevance from the compiled index', async () => {
    const body = await (await app.request('/v1/reports?q=factory%20asia')).json()
    expect(body.sort).toBe('relevance')
    expect(body.items[0].slug).toBe(REFERENCE_SLUG)
    const byIsbn = await (await app.request('/v1/reports?q=9789292540470')).json()
    expect(byIsbn.items.map((r: { slug: string }) => r.slug)).toEqual([REFERENCE_SLUG])
  })

  it('finds a report by an ISBN in any form, a DOI and an ISBN-10 (exact lookup, not words)', async () => {
    const slugsOf = async (q: string) =>
      (
        (await (await app.request(`/v1/reports?q=${encodeURIComponent(q)}`)).json()).items as {
          slug: string
        }[]
      ).map((r) => r.slug)
    expect(await slugsOf('978-92-9261-858-2')).toEqual(['energy-outlook-2019'])
    expect(await slugsOf('ISBN 978 92 9261 858 2')).toEqual(['energy-outlook-2019'])
    expect(await slugsOf('0-306-40615-2')).toEqual(['r-and-d-special-characters'])
    expect(await slugsOf('https://doi.org/10.22617/WPS200123-2')).toEqual([
      'r-and-d-special-characters',
    ])
    expect(await slugsOf('978-92-9261-858-9')).toEqual([])
  })

  it('keeps relevance order for a cached query after other sorts of it', async () => {
    const slugsOf = async (query: string) =>
      ((await (await app.request(`/v1/reports?${query}`)).json()).items as { slug: string }[]).map(
        (r) => r.slug,
      )
    const relevance = await slugsOf('q=trade')
    const byTitle = await slugsOf('q=trade&sort=title')
    const oldest = await slugsOf('q=TRADE&sort=oldest')
    expect([...byTitle].sort()).toEqual([...relevance].sort())
    expect(oldest).toEqual(['trade-finance-gaps', 'r-and-d-special-characters'])
    expect(await slugsOf('q=trade')).toEqual(relevance)
  })

  it('filters, and counts each facet without its own filter', async () => {
    const body = await (await app.request('/v1/reports?topic=trade&country=vn')).json()
    expect(body.items.map((r: { slug: string }) => r.slug)).toEqual([
      'r-and-d-special-characters',
      'trade-finance-gaps',
    ])
    // topic facet: reports in VN by topic (trade 2, finance 1); energy is not in VN
    expect(body.facets.topic).toEqual([
      { value: 'trade', label: 'Trade', count: 2 },
      { value: 'finance', label: 'Finance & Banking', count: 1 },
    ])
    // country facet: reports on trade by country
    expect(body.facets.country).toEqual([
      { value: 'VN', label: 'VN', count: 2 },
      { value: 'PH', label: 'PH', count: 1 },
    ])
    const several = await (await app.request('/v1/reports?type=books,working-papers')).json()
    expect(several.total).toBe(2)
  })

  it('filters by year and by partial-date range', async () => {
    const year = await (await app.request('/v1/reports?year=2013')).json()
    expect(year.items.map((r: { slug: string }) => r.slug)).toEqual([
      'trade-finance-gaps',
      REFERENCE_SLUG,
    ])
    const range = await (await app.request('/v1/reports?from=2013-05&to=2019')).json()
    expect(range.items.map((r: { slug: string }) => r.slug)).toEqual([
      'energy-outlook-2019',
      'trade-finance-gaps',
    ])
    const month = await (await app.request('/v1/reports?from=2013-04&to=2013-04')).json()
    expect(month.items.map((r: { slug: string }) => r.slug)).toEqual([REFERENCE_SLUG])
  })

  it('sorts by title and oldest', async () => {
    const title = await (await app.request('/v1/reports?sort=title')).json()
    expect(title.items.map((r: { slug: string }) => r.slug)).toEqual([
      REFERENCE_SLUG,
      'energy-outlook-2019',
      'r-and-d-special-characters',
      'trade-finance-gaps',
    ])
    const oldest = await (await app.request('/v1/reports?sort=oldest')).json()
    expect(oldest.items[0].slug).toBe(REFERENCE_SLUG)
  })

  it('pages with Link headers and links in the body', async () => {
    const res = await app.request('/v1/reports?per_page=1&page=2&sort=oldest')
    const body = await res.json()
    expect(body).toMatchObject({ total: 4, page: 2, perPage: 1, pageCount: 4 })
    expect(body.items[0].slug).toBe('trade-finance-gaps')
    // Parameters in their documented order, whatever the request's order.
    expect(body.links).toEqual({
      self: '/v1/reports?sort=oldest&per_page=1&page=2',
      first: '/v1/reports?sort=oldest&per_page=1',
      prev: '/v1/reports?sort=oldest&per_page=1',
      next: '/v1/reports?sort=oldest&per_page=1&page=3',
      last: '/v1/reports?sort=oldest&per_page=1&page=4',
      nextCursor: expect.stringMatching(/^\/v1\/reports\?sort=oldest&per_page=1&cursor=\w+$/),
    })
    const link = res.headers.get('Link') ?? ''
    expect(link).toContain('</v1/reports?sort=oldest&per_page=1&page=3>; rel="next"')
    expect(link).toContain('rel="first"')
    expect(link).toContain('rel="prev"')
    expect(link).toContain('rel="last"')
  })

  it('answers 304 to a matching If-None-Match, and the ETag depends on the query', async () => {
    const first = await app.request('/v1/reports?q=trade')
    const etag = first.headers.get('ETag') as string
    const again = await app.request('/v1/reports?q=trade', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('ETag')).toBe(etag)
    const other = await app.request('/v1/reports?q=energy')
    expect(other.headers.get('ETag')).not.toBe(etag)
  })

  it.each([
    ['?pag=2', 'pag', /did you mean page/],
    ['?page=abc', 'page', /whole number/],
    ['?page=0', 'page', /whole number from 1/],
    ['?page=1.5', 'page', /whole number/],
    ['?per_page=1000', 'per_page', /1 to 100/],
    ['?page=99', 'page', /past the last page/],
    ['?sort=popular', 'sort', /relevance, newest, oldest, title/],
    ['?from=2013-13', 'from', /month should be 01 to 12/],
    ['?from=2014&to=2013', 'to', /before from/],
    ['?type=report', 'type', /did you mean reports/],
    ['?topic=Trade!', 'topic', /lowercase/],
    ['?country=XX', 'country', /not an ISO 3166-1/],
    ['?year=13', 'year', /four-digit/],
    [`?q=${'a'.repeat(5000)}`, 'q', /at most 200/],
    [`?q=${encodeURIComponent(Array(13).fill('trade').join(' '))}`, 'q', /at most 12 words/],
    ['?page=1&page=2', 'page', /.+/],
    [`?${'x'.repeat(300)}=1`, `${'x'.repeat(100)}…`, /unknown parameter/],
  ])('rejects %s naming %s', async (query, parameter, message) => {
    const body = await problem(await app.request(`/v1/reports${query}`), 400)
    check('/v1/reports', 400, 'application/problem+json', body)
    expect(body.type).toBe('urn:colophon:problem:invalid-parameters')
    expect(body.errors).toContainEqual({ parameter, detail: expect.stringMatching(message) })
  })

  it('names every bad parameter at once', async () => {
    const body = await problem(await app.request('/v1/reports?page=x&sort=y&colour=red'), 400)
    expect(body.errors.map((e: { parameter: string }) => e.parameter).sort()).toEqual([
      'colour',
      'page',
      'sort',
    ])
  })
})

describe('GET /v1/reports/{slug}', () => {
  it('returns the whole compiled report with a strong ETag from the manifest', async () => {
    const res = await app.request(`/v1/reports/${REFERENCE_SLUG}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/json')
    const body = await res.json()
    check('/v1/reports/{slug}', 200, 'application/json', body)
    expect(body).toEqual(fixture.catalogue.report(REFERENCE_SLUG))
    const hash = fixture.catalogue.reportHash(REFERENCE_SLUG)
    expect(res.headers.get('ETag')).toBe(`"${hash}-json"`)
    expect(res.headers.get('Vary')).toBe('Accept')
    const again = await app.request(`/v1/reports/${REFERENCE_SLUG}`, {
      headers: { 'If-None-Match': `W/"x", "${hash}-json"` },
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it.each([
    ['.bib', 'application/x-bibtex; charset=utf-8'],
    ['.ris', 'application/x-research-info-systems; charset=utf-8'],
    ['.jsonld', 'application/ld+json'],
    ['.csl.json', 'application/vnd.citationstyles.csl+json'],
    ['.xml', 'application/xml; charset=utf-8'],
    ['.json', 'application/json'],
  ])('serves %s by suffix', async (suffix, type) => {
    const res = await app.request(`/v1/reports/${REFERENCE_SLUG}${suffix}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe(type)
    expect(res.headers.get('ETag')).toMatch(/^"[^"]+"$/)
  })

  it.each([
    ['application/x-bibtex', 'application/x-bibtex; charset=utf-8'],
    ['text/x-bibtex', 'application/x-bibtex; charset=utf-8'],
    ['application/ld+json', 'application/ld+json'],
    ['application/vnd.citationstyles.csl+json', 'application/vnd.citationstyles.csl+json'],
    ['application/x-research-info-systems', 'application/x-research-info-systems; charset=utf-8'],
    ['text/xml', 'application/xml; charset=utf-8'],
    ['text/html,application/xhtml+xml,*/*;q=0.8', 'application/json'],
    ['application/json;q=0.2, application/x-bibtex;q=0.9', 'application/x-bibtex; charset=utf-8'],
    [
      'application/*;q=0.5, application/x-research-info-systems',
      'application/x-research-info-systems; charset=utf-8',
    ],
  ])('negotiates Accept: %s', async (accept, type) => {
    const res = await app.request(`/v1/reports/${REFERENCE_SLUG}`, { headers: { Accept: accept } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe(type)
    expect(res.headers.get('Content-Location')).toMatch(
      new RegExp(`^/v1/reports/${REFERENCE_SLUG}\\.`),
    )
  })

  it('answers 406 with the formats it has', async () => {
    const body = await problem(
      await app.request(`/v1/reports/${REFERENCE_SLUG}`, { headers: { Accept: 'image/png' } }),
      406,
    )
    check('/v1/reports/{slug}', 406, 'application/problem+json', body)
    expect(body.detail).toContain('application/x-bibtex')
    const q0 = await app.request(`/v1/reports/${REFERENCE_SLUG}`, {
      headers: { Accept: 'application/json;q=0' },
    })
    expect(q0.status).toBe(406)
  })

  it('answers 404 for an unknown slug and 400 for a malformed one', async () => {
    const missing = await problem(await app.request('/v1/reports/no-such-report'), 404)
    expect(missing.detail).toContain('no-such-report')
    check('/v1/reports/{slug}', 404, 'application/problem+json', missing)
    const bad = await problem(await app.request('/v1/reports/Not_A_Slug'), 400)
    expect(bad.errors[0].parameter).toBe('slug')
    const unknownSuffix = await problem(await app.request(`/v1/reports/${REFERENCE_SLUG}.pdf`), 400)
    expect(unknownSuffix.errors[0].parameter).toBe('slug')
    const query = await problem(await app.request(`/v1/reports/${REFERENCE_SLUG}?format=bib`), 400)
    expect(query.errors[0]).toMatchObject({ parameter: 'format' })
  })
})

describe('lookups', () => {
  it.each(['978-92-9254-047-0', '9789292540470', '978-92-9254-048-7', '978 92 9254 048 7'])(
    'ISBN %s redirects to the reference report',
    async (isbn) => {
      const res = await app.request(`/v1/isbn/${encodeURIComponent(isbn)}`)
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe(
        `https://reports.example.org/v1/reports/${REFERENCE_SLUG}`,
      )
    },
  )

  it('finds an ISBN-10 by its ISBN-13 and the other way round', async () => {
    const ten = await app.request('/v1/isbn/0306406152')
    expect(ten.headers.get('Location')).toMatch(/r-and-d-special-characters$/)
    const thirteen = await app.request('/v1/isbn/978-0-306-40615-7')
    expect(thirteen.headers.get('Location')).toMatch(/r-and-d-special-characters$/)
  })

  it('answers 400 for a malformed ISBN and 404 for an unknown one', async () => {
    const bad = await problem(await app.request('/v1/isbn/978-92-9254-047-1'), 400)
    expect(bad.errors).toEqual([
      { parameter: 'isbn', detail: expect.stringMatching(/check digit should be 0/) },
    ])
    check('/v1/isbn/{isbn}', 400, 'application/problem+json', bad)
    await problem(await app.request(`/v1/isbn/${'9'.repeat(500)}`), 400)
    const unknown = await problem(await app.request('/v1/isbn/978-3-16-148410-0'), 404)
    expect(unknown.detail).toContain('9783161484100')
  })

  it('finds a DOI with its slash, encoded or not, in any case', async () => {
    for (const path of [
      '/v1/doi/10.22617/WPS200123-2',
      '/v1/doi/10.22617%2Fwps200123-2',
      `/v1/doi/${encodeURIComponent('https://doi.org/10.22617/WPS200123-2')}`,
    ]) {
      const res = await app.request(path)
      expect(res.status, path).toBe(303)
      expect(res.headers.get('Location')).toMatch(/r-and-d-special-characters$/)
    }
    await problem(await app.request('/v1/doi/10.9999/nothing'), 404)
    const bad = await problem(await app.request('/v1/doi/not-a-doi'), 400)
    expect(bad.errors[0].parameter).toBe('doi')
  })
})

describe('vocabularies, feed, sitemap, health', () => {
  it('lists vocabularies with counts', async () => {
    const body = await (await app.request('/v1/vocabularies')).json()
    check('/v1/vocabularies', 200, 'application/json', body)
    expect(body.topics).toContainEqual({ key: 'trade', label: 'Trade', count: 2 })
    const types = await (await app.request('/v1/vocabularies/types')).json()
    check('/v1/vocabularies/{name}', 200, 'application/json', types)
    expect(types).toContainEqual({ key: 'books', label: 'Books', count: 1 })
    const years = await (await app.request('/v1/vocabularies/years')).json()
    expect(years).toContainEqual({ year: 2013, count: 2 })
    const missing = await problem(await app.request('/v1/vocabularies/colours'), 404)
    expect(missing.detail).toContain('types, series, topics')
  })

  it('reports health', async () => {
    const res = await app.request('/health')
    const body = await res.json()
    check('/health', 200, 'application/json', body)
    expect(body).toEqual({
      status: 'ok',
      version: '9.9.9',
      name: 'Colophon Test',
      description: 'Reports for the API tests',
      contentHash: fixture.catalogue.manifest.contentHash,
      reportCount: 4,
      schemaVersion: 1,
      store: 'dir',
    })
  })
})

describe('HTTP behaviour', () => {
  it('answers 405 with Allow for other methods on existing paths, 404 elsewhere', async () => {
    for (const path of ['/v1/reports', `/v1/reports/${REFERENCE_SLUG}`, '/health']) {
      const res = await app.request(path, { method: 'POST' })
      const body = await problem(res, 405)
      expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
      expect(body.detail).toContain('POST')
    }
    const del = await app.request('/v1/vocabularies/types', { method: 'DELETE' })
    expect(del.status).toBe(405)
    const missing = await problem(await app.request('/v2/anything'), 404)
    expect(missing.instance).toBe('/v2/anything')
  })

  it('answers HEAD like GET without a body', async () => {
    const res = await app.request(`/v1/reports/${REFERENCE_SLUG}.bib`, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('ETag')).toBeTruthy()
    expect(await res.text()).toBe('')
  })

  it('allows reads from any origin (CORS) and sets security headers', async () => {
    const res = await app.request('/v1/reports', {
      headers: { Origin: 'https://elsewhere.example' },
    })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('ETag')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Strict-Transport-Security')).toMatch(/max-age/)
    const preflight = await app.request('/v1/reports', {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS')
  })

  it('answers 500 as a problem without internals', async () => {
    const broken = createApp({
      store: {
        kind: 'broken',
        snapshot: () => Promise.reject(new Error('secret internal detail /etc/passwd')),
        piece: () => Promise.reject(new Error('secret internal detail /etc/passwd')),
      },
    })
    const res = await broken.request('/v1/reports')
    const body = await problem(res, 500)
    expect(JSON.stringify(body)).not.toContain('secret')
  })
})
