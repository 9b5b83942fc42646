// Inside workerd (the Workers Vitest pool), with a real KV namespace from miniflare.
import { env } from 'cloudflare:test'
import { exports } from 'cloudflare:workers'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp } from '../app.ts'
import worker from '../worker.ts'
import { type KvNamespaceLike, KvStore } from './kv.ts'
import type { KvEntry } from './kv-layout.ts'

interface KvBinding extends KvNamespaceLike {
  put(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
}
const kv = (env as unknown as { CATALOGUE: KvBinding }).CATALOGUE
const { first, second, referenceReport } = inject('kv')

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked by the assertions
const json = (res: Response): Promise<any> => res.json()

async function load(entries: { data: KvEntry[]; manifest: KvEntry }) {
  for (const { key, value } of entries.data) await kv.put(key, value)
  await kv.put(entries.manifest.key, entries.manifest.value)
}

beforeAll(async () => {
  await load(first)
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
    const key = first.data.find((e) => e.key.startsWith('report:trade-finance-gaps@'))
      ?.key as string
    await kv.delete(key)
    const res = await app.request('/v1/reports/trade-finance-gaps')
    expect(res.status).toBe(500)
    const body = await json(res)
    expect(body).toMatchObject({ status: 500, title: 'Internal Server Error' })
    expect(JSON.stringify(body)).not.toContain('report:')
    await load(first)
  })
})

describe('worker entries in workerd', () => {
  it('the KV worker (main) answers through its fetch handler with real bindings', async () => {
    const res = await (exports as unknown as { default: { fetch: typeof fetch } }).default.fetch(
      'http://example.com/v1/reports?type=books',
    )
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body.items.map((r: { slug: string }) => r.slug)).toEqual(['energy-outlook-2019'])
    const bad = await (exports as unknown as { default: { fetch: typeof fetch } }).default.fetch(
      'http://example.com/v1/reports?sort=best',
    )
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
