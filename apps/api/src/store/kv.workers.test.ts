// Inside workerd (the Workers Vitest pool), with a real KV namespace from miniflare.
import { env } from 'cloudflare:test'
import { exports } from 'cloudflare:workers'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp } from '../app.ts'
import type { LoadedEntry } from '../test-support/workers-setup.ts'
import worker from '../worker.ts'
import { type KvNamespaceLike, KvStore } from './kv.ts'
import { type R2BucketLike, R2Store } from './r2.ts'

interface KvBinding extends KvNamespaceLike {
  put(key: string, value: ArrayBuffer | Uint8Array): Promise<void>
  delete(key: string): Promise<void>
}
interface R2Binding extends R2BucketLike {
  put(key: string, value: Uint8Array): Promise<unknown>
}
const bindings = env as unknown as { CATALOGUE: KvBinding; CATALOGUE_BUCKET: R2Binding }
const kv = bindings.CATALOGUE
const bucket = bindings.CATALOGUE_BUCKET
const { first, second, referenceReport } = inject('kv')
const mainWorker = (exports as unknown as { default: { fetch: typeof fetch } }).default

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked by the assertions
const json = (res: Response): Promise<any> => res.json()

const bytes = (e: LoadedEntry) => Uint8Array.from(atob(e.base64), (c) => c.charCodeAt(0))

/** Writes a snapshot as the loaders do: the data, then the pointer. */
async function load(
  entries: { data: LoadedEntry[]; pointer: LoadedEntry },
  put: (key: string, value: Uint8Array) => Promise<unknown> = (k, v) => kv.put(k, v),
) {
  for (const e of entries.data) await put(e.key, bytes(e))
  await put(entries.pointer.key, bytes(entries.pointer))
}

beforeAll(async () => {
  await load(first)
})

describe('a cold KV worker under concurrent requests', () => {
  it('answers every one of them, none with a 500', async () => {
    // The main worker's store is made at its first request: these are the first, at once,
    // each a request of its own, on every kind of path (manifest, blocks, shards, search).
    const paths = [
      '/health',
      '/v1/reports',
      '/v1/reports?q=factory',
      '/v1/reports?q=trade&type=reports',
      '/v1/reports/beyond-factory-asia',
      '/v1/reports/beyond-factory-asia.bib',
      '/v1/reports/energy-outlook-2019',
      '/v1/isbn/978-92-9254-047-0',
      '/v1/vocabularies',
      '/v1/feed.atom',
    ]
    const requests = Array.from({ length: 60 }, (_, i) =>
      mainWorker.fetch(`http://example.com${paths[i % paths.length]}`, { redirect: 'manual' }),
    )
    const statuses = await Promise.all(requests.map(async (r) => (await r).status))
    expect(statuses.filter((s) => s >= 500)).toEqual([])
    expect(new Set(statuses)).toEqual(new Set([200, 303]))
  })
})

