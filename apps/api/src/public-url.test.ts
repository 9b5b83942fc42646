import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { resolvePublicUrl } from './public-url.ts'
import { FolderStore } from './store/folder.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from './test-support/fixture.ts'

let fixture: Fixture
beforeAll(async () => {
  fixture = await buildFixture()
})
afterAll(() => fixture.cleanup())

const forged = { headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' } }

/** Every response that carries an absolute URL, after a forged request warmed each cache. */
async function absoluteUrls(app: ReturnType<typeof createApp>): Promise<string> {
  const paths = [
    `/v1/reports/${REFERENCE_SLUG}.jsonld`,
    `/v1/reports/${REFERENCE_SLUG}.bib`,
    `/v1/reports/${REFERENCE_SLUG}.ris`,
    `/v1/reports/${REFERENCE_SLUG}.csl.json`,
    `/v1/reports/${REFERENCE_SLUG}.xml`,
    '/v1/feed.atom',
    '/sitemap.xml',
    '/v1/isbn/9789292540470',
  ]
  for (const path of paths) await app.request(`http://evil.example${path}`, forged)
  let seen = ''
  for (const path of paths) {
    const res = await app.request(`http://reports.test${path}`)
    seen += `${res.headers.get('Location') ?? ''}\n${await res.text()}\n`
  }
  return seen
}

describe('public URL', () => {
  it('never takes a forged Host into a response, cached or not', async () => {
    const app = createApp({ store: new FolderStore(fixture.out) })
    const seen = await absoluteUrls(app)
    expect(seen).not.toContain('evil.example')
    expect(seen).not.toContain('reports.test')
    expect(seen).toContain(`${fixture.catalogue.settings.baseUrl.replace(/\/$/, '')}/reports/`)
  })

  it('takes the configured origin over the catalogue baseUrl', async () => {
    const app = createApp({
      store: new FolderStore(fixture.out),
      publicUrl: 'https://reports.example.net/',
    })
    const seen = await absoluteUrls(app)
    expect(seen).not.toContain('evil.example')
    expect(seen).toContain(`https://reports.example.net/reports/${REFERENCE_SLUG}`)
    const res = await app.request('/v1/isbn/9789292540470')
    expect(res.headers.get('Location')).toBe(
      `https://reports.example.net/v1/reports/${REFERENCE_SLUG}`,
    )
  })

  it('reads PUBLIC_URL from the runtime bindings and refuses a non-http URL', () => {
    expect(resolvePublicUrl(undefined, { PUBLIC_URL: 'https://a.example/x/' })).toBe(
      'https://a.example/x',
    )
    expect(resolvePublicUrl(undefined, {})).toBeUndefined()
    expect(resolvePublicUrl('http://b.example', { PUBLIC_URL: 'https://a.example' })).toBe(
      'http://b.example',
    )
    expect(() => resolvePublicUrl('javascript:alert(1)', {})).toThrow(/http\(s\)/)
  })
})
