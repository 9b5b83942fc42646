// A bounded, seeded fuzzer driven by the API's own /openapi.json: requests built from the
// documented paths and parameters, mixed with hostile values, methods and headers (a forged
// Host among them), and the checks every response must pass whatever was asked. Web-standard
// code only, so that the Node suite (over a loopback socket) and the workerd suite share it.

/** The host a forged request claims; no response may ever carry it. */
export const FORGED_HOST = 'forged-host.invalid'

export interface FuzzRequest {
  method: string
  /** Path and query, already percent-encoded (possibly malformed on purpose). */
  target: string
  headers: Record<string, string>
  /** Names a 400 may name: the query's (raw and decoded) and the path template's. */
  names: Set<string>
  /** True when the path is one the API has, false when it has none, else unknown. */
  exists?: boolean
  /** True when the query holds a malformed escape, invalid UTF-8, a control character or a repeated name. */
  badQuery?: boolean
}

export interface FuzzResponse {
  status: number
  headers: Headers
  body: string
}

interface Parameter {
  name: string
  in: string
  schema?: { enum?: unknown[]; example?: unknown; examples?: unknown[] }
  example?: unknown
}

export interface OpenApiDocument {
  paths: Record<string, { get?: { parameters?: Parameter[] } }>
}

/** mulberry32: a tiny seeded generator, so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Values written into the URL as they are: some malformed on purpose. */
const RAW_VALUES = [
  '',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '%zz',
  '%',
  '%e2%82',
  '%ED%A0%80',
  '%uD800',
  '%00',
  '%1b%5D0%3Bpwned%07',
  '0x10',
  '0b11',
  '1e1',
  '%201%20',
  '+1',
  '-1',
  '1.5',
  '99999999999999999999',
  'a,b,,c',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2F..%2F',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "'%20OR%201%3D1--",
  '%C3%A9',
  '%F0%9F%98%80',
  'null',
  '[]',
  '%7B%7D',
  'a'.repeat(300),
  'http%3A%2F%2Fother.example%2F',
]

const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'PROPFIND', 'PURGE', 'MKCOL', 'LINK']
const ACCEPTS = [
  'application/json',
  'application/ld+json',
  'application/x-bibtex',
  'text/html',
  '*/*',
  'image/png',
  ';;;q=abc',
  'application/json;q=0, */*;q=0',
]
/** Paths the API does not have. */
const MISSING_PATHS = ['/', '/v1', '/v1/', '/v1/nope', '/v1/reports/a/b', '/%2e%2e/etc/passwd']
const EXTRA_PATHS = [
  ...MISSING_PATHS,
  '/v1/reports/',
  '//v1/reports',
  '/v1/reports/%zz',
  '/v1/doi/10.1/%zz',
  '/v1/vocabularies/__proto__',
  '/v1/vocabularies/constructor',
]

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

/** A value the documentation suggests for `p`, percent-encoded. */
function documentedValue(random: () => number, p: Parameter): string | undefined {
  const candidates = [p.example, p.schema?.example, ...(p.schema?.examples ?? [])]
  for (const value of p.schema?.enum ?? []) candidates.push(value)
  const known = candidates.filter((v) => v !== undefined)
  return known.length ? encodeURIComponent(String(pick(random, known))) : undefined
}

function value(random: () => number, p: Parameter): string {
  const documented = documentedValue(random, p)
  return documented !== undefined && random() < 0.5 ? documented : pick(random, RAW_VALUES)
}

/** What the API must refuse in a query string, whatever the parameter. */
function isBadComponent(raw: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) return true
  try {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
    return /[\u0000-\u001f\u007f-\u009f\ufffd]/.test(decodeURIComponent(raw.replaceAll('+', ' ')))
  } catch {
    return true
  }
}

/** What a 400 may call a parameter of `raw`: its name as sent, decoded when it can be. */
function namesOf(raw: string): string[] {
  const names = [raw, raw.slice(0, 100)]
  try {
    const decoded = decodeURIComponent(raw.replaceAll('+', ' '))
    names.push(decoded, decoded.slice(0, 100))
  } catch {}
  return names
}

/**
 * `count` requests over the paths of `doc`, the same ones for the same seed.
 *
 * @example
 * for (const request of fuzzRequests(doc, 1, 500)) await send(request)
 */
