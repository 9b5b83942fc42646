// Generated from the API's OpenAPI document by `pnpm --filter colophon-client generate`; do not edit.
import type { CompiledReport, ReportSummary } from 'colophon-schema'

/** Counts per filter value over the current result; each filter's own selection is left out of its counts, so alternatives stay visible */
export interface Facets {
  type: FacetValue[]
  topic: FacetValue[]
  country: FacetValue[]
  series: FacetValue[]
  year: FacetValue[]
}

/** RFC 9457 problem details */
export interface Problem {
  /** URI reference identifying the kind of problem */
  type: string
  title: string
  status: number
  detail?: string
  /** The request path and query */
  instance?: string
  errors?: ProblemError[]
}

export interface CodeCount {
  code: string
  count: number
}

export interface FacetValue {
  value: string
  label: string
  count: number
}

export interface Health {
  status: 'ok'
  version: string
  /** The catalogue's name */
  name: string
  description?: string
  contentHash: string
  reportCount: number
  schemaVersion: number
  /** Where the catalogue is read from: embedded or kv */
  store: string
}

export interface PageLinks {
  self: string
  first: string
  last: string
  prev?: string
  next?: string
}

export interface ProblemError {
  /** Name of the query or path parameter */
  parameter?: string
  /** Name of the request header */
  header?: string
  /** JSON pointer into the request */
  pointer?: string
  detail: string
}

export interface ReportList {
  total: number
  page: number
  perPage: number
  pageCount: number
  sort: 'relevance' | 'newest' | 'oldest' | 'title'
  items: ReportSummary[]
  facets: Facets
  links: PageLinks
}

export interface Vocabularies {
  types: VocabularyCount[]
  series: VocabularyCount[]
  topics: VocabularyCount[]
  countries: CodeCount[]
  languages: CodeCount[]
  years: YearCount[]
}

export interface VocabularyCount {
  key: string
  label: string
  description?: string
  count: number
}

export interface YearCount {
  year: number
  count: number
}

export type VocabularyList = VocabularyCount[] | CodeCount[] | YearCount[]

/** The query of listReports. */
export interface ListReportsQuery {
  /** Full-text query (title, authors, overview, findings, contents, ISBNs…) */
  q?: string
  /** Type keys; several separated by commas match any of them */
  type?: string
  /** Topic keys; several separated by commas match any of them */
  topic?: string
  /** Series keys; several separated by commas match any of them */
  series?: string
  /** ISO 3166-1 alpha-2 codes; several separated by commas match any */
  country?: string
  year?: string
  /** Published on or after (YYYY, YYYY-MM or YYYY-MM-DD) */
  from?: string
  /** Published on or before (YYYY, YYYY-MM or YYYY-MM-DD) */
  to?: string
  /** Default: relevance with q, newest without */
  sort?: 'relevance' | 'newest' | 'oldest' | 'title'
  page?: number | string
  per_page?: number | string
}

/** Every route of the API as a Hono schema: path, method, input, and output per status. */
export type ApiSchema = {
  '/v1/reports': {
    $get:
      | {
          input: { query?: ListReportsQuery }
          output: ReportList
          outputFormat: 'json'
          status: 200
        }
      | {
          input: { query?: ListReportsQuery }
          output: undefined
          outputFormat: 'redirect'
          status: 304
        }
      | { input: { query?: ListReportsQuery }; output: Problem; outputFormat: 'json'; status: 400 }
  }
  '/v1/reports/:slug': {
    $get:
      | {
          input: { param: { slug: string }; query?: Record<string, never> }
          output: CompiledReport
          outputFormat: 'json'
          status: 200
        }
      | {
          input: { param: { slug: string }; query?: Record<string, never> }
          output: undefined
          outputFormat: 'redirect'
          status: 304
        }
      | {
          input: { param: { slug: string }; query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 400
        }
      | {
          input: { param: { slug: string }; query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 404
        }
      | {
          input: { param: { slug: string }; query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 406
        }
  }
  '/v1/isbn/:isbn': {
    $get:
      | {
          input: { param: { isbn: string }; query?: Record<string, never> }
          output: undefined
          outputFormat: 'redirect'
          status: 303
        }
      | {
          input: { param: { isbn: string }; query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 400
        }
      | {
          input: { param: { isbn: string }; query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 404
        }
      | {
          input: { param: { isbn: string }; query?: Record<string, never> }
          output: CompiledReport
          outputFormat: 'json'
          status: 200
        }
  }
  '/v1/doi/:doi': {
    $get:
      | {
          input: { param: { doi: string }; query?: Record<string, never> }
          output: undefined
          outputFormat: 'redirect'
          status: 303
        }
      | {
          input: { param: { doi: string }; query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 400
        }
      | {
          input: { param: { doi: string }; query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 404
        }
      | {
          input: { param: { doi: string }; query?: Record<string, never> }
          output: CompiledReport
          outputFormat: 'json'
          status: 200
        }
  }
  '/v1/vocabularies': {
    $get:
      | {
          input: { query?: Record<string, never> }
          output: Vocabularies
          outputFormat: 'json'
          status: 200
        }
      | {
          input: { query?: Record<string, never> }
          output: undefined
          outputFormat: 'redirect'
          status: 304
        }
      | {
          input: { query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 400
        }
  }
  '/v1/vocabularies/:name': {
    $get:
      | {
          input: { param: { name: string }; query?: Record<string, never> }
          output: VocabularyList
          outputFormat: 'json'
          status: 200
        }
      | {
          input: { param: { name: string }; query?: Record<string, never> }
          output: undefined
          outputFormat: 'redirect'
          status: 304
        }
      | {
          input: { param: { name: string }; query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 400
        }
      | {
          input: { param: { name: string }; query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 404
        }
  }
  '/v1/feed.atom': {
    $get:
      | {
          input: { query?: Record<string, never> }
          output: string
          outputFormat: 'text'
          status: 200
        }
      | {
          input: { query?: Record<string, never> }
          output: undefined
          outputFormat: 'redirect'
          status: 304
        }
      | {
          input: { query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 400
        }
  }
  '/sitemap.xml': {
    $get:
      | {
          input: { query?: Record<string, never> }
          output: string
          outputFormat: 'text'
          status: 200
        }
      | {
          input: { query?: Record<string, never> }
          output: undefined
          outputFormat: 'redirect'
          status: 304
        }
      | {
          input: { query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 400
        }
  }
  '/health': {
    $get:
      | {
          input: { query?: Record<string, never> }
          output: Health
          outputFormat: 'json'
          status: 200
        }
      | {
          input: { query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 400
        }
      | {
          input: { query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 500
        }
  }
}

/** Each operationId of the OpenAPI document, with its path and method in the client. */
export interface Operations {
  listReports: ['/v1/reports', '$get']
  getReport: ['/v1/reports/:slug', '$get']
  findReportByIsbn: ['/v1/isbn/:isbn', '$get']
  findReportByDoi: ['/v1/doi/:doi', '$get']
  listVocabularies: ['/v1/vocabularies', '$get']
  getVocabulary: ['/v1/vocabularies/:name', '$get']
  getFeed: ['/v1/feed.atom', '$get']
  getSitemap: ['/sitemap.xml', '$get']
  getHealth: ['/health', '$get']
}
