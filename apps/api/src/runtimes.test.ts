// The same requests to the API on Node (sources and bundle), workerd, Bun and Deno give the
// same bytes: status, the headers that carry meaning, and the body. Each runtime runs its shipped entry as a real
// server on 127.0.0.1; bun and deno come from the npm registry (devDependencies).
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DOCS_ASSETS, docsAssetUrl } from './docs/assets.ts'
import {
  type RunningRuntime,
  startBun,
  startDeno,
  startNode,
  startNodeBundle,
  startWorkerd,
} from './test-support/runtimes.ts'

const PUBLIC_URL = 'https://reports.example.org'
const SLUG = 'beyond-factory-asia'

const SIGNIFICANT = [
  'allow',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'cache-control',
  'content-location',
  'content-security-policy',
  'content-type',
  'etag',
  'link',
  'location',
  'vary',
  'x-content-type-options',
  'x-frame-options',
]

type Request = { path: string; method?: string; headers?: Record<string, string> }

const REQUESTS: Request[] = [
  { path: '/health' },
  { path: '/openapi.json' },
  { path: '/docs' },
  { path: '/v1/reports' },
  { path: '/v1/reports?q=factory%20asia&per_page=5' },
  { path: '/v1/reports?type=reports&sort=title' },
  { path: `/v1/reports/${SLUG}` },
  { path: `/v1/reports/${SLUG}`, headers: { Accept: 'application/x-bibtex' } },
  { path: `/v1/reports/${SLUG}.bib` },
  { path: `/v1/reports/${SLUG}.ris` },
  { path: `/v1/reports/${SLUG}.jsonld` },
  { path: `/v1/reports/${SLUG}.csl.json` },
  { path: `/v1/reports/${SLUG}.xml` },
  { path: '/v1/isbn/978-92-9254-047-0' },
  { path: '/v1/isbn/92-9254-047-5' },
  { path: '/v1/vocabularies' },
  { path: '/v1/vocabularies/types' },
  { path: '/v1/feed.atom' },
  { path: '/sitemap.xml' },
  // problems
  { path: '/v1/reports?sort=popular' },
  { path: '/v1/reports/no-such-report' },
  { path: '/v1/isbn/978-92-9254-047-1' },
  { path: `/v1/reports/${SLUG}`, headers: { Accept: 'image/png' } },
  { path: '/v1/nowhere' },
  { path: '/v1/reports', method: 'POST' },
  { path: '/v1/reports', method: 'OPTIONS' },
]

let runtimes: RunningRuntime[] = []

beforeAll(async () => {
  const env = { PUBLIC_URL }
  const started = await Promise.allSettled([
    startNode(env),
    startNodeBundle(env),
    startWorkerd(env),
    startBun(env),
    startDeno(env),
  ])
  runtimes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const failed = started.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []))
  if (failed.length) throw new AggregateError(failed, 'a runtime did not start')
}, 240_000)

afterAll(async () => {
  await Promise.all(runtimes.map((r) => r.stop()))
}, 60_000)

async function answer(base: string, request: Request) {
  const response = await fetch(base + request.path, {
    method: request.method ?? 'GET',
    // identity: Deno.serve would otherwise compress, which fetch undoes but Vary shows
    headers: { 'Accept-Encoding': 'identity', ...request.headers },
    redirect: 'manual',
  })
  let body = Buffer.from(await response.arrayBuffer())
  // Where the snapshot is read from is each entry's own (Node reads the compiled folder, the
  // others the bundle): /health says so, and only that may differ.
  if (request.path === '/health') {
    const { store, ...rest } = JSON.parse(body.toString('utf8'))
    expect(['dir', 'embedded']).toContain(store)
    body = Buffer.from(JSON.stringify(rest))
  }
  const headers = Object.fromEntries(
    SIGNIFICANT.flatMap((name) => {
      const value = response.headers.get(name)
      return value === null ? [] : [[name, value]]
    }),
  )
  return {
    status: response.status,
    headers,
    bytes: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    start: body.subarray(0, 80).toString('utf8'),
  }
}

describe('Node (sources and bundle), workerd, Bun and Deno answer byte for byte alike', () => {
  it('started all five', () => {
    expect(runtimes.map((r) => r.name)).toEqual(['node', 'node bundle', 'workerd', 'bun', 'deno'])
  })

  for (const request of REQUESTS) {
    const label = `${request.method ?? 'GET'} ${request.path}${request.headers ? ` ${JSON.stringify(request.headers)}` : ''}`
    it(label, { timeout: 120_000 }, async () => {
      const [reference, ...others] = await Promise.all(
        runtimes.map(async (r) => ({ runtime: r.name, ...(await answer(r.url, request)) })),
      )
      if (!reference) throw new Error('no runtime')
      expect(reference.status).toBeLessThan(500)
      for (const other of others) {
        expect(
          { ...other, runtime: reference.runtime },
          `${other.runtime} vs ${reference.runtime}`,
        ).toEqual(reference)
      }
    })
  }

  // Workers serve these as static assets (their own caching headers); the bytes and the
  // content type are the same everywhere.
  for (const asset of DOCS_ASSETS) {
    it(`GET ${docsAssetUrl(asset)}: same file, same content type`, {
      timeout: 120_000,
    }, async () => {
      const answers = await Promise.all(
        runtimes.map(async (r) => {
          const { status, headers, sha256 } = await answer(r.url, { path: docsAssetUrl(asset) })
          return { runtime: r.name, status, type: headers['content-type'], sha256 }
        }),
      )
      for (const a of answers) {
        expect(a, a.runtime).toEqual({
          runtime: a.runtime,
          status: 200,
          type: asset.contentType,
          sha256: answers[0]?.sha256,
        })
      }
    })
  }

  it('an ETag from one runtime is honoured by the others (304)', async () => {
    const first = runtimes[0]
    if (!first) throw new Error('no runtime')
    const etag = (await fetch(`${first.url}/v1/reports/${SLUG}`)).headers.get('ETag')
    expect(etag).toMatch(/^"/)
    for (const runtime of runtimes) {
      const res = await fetch(`${runtime.url}/v1/reports/${SLUG}`, {
        headers: { 'If-None-Match': etag ?? '' },
      })
      expect(res.status, runtime.name).toBe(304)
    }
  })

  it('absolute URLs come from PUBLIC_URL on every runtime', async () => {
    for (const runtime of runtimes) {
      const res = await fetch(`${runtime.url}/v1/isbn/978-92-9254-047-0`, { redirect: 'manual' })
      expect(res.headers.get('Location'), runtime.name).toBe(`${PUBLIC_URL}/v1/reports/${SLUG}`)
      const doc = await (await fetch(`${runtime.url}/openapi.json`)).json()
      expect(doc.servers, runtime.name).toEqual([
        { url: PUBLIC_URL, description: 'This catalogue' },
      ])
    }
  })
})
