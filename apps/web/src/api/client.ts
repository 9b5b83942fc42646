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
import { ApiError, errorFromResponse, unreachable } from './problem.ts'

/** Origin of the API: VITE_API_URL at build time, else the app's own origin (relative /v1). */
export const API_BASE = (import.meta.env.VITE_API_URL ?? '').replace(/\/$/, '')

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

let transport: Fetch = (input, init) => fetch(input, init)

/** Replaces the transport (tests hand in the API app's own `request`). */
export function setFetch(next: Fetch): void {
  transport = next
}

const api = createClient(API_BASE, {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => transport(input, init),
})

async function send(call: () => Promise<Response>): Promise<Response> {
  let response: Response
  try {
    response = await call()
  } catch (cause) {
    throw unreachable(cause)
  }
  if (!response.ok) throw await errorFromResponse(response)
  return response
}

async function json<T>(call: () => Promise<Response>): Promise<T> {
  const response = await send(call)
  try {
    return (await response.json()) as T
  } catch (cause) {
    throw new ApiError(response.status, 'The API sent something that is not JSON', {
      title: 'Bad response',
      status: response.status,
      detail: String(cause),
    })
  }
}

export type ReportList = ReportListResponse
// hono/client's JSON typing cannot follow the recursive contents tree; the wire format is
// the schema's CompiledReport, so the report is typed from the schema itself.
export type Report = CompiledReport & Omit<ReportResponse, keyof CompiledReport>
export type Vocabularies = VocabulariesResponse
export type Health = HealthResponse

/** `GET /v1/reports`: search, filter, sort and paginate, with facet counts. */
export function listReports(query: Record<string, string>): Promise<ReportList> {
  return json(() => api.v1.reports.$get({ query }))
}

/** `GET /v1/reports/{slug}`. */
export function getReport(slug: string): Promise<Report> {
  const param = { slug: encodeURIComponent(slug) }
  return json(() => api.v1.reports[':slug'].$get({ param, query: {} }))
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

/** `GET /v1/vocabularies`, fetched once per visit (labels for types, topics and series). */
export function getVocabularies(): Promise<Vocabularies> {
  vocabularies ??= json<Vocabularies>(() => api.v1.vocabularies.$get({ query: {} })).catch(
    (error: unknown) => {
      vocabularies = undefined
      throw error
    },
  )
  return vocabularies
}

/** `GET /health`: the catalogue's size and content hash. */
export function getHealth(): Promise<Health> {
  return json(() => api.health.$get({ query: {} }))
}