export function* fuzzRequests(
  doc: OpenApiDocument,
  seed: number,
  count: number,
): Generator<FuzzRequest> {
  const random = seededRandom(seed)
  const paths = Object.entries(doc.paths).filter(([, item]) => item.get)
  const pathNames = new Set(
    paths.flatMap(([, item]) => (item.get?.parameters ?? []).filter((p) => p.in === 'path')),
  )
  for (let i = 0; i < count; i++) {
    const names = new Set<string>()
    let target: string
    let query: Parameter[] = []
    let exists: boolean | undefined
    if (random() < 0.1) {
      target = pick(random, EXTRA_PATHS)
      if (MISSING_PATHS.includes(target)) exists = false
      for (const p of pathNames) names.add(p.name)
    } else {
      const [template, item] = pick(random, paths)
      const parameters = item.get?.parameters ?? []
      query = parameters.filter((p) => p.in === 'query')
      exists = true
      target = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.add(name)
        const p = parameters.find((q) => q.name === name) ?? { name, in: 'path' }
        const segment = value(random, p).replaceAll('%2F', random() < 0.5 ? '/' : '%2F')
        // An empty or a split segment may leave the route: its existence is unknown then.
        if (segment === '' || segment.includes('/')) exists = undefined
        return segment
      })
    }
    const pairs: string[] = []
    for (const p of query) if (random() < 0.3) pairs.push(`${p.name}=${value(random, p)}`)
    if (random() < 0.1) pairs.push(`${pick(random, ['pge', 'q[]', '__proto__', '%zz', 'x'])}=1`)
    if (random() < 0.1 && query.length) {
      const p = pick(random, query)
      pairs.push(`${p.name}=${value(random, p)}`, `${p.name}=${value(random, p)}`)
    }
    let badQuery = false
    const seen = new Set<string>()
    for (const pair of pairs) {
      const [name = '', text = ''] = pair.split('=')
      for (const n of namesOf(name)) names.add(n)
      if (isBadComponent(name) || isBadComponent(text) || seen.has(name)) badQuery = true
      seen.add(name)
    }
    if (pairs.length) target += `?${pairs.join('&')}`

    const roll = random()
    const method =
      roll < 0.7 ? 'GET' : roll < 0.8 ? 'HEAD' : roll < 0.88 ? 'OPTIONS' : pick(random, METHODS)
    const headers: Record<string, string> = {}
    if (random() < 0.4) headers.Accept = pick(random, ACCEPTS)
    if (random() < 0.15) headers['If-None-Match'] = pick(random, ['*', '"x"', 'W/"y", *', ''])
    if (random() < 0.2) headers.Origin = 'https://elsewhere.example'
    if (method === 'OPTIONS' && random() < 0.5) headers['Access-Control-Request-Method'] = 'GET'
    if (random() < 0.3) {
      headers.Host = FORGED_HOST
      headers['X-Forwarded-Host'] = FORGED_HOST
      headers['X-Forwarded-Proto'] = 'http'
      headers.Forwarded = `host=${FORGED_HOST};proto=http`
    }
    yield { method, target, headers, names, exists, badQuery }
  }
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': /./,
  'Referrer-Policy': /./,
} as const

/**
 * What is wrong with `response` to `request`; empty when nothing is. Every response: no
 * 5xx, the security headers, no trace of a forged Host. Every error: problem+json whose
 * status is the response's; every 400 names each parameter it blames, one of the request's.
 */
export function responseFailures(request: FuzzRequest, response: FuzzResponse): string[] {
  const failures: string[] = []
  const { status, headers, body } = response
  if (status >= 500) failures.push(`status ${status}: ${body.slice(0, 200)}`)
  for (const [name, expected] of Object.entries(SECURITY_HEADERS)) {
    const actual = headers.get(name)
    const ok = typeof expected === 'string' ? actual === expected : expected.test(actual ?? '')
    if (!ok) failures.push(`header ${name} is ${actual}`)
  }
  let everything = body
  headers.forEach((v, k) => {
    everything += `\n${k}: ${v}`
  })
  if (everything.toLowerCase().includes(FORGED_HOST)) failures.push('echoes the forged Host')
  if (request.method === 'HEAD' && body !== '') failures.push('HEAD answered with a body')
  const etag = headers.get('ETag')
  // An entity tag is one quoted token (RFC 9110 §8.8.3): never a function's source.
  if (etag !== null && !/^(?:W\/)?"[\x21\x23-\x7e]*"$/.test(etag)) failures.push(`ETag ${etag}`)
  const read = request.method === 'GET' || request.method === 'HEAD'
  // OAI-PMH answers bad arguments in its own XML, as its protocol asks (200, badArgument).
  const oai = request.target.startsWith('/oai')
  if (read && request.badQuery && !oai && status !== 400)
    failures.push(`bad query answered ${status}`)
  if (read && request.badQuery && oai && status === 200 && !/<error code="/.test(body))
    failures.push('bad OAI-PMH query answered without an OAI-PMH error')
  if (!read && request.method !== 'OPTIONS' && request.exists === true && status !== 405)
    failures.push(`${request.method} on an existing path answered ${status}, not 405`)
  if (status === 405 && !/^GET, HEAD, (?:POST, )?OPTIONS$/.test(headers.get('Allow') ?? ''))
    failures.push(`405 with Allow ${headers.get('Allow')}`)
  if (request.method === 'OPTIONS') {
    if (request.exists === true && (status !== 204 || !headers.get('Allow')))
      failures.push(`OPTIONS on an existing path answered ${status}, Allow ${headers.get('Allow')}`)
    if (request.exists === false && status !== 404)
      failures.push(`OPTIONS on a missing path answered ${status}`)
  }
  if (status >= 400 && request.method !== 'HEAD') {
    if (headers.get('Content-Type') !== 'application/problem+json') {
      failures.push(`error with Content-Type ${headers.get('Content-Type')}`)
    } else {
      let problem: { status?: unknown; title?: unknown; errors?: unknown } | undefined
      try {
        problem = JSON.parse(body)
      } catch {
        failures.push('problem+json that is not JSON')
      }
      if (problem && (problem.status !== status || typeof problem.title !== 'string'))
        failures.push(`problem with status ${problem.status}, title ${problem.title}`)
      if (problem && status === 400) {
        const errors = Array.isArray(problem.errors) ? problem.errors : []
        if (errors.length === 0) failures.push('400 naming no parameter')
        for (const error of errors as { parameter?: string; header?: string; detail?: string }[]) {
          // Zod's own wording ("Invalid input: expected string, received array") is not a message.
          if (/Invalid input|received/.test(error.detail ?? ''))
            failures.push(`400 says ${JSON.stringify(error.detail)}`)
          const name = error.parameter ?? error.header
          if (name === undefined || (error.parameter !== undefined && !request.names.has(name)))
            failures.push(`400 names ${JSON.stringify(name)}, not a parameter of the request`)
        }
      }
    }
  }
  return failures
}
