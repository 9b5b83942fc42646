/**
 * colophon-client: a typed client for the Colophon API, on `hono/client`. Every route's
 * path, query, result and RFC 9457 problem is typed from the API's OpenAPI document, with
 * report shapes from colophon-schema.
 *
 * @example
 * import { createClient } from 'colophon-client'
 * const api = createClient('https://reports.example.org')
 * const res = await api.v1.reports.$get({ query: { q: 'factory asia', per_page: 10 } })
 * if (res.status === 200) for (const report of (await res.json()).items) console.log(report.title)
 */
import type { CompiledReport } from 'colophon-schema'
import type { Hono } from 'hono'
import { type ClientRequestOptions, hc, type InferResponseType } from 'hono/client'
import type { BlankEnv } from 'hono/types'
import type { ApiSchema, Health, Problem, ReportList, Vocabularies } from './api.generated.ts'

export type * from './api.generated.ts'

/** The typed client: `api.v1.reports.$get(…)`, `api.v1.reports[':slug'].$get(…)`, … */
export type Client = ReturnType<typeof hc<Hono<BlankEnv, ApiSchema, '/'>>>

/**
 * A client for the API at `baseUrl`, the origin it is served from (routes start with /v1).
 *
 * @example
 * const api = createClient('http://127.0.0.1:8787')
 * const res = await api.v1.reports[':slug'].$get({ param: { slug: 'beyond-factory-asia' } })
 * if (res.status === 200) console.log((await res.json()).title)
 * else if (res.status === 404) console.log((await res.json()).detail)
 */
export function createClient(baseUrl: string, init?: ClientRequestOptions): Client {
  return hc<Hono<BlankEnv, ApiSchema, '/'>>(baseUrl, init)
}

export type ReportListResponse = ReportList
export type ReportResponse = CompiledReport
export type VocabulariesResponse = Vocabularies
export type HealthResponse = Health
export type ProblemResponse = InferResponseType<Client['v1']['reports']['$get'], 400>

/**
 * Whether a response is an RFC 9457 problem (`application/problem+json`), which every error
 * of the API is.
 *
 * @example
 * if (isProblemResponse(res)) console.error((await res.json()).detail)
 */
export function isProblemResponse(response: { headers: Headers; ok: boolean }): boolean {
  return (
    !response.ok &&
    (response.headers.get('Content-Type') ?? '').startsWith('application/problem+json')
  )
}

/**
 * An error carrying the API's problem details; `readJson` throws it for any non-2xx answer.
 *
 * @example
 * try { await readJson(api.health.$get()) } catch (e) { if (e instanceof ProblemError) console.log(e.problem.status) }
 */
export class ProblemError extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title)
    this.name = 'ProblemError'
    this.problem = problem
  }
}

type JsonOf<R> = R extends { status: infer S; json(): Promise<infer T> }
  ? S extends 200 | 201 | 203 | 206
    ? T
    : never
  : never

/**
 * The successful JSON body of a call, or a thrown `ProblemError` with the API's problem.
 *
 * @example
 * const report = await readJson(api.v1.reports[':slug'].$get({ param: { slug: 'beyond-factory-asia' } }))
 * console.log(report.title) // typed as colophon-schema's CompiledReport
 */
export async function readJson<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  call: Promise<R>,
): Promise<JsonOf<R>> {
  const response = await call
  if (response.ok) return (await response.json()) as JsonOf<R>
  const body = (await response.json().catch(() => undefined)) as Problem | undefined
  throw new ProblemError(
    body && typeof body === 'object' && 'status' in body
      ? body
      : { type: 'about:blank', title: `HTTP ${response.status}`, status: response.status },
  )
}
