// The app's only door to the API: the API's own typed client (hono/client over its
// AppType), so a renamed route or field is a type error here. Every call goes through
// `send`, which turns HTTP and network failures into ApiError.
import {
  createClient,
  type HealthResponse,
  type ReportListResponse,
  type ReportResponse,
  type VocabulariesResponse,
} from 'colophon-client'
import type { CompiledReport } from 'colophon-schema'
import { isServer } from 'solid-js/web'
import { badResponse, errorFromResponse, timedOut, unreachable } from './problem.ts'

/** Origin of the API: VITE_API_URL at build time, else the app's own origin (relative /v1). */
export const API_BASE = (import.meta.env.VITE_API_URL ?? '').replace(/\/$/, '')

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

let transport: Fetch = (input, init) => fetch(input, init)

/** Replaces the transport (tests and the server hand in the API app's own `fetch`). */
export function setFetch(next: Fetch): void {
  transport = next
}

/** How long a reader waits for an answer before the page offers a retry. */
let timeoutSeconds = 15

/** Changes the wait (tests use a short one against an API that never answers). */
export function setRequestTimeout(seconds: number): void {
  timeoutSeconds = seconds
}

const api = createClient(API_BASE, {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => transport(input, init),
})

/** A call that rejects with a timeout error when the API does not answer in time. */
function withTimeout(call: () => Promise<Response>): Promise<Response> {
  const seconds = timeoutSeconds
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut(seconds)), seconds * 1000)
  })
  return Promise.race([call(), expired]).finally(() => clearTimeout(timer))
}

async function send(call: () => Promise<Response>): Promise<Response> {
  let response: Response
  try {
    response = await withTimeout(call)
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'ApiError') throw cause
    throw unreachable(cause)
  }
  if (!response.ok) throw await errorFromResponse(response)
  return response
}

type Check = (value: unknown) => string | undefined
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The fields a page cannot do without; anything else is left to the page. */
const shapes = {
  list: (v: unknown) =>
    isObject(v) && Array.isArray(v.items) && typeof v.total === 'number' && isObject(v.facets)
      ? undefined
      : 'a list of reports needs items, total and facets',
  report: (v: unknown) =>
    isObject(v) && typeof v.slug === 'string' && typeof v.title === 'string'
      ? undefined
      : 'a report needs a slug and a title',
  vocabularies: (v: unknown) =>
    isObject(v) && Array.isArray(v.types) && Array.isArray(v.topics) && Array.isArray(v.series)
      ? undefined
      : 'vocabularies need types, topics and series',
  health: (v: unknown) =>
    isObject(v) && typeof v.name === 'string' && typeof v.reportCount === 'number'
      ? undefined
      : 'the catalogue description needs a name and a report count',
} satisfies Record<string, Check>

async function json<T>(call: () => Promise<Response>, check: Check): Promise<T> {
  const response = await send(call)
  let body: unknown
  try {
    body = await response.json()
  } catch (cause) {
    throw badResponse(response.status, `not JSON: ${String(cause)}`)
  }
  const problem = check(body)
  if (problem) throw badResponse(response.status, problem)
  return body as T
}

export type ReportList = ReportListResponse
// hono/client's JSON typing cannot follow the recursive contents tree; the wire format is
// the schema's CompiledReport, so the report is typed from the schema itself.
export type Report = CompiledReport & Omit<ReportResponse, keyof CompiledReport>
export type Vocabularies = VocabulariesResponse
export type Health = HealthResponse

/** `GET /v1/reports`: search, filter, sort and paginate, with facet counts. */
export function listReports(query: Record<string, string>): Promise<ReportList> {
  return json(() => api.v1.reports.$get({ query }), shapes.list)
}

/** `GET /v1/reports/{slug}`. */
export function getReport(slug: string): Promise<Report> {
  const param = { slug: encodeURIComponent(slug) }
  return json(() => api.v1.reports[':slug'].$get({ param, query: {} }), shapes.report)
}

export const REPORT_FORMATS = {
  bibtex: { suffix: '.bib', label: 'BibTeX' },
  ris: { suffix: '.ris', label: 'RIS' },
  csl: { suffix: '.csl.json', label: 'CSL-JSON' },
  jsonld: { suffix: '.jsonld', label: 'JSON-LD' },
} as const
export type FormatName = keyof typeof REPORT_FORMATS

/** One report in another format, as text (`/v1/reports/{slug}.bib` and friends). */
export async function getReportFormat(slug: string, format: FormatName): Promise<string> {
  const param = { slug: `${encodeURIComponent(slug)}${REPORT_FORMATS[format].suffix}` }
  const response = await send(() => api.v1.reports[':slug'].$get({ param, query: {} }))
  return response.text()
}

/** The URL a reader can open or download for a format. */
export function reportFormatUrl(slug: string, format: FormatName): string {
  return `${API_BASE}/v1/reports/${encodeURIComponent(slug)}${REPORT_FORMATS[format].suffix}`
}

let vocabularies: Promise<Vocabularies> | undefined

/**
 * `GET /v1/vocabularies`, fetched once per visit (labels for types, topics and series); on
 * the server, every time (the catalogue may change under a long-lived process).
 */
export function getVocabularies(): Promise<Vocabularies> {
  const fetchIt = () =>
    json<Vocabularies>(() => api.v1.vocabularies.$get({ query: {} }), shapes.vocabularies)
  if (isServer) return fetchIt()
  vocabularies ??= fetchIt().catch((error: unknown) => {
    vocabularies = undefined
    throw error
  })
  return vocabularies
}

/** `GET /health`: the catalogue's size and content hash. */
export function getHealth(): Promise<Health> {
  return json(() => api.health.$get({ query: {} }), shapes.health)
}

/** Hands the vocabularies the server sent to later callers, so they are not fetched again. */
export function seedVocabularies(value: Vocabularies): void {
  vocabularies ??= Promise.resolve(value)
}
