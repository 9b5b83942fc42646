/**
 * A typed client for the Colophon API, built on `hono/client`. Its import graph holds no
 * server code (AppType is a type-only import), so it stays small in a browser bundle.
 *
 * @example
 * import { createClient } from 'colophon-api/client'
 * const api = createClient('https://colophon.example.org')
 * const res = await api.v1.reports.$get({ query: { q: 'factory asia', per_page: '10' } })
 * if (res.ok) for (const report of (await res.json()).items) console.log(report.title)
 */
import { type ClientRequestOptions, hc, type InferResponseType } from 'hono/client'
import type { AppType } from './app.ts'

export type Client = ReturnType<typeof hc<AppType>>

/** A client for the API at `baseUrl` (the origin; routes start with /v1). */
export function createClient(baseUrl: string, init?: ClientRequestOptions): Client {
  return hc<AppType>(baseUrl, init)
}

export type ReportListResponse = InferResponseType<Client['v1']['reports']['$get'], 200>
export type ReportResponse = InferResponseType<Client['v1']['reports'][':slug']['$get'], 200>
export type VocabulariesResponse = InferResponseType<Client['v1']['vocabularies']['$get'], 200>
export type HealthResponse = InferResponseType<Client['health']['$get'], 200>
export type ProblemResponse = InferResponseType<Client['v1']['reports']['$get'], 400>

export type { Problem, ProblemError } from './problem.ts'
export type {
  Facets,
  FacetValue,
  Health,
  ReportList,
  Sort,
} from './schemas.ts'