describe('KvStore in workerd', () => {
  it('serves list, search, report, formats and lookups from KV', async () => {
    const app = createApp({ store: new KvStore(kv) })
    const list = await json(await app.request('/v1/reports?q=factory'))
    expect(list.items[0].slug).toBe('beyond-factory-asia')
    const report = await app.request('/v1/reports/beyond-factory-asia')
    expect(await json(report)).toEqual(referenceReport)
    const bib = await app.request('/v1/reports/beyond-factory-asia.bib')
    expect(await bib.text()).toMatch(/^@techreport\{beyond-factory-asia,/)
    const xml = await app.request('/v1/reports/beyond-factory-asia.xml')
    expect(XMLValidator.validate(await xml.text())).toBe(true)
    for (const isbn of ['978-92-9254-047-0', '9789292540470', '978-92-9254-048-7']) {
      const res = await app.request(`/v1/isbn/${isbn}`)
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toMatch(/\/v1\/reports\/beyond-factory-asia$/)
    }
    const health = await json(await app.request('/health'))
    expect(health).toMatchObject({ store: 'kv', reportCount: 4 })
  })

  it('streams the gzipped dump and answers OAI-PMH from KV (CompressionStream, btoa in workerd)', async () => {
    const app = createApp({ store: new KvStore(kv) })
    const dump = await app.request('/v1/dump.ndjson.gz')
    expect(dump.status).toBe(200)
    const body = dump.body?.pipeThrough(new DecompressionStream('gzip'))
    const lines = (await new Response(body).text()).trim().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines.map((l) => JSON.parse(l).slug)).toContain('beyond-factory-asia')
    const page = await (await app.request('/oai?verb=ListIdentifiers&metadataPrefix=mods')).text()
    expect(XMLValidator.validate(page)).toBe(true)
    expect(page.match(/<header>/g)).toHaveLength(4)
    const record = await (
      await app.request(
        '/oai?verb=GetRecord&metadataPrefix=marcxml&identifier=oai:reports.example.org:beyond-factory-asia',
      )
    ).text()
    expect(record).toContain('<controlfield tag="001">beyond-factory-asia</controlfield>')
  })

  it('answers 304 from the manifest hash without reading the report', async () => {
    const app = createApp({ store: new KvStore(kv) })
    const res = await app.request('/v1/reports/beyond-factory-asia')
    const etag = res.headers.get('ETag') as string
    const again = await app.request('/v1/reports/beyond-factory-asia', {
      headers: { 'If-None-Match': etag },
    })
    expect(again.status).toBe(304)
  })

  it('switches to a new catalogue once its manifest is written', async () => {
    const store = new KvStore(kv, { manifestTtlMs: 0 })
    const app = createApp({ store })
    expect((await json(await app.request('/health'))).reportCount).toBe(4)
    await load(second)
    expect((await json(await app.request('/health'))).reportCount).toBe(3)
    const gone = await app.request('/v1/reports/r-and-d-special-characters')
    expect(gone.status).toBe(404)
    expect(gone.headers.get('Content-Type')).toBe('application/problem+json')
    await load(first)
    expect((await json(await app.request('/health'))).reportCount).toBe(4)
  })

  it('answers 500 problem+json, without internals, when KV lacks a key the manifest names', async () => {
    const app = createApp({ store: new KvStore(kv, { manifestTtlMs: 0 }) })
    const key = first.data.find((e) => e.key.startsWith('report-blocks/0.json@'))?.key as string
    await kv.delete(key)
    const res = await app.request('/v1/reports/trade-finance-gaps')
    expect(res.status).toBe(500)
    const body = await json(res)
    expect(body).toMatchObject({ status: 500, title: 'Internal Server Error' })
    expect(JSON.stringify(body)).not.toContain('report-blocks')
    await load(first)
  })
})

describe('R2Store in workerd', () => {
  it('serves the same snapshot from R2 objects', async () => {
    await load(first, (key, value) => bucket.put(key, value))
    const app = createApp({ store: new R2Store(bucket) })
    const list = await json(await app.request('/v1/reports?q=factory'))
    expect(list.items[0].slug).toBe('beyond-factory-asia')
    expect(await json(await app.request('/v1/reports/beyond-factory-asia'))).toEqual(
      referenceReport,
    )
    const doi = await app.request('/v1/doi/10.22617/WPS200123-2')
    expect(doi.status).toBe(303)
    expect((await json(await app.request('/health'))).store).toBe('r2')
  })
})

describe('worker entries in workerd', () => {
  it('the KV worker (main) answers through its fetch handler with real bindings', async () => {
    const res = await mainWorker.fetch('http://example.com/v1/reports?type=books')
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body.items.map((r: { slug: string }) => r.slug)).toEqual(['energy-outlook-2019'])
    const bad = await mainWorker.fetch('http://example.com/v1/reports?sort=best')
    expect(bad.status).toBe(400)
    expect((await json(bad)).errors[0].parameter).toBe('sort')
  })

  it('the embedded worker serves the real compiled catalogue', async () => {
    const res = await worker.request('/v1/isbn/978-92-9254-048-7')
    expect(res.status).toBe(303)
    const report = await worker.request(new URL(res.headers.get('Location') as string).pathname)
    expect((await json(report)).title).toBe(
      'Beyond Factory Asia: Fuelling Growth in a Changing World',
    )
    const doc = await json(await worker.request('/openapi.json'))
    expect(doc.openapi).toBe('3.1.0')
  })
})
