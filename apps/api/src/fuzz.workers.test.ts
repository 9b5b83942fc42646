// The same bounded, seeded fuzzer inside workerd (the Workers Vitest pool), against the
// Workers entry with the real compiled catalogue, and the forged-Host check on every
// response that carries an absolute URL, after forged requests warmed each cache.
import { describe, expect, it } from 'vitest'
import {
  FORGED_HOST,
  type FuzzRequest,
  fuzzRequests,
  responseFailures,
} from './test-support/fuzz.ts'
import worker from './worker.ts'

const SEED = 14
const COUNT = 1000

/** The request as workerd receives it; undefined for a method it refuses to build (TRACE). */
function toRequest(request: FuzzRequest): Request | undefined {
  const forged = request.headers.Host === FORGED_HOST
  const origin = forged ? `http://${FORGED_HOST}` : 'http://reports.test'
  try {
    return new Request(`${origin}${request.target}`, {
      method: request.method,
      headers: request.headers,
    })
  } catch {
    return undefined
  }
}

async function send(request: Request) {
  const res = await worker.fetch(request)
  return { status: res.status, headers: res.headers, body: await res.text() }
}

describe('fuzzing the API in workerd', () => {
  it(`${COUNT} requests from /openapi.json (seed ${SEED}): no 5xx, problems name their parameter, security headers, no forged Host`, async () => {
    const doc = await (await worker.request('/openapi.json')).json()
    const failures: string[] = []
    let sent = 0
    for (const request of fuzzRequests(doc as never, SEED, COUNT)) {
      const built = toRequest(request)
      if (!built) continue
      sent++
      for (const failure of responseFailures(request, await send(built)))
        failures.push(`${request.method} ${request.target}: ${failure}`)
    }
    expect(failures.slice(0, 20)).toEqual([])
    expect(sent).toBeGreaterThan(COUNT * 0.9)
  })

  it('never takes a forged Host into a later response', async () => {
    const slug = 'beyond-factory-asia'
    const paths = [
      `/v1/reports/${slug}.jsonld`,
      `/v1/reports/${slug}.bib`,
      `/v1/reports/${slug}.ris`,
      `/v1/reports/${slug}.csl.json`,
      `/v1/reports/${slug}.xml`,
      '/v1/feed.atom',
      '/sitemap.xml',
      '/v1/isbn/9789292540470',
    ]
    const forged = {
      Host: FORGED_HOST,
      'X-Forwarded-Host': FORGED_HOST,
      Forwarded: `host=${FORGED_HOST}`,
    }
    for (const path of paths) {
      const res = await worker.fetch(
        new Request(`http://${FORGED_HOST}${path}`, { headers: forged }),
      )
      expect([path, res.status]).toEqual([path, res.status < 400 ? res.status : 200])
      await res.text()
    }
    let seen = ''
    for (const path of paths) {
      const res = await worker.fetch(new Request(`http://reports.test${path}`))
      seen += `${res.headers.get('Location') ?? ''}\n${await res.text()}\n`
    }
    expect(seen).not.toContain(FORGED_HOST)
    expect(seen).not.toContain('reports.test')
    expect(seen).toMatch(/https?:\/\/[^/\s"]+\/reports\/beyond-factory-asia/)
  })
})
