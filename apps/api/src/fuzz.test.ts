// The fuzzer over a real loopback socket (the Node server), bounded and seeded: every
// method, even those fetch cannot send (TRACE), reaches the app as a client would send it.
import { Agent, request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from './node-server.ts'
import { FolderStore } from './store/folder.ts'
import { buildFixture, type Fixture } from './test-support/fixture.ts'
import {
  FORGED_HOST,
  type FuzzRequest,
  type FuzzResponse,
  fuzzRequests,
  responseFailures,
} from './test-support/fuzz.ts'

/** Bounded: a few seconds on a busy machine. FUZZ_SEED / FUZZ_COUNT replay or widen a run. */
const SEED = Number(process.env.FUZZ_SEED ?? 14)
const COUNT = Number(process.env.FUZZ_COUNT ?? 1000)

let fixture: Fixture
let server: RunningServer
const agent = new Agent({ keepAlive: true, maxSockets: 4 })

beforeAll(async () => {
  fixture = await buildFixture()
  server = await startServer({ store: new FolderStore(fixture.out), port: 0 })
})
afterAll(async () => {
  agent.destroy()
  await server?.close()
  fixture?.cleanup()
})

/** One request over the socket, headers (Host included) exactly as given. */
export function send(base: string, request: FuzzRequest): Promise<FuzzResponse> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.target,
        headers: { Host: url.host, ...request.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const headers = new Headers()
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined)
              headers.set(name, Array.isArray(value) ? value.join(', ') : value)
          resolve({
            status: res.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString('utf8'),
          })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('fuzzing the API over a loopback socket (Node)', () => {
  it(`${COUNT} requests from /openapi.json (seed ${SEED}): no 5xx, problems name their parameter, security headers, no forged Host`, async () => {
    const doc = JSON.parse((await send(server.url, get('/openapi.json'))).body)
    const failures: string[] = []
    const statuses = new Map<number, number>()
    for (const request of fuzzRequests(doc, SEED, COUNT)) {
      const response = await send(server.url, request)
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      for (const failure of responseFailures(request, response))
        failures.push(`${request.method} ${request.target}: ${failure}`)
    }
    // After the forged requests warmed every cache, clean requests carry no trace of them.
    for (const path of Object.keys(doc.paths).filter((p) => !p.includes('{'))) {
      const response = await send(server.url, get(path))
      if (response.body.includes(FORGED_HOST)) failures.push(`GET ${path} after: forged Host`)
    }
    expect(failures.slice(0, 20)).toEqual([])
    // The run reached the routes, not only their error paths.
    expect(statuses.get(200)).toBeGreaterThan(COUNT / 10)
    expect(statuses.get(400)).toBeGreaterThan(COUNT / 20)
    expect(statuses.get(405)).toBeGreaterThan(0)
  })

  it('answers every other method with 405 and Allow where a path exists, 404 where none does', async () => {
    const methods = ['TRACE', 'PROPFIND', 'PURGE', 'MKCOL', 'LINK', 'UNLINK', 'COPY', 'LOCK', 'PUT']
    for (const path of [
      '/v1/reports',
      '/v1/reports/beyond-factory-asia',
      '/health',
      '/v1/doi/10.1/x',
    ]) {
      for (const method of methods) {
        const response = await send(server.url, { ...get(path), method })
        expect([path, method, response.status]).toEqual([path, method, 405])
        expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
        expect(response.headers.get('Content-Type')).toBe('application/problem+json')
      }
      const options = await send(server.url, { ...get(path), method: 'OPTIONS' })
      expect(options.status).toBe(204)
      expect(options.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
    }
    for (const method of ['OPTIONS', 'PROPFIND', 'TRACE', 'GET']) {
      const response = await send(server.url, { ...get('/v1/nowhere'), method })
      expect([method, response.status]).toEqual([method, 404])
    }
    const preflight = await send(server.url, {
      ...get('/v1/nowhere'),
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(preflight.status).toBe(404)
  })
})

function get(target: string): FuzzRequest {
  return { method: 'GET', target, headers: {}, names: new Set() }
}
