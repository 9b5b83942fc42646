import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build, serializeReportFile } from 'colophon-content/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp } from '../app.ts'
import { FolderStore } from '../store/folder.ts'
import {
  buildFixture,
  extraReports,
  type Fixture,
  REFERENCE_SLUG,
} from '../test-support/fixture.ts'

// The kept answers of GET /v1/reports/{slug}: a report asked for again is answered without
// the route's work. What matters is that nobody can tell: same status, headers and bytes,
// and nothing kept where the route would have answered otherwise.

let fixture: Fixture
beforeAll(async () => {
  fixture = await buildFixture()
})
afterAll(() => fixture.cleanup())
afterEach(() => {
  vi.useRealTimers()
})

/** A folder store that counts how often a request had to wait for the snapshot. */
function countingStore(options: { manifestTtlMs?: number } = {}) {
  const store = new FolderStore(fixture.out, options)
  const counts = { snapshot: 0 }
  const snapshot = store.snapshot.bind(store)
  store.snapshot = () => {
    counts.snapshot++
    return snapshot()
  }
  return { store, counts }
}

async function answerOf(res: Response) {
  return {
    status: res.status,
    headers: Object.fromEntries(res.headers),
    body: new Uint8Array(await res.arrayBuffer()),
  }
}

describe('kept report answers', () => {
  it('answers a report asked for again with the same status, headers and bytes, without waiting for the snapshot', async () => {
    const { store, counts } = countingStore()
    const app = createApp({ store })
    const first = await answerOf(await app.request(`/v1/reports/${REFERENCE_SLUG}`))
    expect(first.status).toBe(200)
    const waited = counts.snapshot
    expect(waited).toBeGreaterThan(0)
    const second = await answerOf(await app.request(`/v1/reports/${REFERENCE_SLUG}`))
    expect(second).toEqual(first)
    expect(counts.snapshot).toBe(waited)
    expect(second.headers['x-content-type-options']).toBe('nosniff')
    expect(second.headers['access-control-allow-origin']).toBe('*')
  })

  it('keeps each Accept and each suffix apart', async () => {
    const app = createApp({ store: new FolderStore(fixture.out) })
    const path = `/v1/reports/${REFERENCE_SLUG}`
    const bib = { headers: { Accept: 'application/x-bibtex' } }
    for (let round = 0; round < 2; round++) {
      const json = await app.request(path)
      expect(json.headers.get('Content-Type')).toBe('application/json')
      const byAccept = await app.request(path, bib)
      expect(byAccept.headers.get('Content-Type')).toBe('application/x-bibtex; charset=utf-8')
      expect(byAccept.headers.get('Content-Location')).toBe(`${path}.bib`)
      const bySuffix = await app.request(`${path}.ris`)
      expect(bySuffix.headers.get('Content-Type')).toBe(
        'application/x-research-info-systems; charset=utf-8',
      )
      expect(bySuffix.headers.get('Vary')).toBeNull()
      expect(await app.request(path, { headers: { Accept: 'image/png' } })).toHaveProperty(
        'status',
        406,
      )
    }
  })

  it('still answers 400 to a query, 304 to a matching If-None-Match and HEAD without a body', async () => {
    const app = createApp({ store: new FolderStore(fixture.out) })
    const path = `/v1/reports/${REFERENCE_SLUG}`
    const kept = await app.request(path)
    const etag = kept.headers.get('ETag') as string
    expect((await app.request(path)).status).toBe(200)
    const query = await app.request(`${path}?format=bib`)
    expect(query.status).toBe(400)
    expect((await query.json()).errors[0]).toMatchObject({ parameter: 'format' })
    const unchanged = await app.request(path, { headers: { 'If-None-Match': etag } })
    expect(unchanged.status).toBe(304)
    const head = await app.request(path, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('ETag')).toBe(etag)
    expect(await head.text()).toBe('')
  })

  it('keeps the answers of each public URL apart', async () => {
    const app = createApp({ store: new FolderStore(fixture.out) })
    const path = `/v1/reports/${REFERENCE_SLUG}.jsonld`
    const one = { PUBLIC_URL: 'https://one.example.org' }
    const two = { PUBLIC_URL: 'https://two.example.org' }
    for (let round = 0; round < 2; round++) {
      expect(await (await app.request(path, {}, one)).text()).toContain('https://one.example.org/')
      const other = await (await app.request(path, {}, two)).text()
      expect(other).toContain('https://two.example.org/')
      expect(other).not.toContain('https://one.example.org/')
    }
  })

  it('serves a new snapshot once the store checks its manifest again, not a kept answer', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { store } = countingStore({ manifestTtlMs: 60_000 })
    const app = createApp({ store })
    const report = extraReports.find((r) => r.slug === 'energy-outlook-2019')
    if (!report) throw new Error('fixture lacks energy-outlook-2019')
    const path = `/v1/reports/${report.slug}`
    expect((await (await app.request(path)).json()).title).toBe(report.title)
    const source = join(fixture.dir, 'catalogue')
    writeFileSync(
      join(source, 'reports', `${report.slug}.md`),
      serializeReportFile({ ...report, title: 'Energy Outlook, Revised' }),
    )
    try {
      expect((await build({ dir: source, out: fixture.out })).ok).toBe(true)
      // Within the TTL the store trusts the snapshot it has, as it would without kept answers.
      expect((await (await app.request(path)).json()).title).toBe(report.title)
      vi.setSystemTime(Date.now() + 61_000)
      expect((await (await app.request(path)).json()).title).toBe('Energy Outlook, Revised')
    } finally {
      writeFileSync(join(source, 'reports', `${report.slug}.md`), serializeReportFile(report))
      await build({ dir: source, out: fixture.out })
    }
  })
})
