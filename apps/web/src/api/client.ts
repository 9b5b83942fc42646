// The app's only door to the API. Every request goes through `request`, which turns HTTP
// and network failures into ApiError; pages never call fetch themselves.
import { ApiError, errorFromResponse, unreachable } from './problem.js'
import type { CatalogueInfo, CompiledReport, ReportList, Vocabularies } from './types.js'

/** Origin of the API: VITE_API_URL at build time, else the app's own origin. */
export const API_BASE = (import.meta.env.VITE_API_URL ?? '').replace(/\/$/, '')

type Fetch = (input: string, init?: RequestInit) => Promise<Response>

let fetcher: Fetch = (input, init) => fetch(input, init)

/** Replaces the transport (tests pass the API app's own `request`). */
export function setFetch(next: Fetch): void {
  fetcher = next
}

async function request(path: string, accept = 'application/json'): Promise<Response> {
  let response: Response
  try {
    response = await fetcher(`${API_BASE}${path}`, { headers: { accept } })
  } catch (cause) {
    throw unreachable(cause)
  }
  if (!response.ok) throw await errorFromResponse(response)
  return response
}

async function json<T>(path: string): Promise<T> {
  const response = await request(path)
  try {
    return (await response.json()) as T
  } catch (cause) {
    throw new ApiError(response.status, `The API sent something that is not JSON (${path})`, {
      title: 'Bad response',
      status: response.status,
      detail: String(cause),
    })
  }
}

function queryString(query: Record<string, string>): string {
  const text = new URLSearchParams(query).toString()
  return text ? `?${text}` : ''
}

/** `GET /v1/reports`: search, filter, sort and paginate, with facet counts. */
export function listReports(query: Record<string, string>): Promise<ReportList> {
  return json<ReportList>(`/v1/reports${queryString(query)}`)
}

/** `GET /v1/reports/{slug}`. */
export function getReport(slug: string): Promise<CompiledReport> {
  return json<CompiledReport>(`/v1/reports/${encodeURIComponent(slug)}`)
}

export const CITATION_FORMATS = {
  bibtex: { suffix: '.bib', label: 'BibTeX', accept: 'application/x-bibtex' },
  ris: { suffix: '.ris', label: 'RIS', accept: 'application/x-research-info-systems' },
  csl: {
    suffix: '.csl.json',
    label: 'CSL-JSON',
    accept: 'application/vnd.citationstyles.csl+json',
  },
  jsonld: { suffix: '.jsonld', label: 'JSON-LD', accept: 'application/ld+json' },
} as const
export type FormatName = keyof typeof CITATION_FORMATS

/** One report in another format, as text (`/v1/reports/{slug}.bib` and friends). */
export async function getReportFormat(slug: string, format: FormatName): Promise<string> {
  const { suffix, accept } = CITATION_FORMATS[format]
  const response = await request(`/v1/reports/${encodeURIComponent(slug)}${suffix}`, accept)
  return response.text()
}

/** The URL a reader can open or download for a format. */
export function reportFormatUrl(slug: string, format: FormatName): string {
  return `${API_BASE}/v1/reports/${encodeURIComponent(slug)}${CITATION_FORMATS[format].suffix}`
}

let vocabularies: Promise<Vocabularies> | undefined

/** `GET /v1/vocabularies`, fetched once per visit (labels for types, topics and series). */
export function getVocabularies(): Promise<Vocabularies> {
  vocabularies ??= json<Vocabularies>('/v1/vocabularies').catch((error: unknown) => {
    vocabularies = undefined
    throw error
  })
  return vocabularies
}

/** `GET /health`: the catalogue's name and size. */
export function getCatalogueInfo(): Promise<CatalogueInfo> {
  return json<CatalogueInfo>('/health')
}
