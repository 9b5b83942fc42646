// The harvesting side of the REST API: the dump, tombstones, dates of change in lists,
// sitemap and feed, stable paging.
import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { FolderStore } from '../store/folder.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from '../test-support/fixture.ts'
import { responseValidator } from '../test-support/openapi.ts'

const WITHDRAWN = 'withdrawn-survey'
const CHANGED = 'trade-finance-gaps'
let fixture: Fixture
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  fixture = await buildFixture({
    extra: [
      {
        slug: WITHDRAWN,
        title: 'A Survey Withdrawn',
        published: '2015-03',
        type: 'reports',
        modified: '2024-06-01T10:00:00Z',
        withdrawn: { date: '2024-06', reason: 'Replaced by a corrected edition' },
        identifiers: {
          isbn: [{ value: '978-3-16-148410-0', form: 'print' }],
          doi: '10.5555/Withdrawn.1',
        },
      },
    ],
  })
  app = createApp({ store: new FolderStore(fixture.out) })
})
afterAll(() => fixture.cleanup())

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url')

describe('the dump', () => {
  it('holds every report, newest first, one compiled JSON per line, each line hashed as its ETag', async () => {
    const res = await app.request('/v1/dump.ndjson.gz')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/gzip')
    const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')
    const lines = text.split('\n')
    expect(lines.pop()).toBe('')
    const { manifest, summaries } = fixture.catalogue
    expect(lines).toHaveLength(manifest.reportCount)
    const slugs = lines.map((line) => JSON.parse(line).slug as string)
    // Newest first: the list's order.
    expect(slugs).toEqual(summaries.map((s) => s.slug))
    lines.forEach((line, i) => {
      expect(sha256(line)).toBe(fixture.catalogue.reportHash(slugs[i] as string))
    })
    expect(slugs).not.toContain(WITHDRAWN)
  })

  it('has an ETag from the manifest and answers 304', async () => {
    const res = await app.request('/v1/dump.ndjson.gz')
    const etag = res.headers.get('ETag') as string
    expect(etag).toContain(fixture.catalogue.manifest.dumpHash.slice(0, 8))
    const again = await app.request('/v1/dump.ndjson.gz', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
  })

  it('is in the OpenAPI document', async () => {
    const doc = await (await app.request('/openapi.json')).json()
    expect(Object.keys(doc.paths)).toContain('/v1/dump.ndjson.gz')
    expect(Object.keys(doc.paths)).toContain('/oai')
    // And the list's documented schema holds the new item fields.
    const validate = responseValidator(doc)
    const list = await (await app.request('/v1/reports')).json()
    expect(validate('/v1/reports', 200, 'application/json', list)).toBe(true)
  })
})

describe('a withdrawn report', () => {
  it('answers 410 with a problem naming the title, date and reason', async () => {
    for (const path of [`/v1/reports/${WITHDRAWN}`, `/v1/reports/${WITHDRAWN}.bib`]) {
      const res = await app.request(path)
      expect(res.status).toBe(410)
      expect(res.headers.get('Content-Type')).toBe('application/problem+json')
      expect(await res.json()).toMatchObject({
        type: 'urn:colophon:problem:withdrawn',
        status: 410,
        slug: WITHDRAWN,
        reportTitle: 'A Survey Withdrawn',
        withdrawn: { date: '2024-06', reason: 'Replaced by a corrected edition' },
      })
    }
  })

  it('answers its ISBN and DOI lookups with the same 410 as its slug route', async () => {
    const bySlug = await (await app.request(`/v1/reports/${WITHDRAWN}`)).json()
    for (const path of [
      '/v1/isbn/9783161484100',
      '/v1/isbn/3-16-148410-X',
      '/v1/doi/10.5555/withdrawn.1',
      `/v1/doi/${encodeURIComponent('https://doi.org/10.5555/WITHDRAWN.1')}`,
    ]) {
      const res = await app.request(path)
      expect(res.status, path).toBe(410)
      expect(res.headers.get('Content-Type')).toBe('application/problem+json')
      const { instance: _a, ...body } = await res.json()
      const { instance: _b, ...expected } = bySlug
      expect(body).toEqual(expected)
    }
    expect((await app.request('/v1/isbn/9780596520687')).status).toBe(404)
  })

  it('is out of lists and search', async () => {
    const list = await (await app.request('/v1/reports?per_page=100')).json()
    expect(list.items.map((i: { slug: string }) => i.slug)).not.toContain(WITHDRAWN)
    const search = await (await app.request('/v1/reports?q=withdrawn')).json()
    expect(search.total).toBe(0)
  })
})

describe('dates of change in the list, sitemap and feed', () => {
  it('list items carry their date of change, OAI identifier and links', async () => {
    const list = await (await app.request('/v1/reports?per_page=100')).json()
    const item = list.items.find((i: { slug: string }) => i.slug === REFERENCE_SLUG)
    expect(item.modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(item.oaiIdentifier).toBe(`oai:reports.example.org:${REFERENCE_SLUG}`)
    expect(item.links).toMatchObject({
      self: `/v1/reports/${REFERENCE_SLUG}`,
      web: `https://reports.example.org/reports/${REFERENCE_SLUG}`,
      formats: {
        bibtex: `/v1/reports/${REFERENCE_SLUG}.bib`,
        mods: `/v1/reports/${REFERENCE_SLUG}.mods.xml`,
      },
    })
    const linked = await app.request(item.links.formats.marcxml)
    expect(linked.status).toBe(200)
  })

  it('changedSince filters and sort=changed orders by the date of change', async () => {
    const all = await (await app.request('/v1/reports?sort=changed&per_page=100')).json()
    const dates = all.items.map((i: { modified: string }) => i.modified)
    expect(dates).toEqual([...dates].sort().reverse())
    const newest = dates[0] as string
    const since = await (await app.request(`/v1/reports?changedSince=${newest}`)).json()
    expect(since.items.every((i: { modified: string }) => i.modified >= newest)).toBe(true)
    expect(since.total).toBeLessThan(all.total)
    const bad = await app.request('/v1/reports?changedSince=yesterday')
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors[0].parameter).toBe('changedSince')
  })

  it("the sitemap's lastmod and the feed's updated are the dates of change", async () => {
    const report = fixture.catalogue.report(CHANGED)
    const sitemap = await (await app.request('/sitemap.xml')).text()
    expect(sitemap).toContain(
      `<loc>https://reports.example.org/reports/${CHANGED}</loc><lastmod>${report?.modified}</lastmod>`,
    )
    const feed = await (await app.request('/v1/feed.atom')).text()
    expect(feed).toContain(`<updated>${report?.modified}</updated>`)
  })
})

describe('cursor paging', () => {
  it('follows nextCursor to the last page, and a cursor of another snapshot is a 410', async () => {
    const slugs: string[] = []
    let path: string | undefined = '/v1/reports?per_page=2'
    while (path) {
      const page: { items: { slug: string }[]; links: { nextCursor?: string } } = await (
        await app.request(path)
      ).json()
      slugs.push(...page.items.map((i) => i.slug))
      path = page.links.nextCursor
    }
    expect(slugs).toHaveLength(fixture.catalogue.manifest.reportCount)
    const other = btoa('AAAAAAAAAAAAAAAA.2')
    const gone = await app.request(`/v1/reports?per_page=2&cursor=${other}`)
    expect(gone.status).toBe(410)
    expect((await gone.json()).type).toBe('urn:colophon:problem:cursor-expired')
    const bad = await app.request('/v1/reports?cursor=zzz')
    expect(bad.status).toBe(400)
  })
})
