// Hostile requests, each answered as documented: prototype names are no report, numbers
// are decimal, strings are strictly decoded, a repeated parameter is named, and equal ETags
// mean equal bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { FolderStore } from './store/folder.ts'
import { queryProblems } from './strict-query.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from './test-support/fixture.ts'

let fixture: Fixture
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  fixture = await buildFixture()
  app = createApp({ store: new FolderStore(fixture.out) })
})
afterAll(() => fixture.cleanup())

async function badParameter(target: string, parameter: string, detail: RegExp) {
  const res = await app.request(target)
  expect([target, res.status]).toEqual([target, 400])
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  const body = await res.json()
  expect(body.errors.map((e: { parameter: string }) => e.parameter)).toEqual([parameter])
  expect(body.errors[0].detail).toMatch(detail)
  expect(body.detail).toBe(body.errors[0].detail)
}

describe('names from outside index own keys only', () => {
  it('answers 404 for prototype names, even with If-None-Match: *', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      for (const headers of [{}, { 'If-None-Match': '*' }] as Record<string, string>[]) {
        const res = await app.request(`/v1/reports/${name}`, { headers })
        // 400 for a name that is no slug (__proto__, toString), else 404: never 304 or 200.
        expect([name, res.status]).toEqual([name, /^[a-z]+$/.test(name) ? 404 : 400])
        expect(res.headers.get('ETag')).toBeNull()
      }
      const bib = await app.request(`/v1/reports/${name}.bib`, {
        headers: { 'If-None-Match': '*' },
      })
      expect(bib.status).toBeGreaterThanOrEqual(400)
    }
  })
})

describe('strict parameters', () => {
  it('takes page and per_page in decimal digits only', async () => {
    for (const value of ['0x10', '0b11', '0o7', '1e1', '%201%20', '+1', '1.0', '', 'Infinity']) {
      await badParameter(`/v1/reports?page=${value}`, 'page', /whole number .*decimal digits/)
      await badParameter(`/v1/reports?per_page=${value}`, 'per_page', /decimal digits/)
    }
    expect((await app.request('/v1/reports?page=1&per_page=02')).status).toBe(200)
  })

  it('decodes q and every string parameter strictly, naming it and what is wrong', async () => {
    for (const name of ['q', 'type', 'from', 'sort']) {
      await badParameter(`/v1/reports?${name}=%zz`, name, /malformed percent-encoding "%zz"/)
      await badParameter(`/v1/reports?${name}=a%`, name, /malformed percent-encoding/)
      await badParameter(`/v1/reports?${name}=%e2%82`, name, /not valid UTF-8/)
      await badParameter(`/v1/reports?${name}=%ED%A0%80`, name, /not valid UTF-8/)
      await badParameter(`/v1/reports?${name}=%EF%BF%BD`, name, /U\+FFFD/)
      await badParameter(`/v1/reports?${name}=a%00b`, name, /control character U\+0000/)
      await badParameter(`/v1/reports?${name}=%1b%5D0%3Bx%07`, name, /control character U\+001B/)
    }
    // A lone surrogate as a client sends it: WHATWG URL encodes it as U+FFFD.
    const url = new URL('http://localhost/v1/reports')
    url.searchParams.set('q', 'a\ud800')
    await badParameter(url.pathname + url.search, 'q', /lone surrogate/)
    await badParameter('/v1/feed.atom?%zz=1', '%zz', /parameter name "%zz": malformed/)
    expect((await app.request('/v1/reports?q=%C3%A9conomie+asia')).status).toBe(200)
  })

  it('names a repeated parameter clearly', async () => {
    await badParameter('/v1/reports?q=a&q=b', 'q', /^q: given 2 times; give it once/)
    await badParameter('/v1/reports?type=reports&type=books', 'type', /separated by commas/)
  })

  it('sends one ETag per body: the order and encoding of the query change neither', async () => {
    const variants = [
      '?type=reports&q=asia',
      '?q=asia&type=reports',
      '?q=%61sia&type=reports',
      '?q=asia&type=reports&page=1',
      '?q=asia&type=reports&per_page=1',
      '?per_page=1&q=asia&type=reports',
      '?q=asia&type=reports&per_page=1&page=2',
      '?q=asia',
      '',
      '?sort=title',
    ]
    const bodies = new Map<string, string>()
    for (const variant of variants) {
      const res = await app.request(`/v1/reports${variant}`)
      expect(res.status).toBe(200)
      const etag = res.headers.get('ETag') as string
      const body = await res.text()
      const seen = bodies.get(etag)
      if (seen !== undefined) expect([variant, body]).toEqual([variant, seen])
      bodies.set(etag, body)
    }
    const a = await app.request('/v1/reports?type=reports&q=asia')
    const b = await app.request('/v1/reports?q=asia&type=reports')
    expect(await a.text()).toBe(await b.text())
  })

  it('sends other ETags for another public URL, whose bodies differ', async () => {
    const paths = [`/v1/reports/${REFERENCE_SLUG}.jsonld`, '/v1/feed.atom', '/sitemap.xml']
    const seen = async (publicUrl: string) => {
      const other = createApp({ store: new FolderStore(fixture.out), publicUrl })
      const out: [string | null, string][] = []
      for (const path of paths) {
        const res = await other.request(path)
        out.push([res.headers.get('ETag'), await res.text()])
      }
      return out
    }
    const a = await seen('https://a.example')
    const b = await seen('https://b.example')
    const again = await seen('https://a.example')
    expect(again).toEqual(a)
    a.forEach(([etag, body], i) => {
      expect(b[i]?.[1]).not.toBe(body)
      expect(b[i]?.[0]).not.toBe(etag)
    })
  })

  it('finds nothing wrong with a well-formed query', () => {
    expect(queryProblems('?q=a+b&type=reports,books&x')).toEqual([])
    expect(queryProblems('')).toEqual([])
  })
})
