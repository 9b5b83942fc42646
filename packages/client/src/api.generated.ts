// Generated from the API's OpenAPI document by `pnpm --filter colophon-client generate`; do not edit.
import type { CompiledReport } from 'colophon-schema'

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

export interface ItemLinks {
  /** The report in this API */
  self: string
  /** The report's page in the web app (absolute) */
  web: string
  /** The report in each format, by format name (jsonld, bibtex, mods, …) */
  formats: {
    [key: string]: string
  }
}

export interface PageLinks {
  self: string
  first: string
  last: string
  prev?: string
  next?: string
  /** The next page, bound to this catalogue snapshot */
  nextCursor?: string
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
  sort: 'relevance' | 'newest' | 'oldest' | 'title' | 'changed'
  items: ReportListItem[]
  facets: Facets
  links: PageLinks
}

export interface ReportListItem {
  /** URL-safe identifier: lowercase letters, digits and single hyphens */
  slug: string
  title: string
  subtitle?: string
  /** One-sentence lede */
  summary?: string
  /** A date with the precision known: YYYY, YYYY-MM or YYYY-MM-DD */
  published: string
  /** A key of the catalogue types vocabulary */
  type: string
  series?: {
    /** A key of one of the catalogue vocabularies */
    key: string
    number?: string
  }
  authors?: (
    | {
        family: string
        given?: string
        /** ORCID iD with a valid check digit */
        orcid?: string
        affiliation?: string
      }
    | {
        name: string
      }
  )[]
  topics?: string[]
  countries?: (
    | 'AD'
    | 'AE'
    | 'AF'
    | 'AG'
    | 'AI'
    | 'AL'
    | 'AM'
    | 'AO'
    | 'AQ'
    | 'AR'
    | 'AS'
    | 'AT'
    | 'AU'
    | 'AW'
    | 'AX'
    | 'AZ'
    | 'BA'
    | 'BB'
    | 'BD'
    | 'BE'
    | 'BF'
    | 'BG'
    | 'BH'
    | 'BI'
    | 'BJ'
    | 'BL'
    | 'BM'
    | 'BN'
    | 'BO'
    | 'BQ'
    | 'BR'
    | 'BS'
    | 'BT'
    | 'BV'
    | 'BW'
    | 'BY'
    | 'BZ'
    | 'CA'
    | 'CC'
    | 'CD'
    | 'CF'
    | 'CG'
    | 'CH'
    | 'CI'
    | 'CK'
    | 'CL'
    | 'CM'
    | 'CN'
    | 'CO'
    | 'CR'
    | 'CU'
    | 'CV'
    | 'CW'
    | 'CX'
    | 'CY'
    | 'CZ'
    | 'DE'
    | 'DJ'
    | 'DK'
    | 'DM'
    | 'DO'
    | 'DZ'
    | 'EC'
    | 'EE'
    | 'EG'
    | 'EH'
    | 'ER'
    | 'ES'
    | 'ET'
    | 'FI'
    | 'FJ'
    | 'FK'
    | 'FM'
    | 'FO'
    | 'FR'
    | 'GA'
    | 'GB'
    | 'GD'
    | 'GE'
    | 'GF'
    | 'GG'
    | 'GH'
    | 'GI'
    | 'GL'
    | 'GM'
    | 'GN'
    | 'GP'
    | 'GQ'
    | 'GR'
    | 'GS'
    | 'GT'
    | 'GU'
    | 'GW'
    | 'GY'
    | 'HK'
    | 'HM'
    | 'HN'
    | 'HR'
    | 'HT'
    | 'HU'
    | 'ID'
    | 'IE'
    | 'IL'
    | 'IM'
    | 'IN'
    | 'IO'
    | 'IQ'
    | 'IR'
    | 'IS'
    | 'IT'
    | 'JE'
    | 'JM'
    | 'JO'
    | 'JP'
    | 'KE'
    | 'KG'
    | 'KH'
    | 'KI'
    | 'KM'
    | 'KN'
    | 'KP'
    | 'KR'
    | 'KW'
    | 'KY'
    | 'KZ'
    | 'LA'
    | 'LB'
    | 'LC'
    | 'LI'
    | 'LK'
    | 'LR'
    | 'LS'
    | 'LT'
    | 'LU'
    | 'LV'
    | 'LY'
    | 'MA'
    | 'MC'
    | 'MD'
    | 'ME'
    | 'MF'
    | 'MG'
    | 'MH'
    | 'MK'
    | 'ML'
    | 'MM'
    | 'MN'
    | 'MO'
    | 'MP'
    | 'MQ'
    | 'MR'
    | 'MS'
    | 'MT'
    | 'MU'
    | 'MV'
    | 'MW'
    | 'MX'
    | 'MY'
    | 'MZ'
    | 'NA'
    | 'NC'
    | 'NE'
    | 'NF'
    | 'NG'
    | 'NI'
    | 'NL'
    | 'NO'
    | 'NP'
    | 'NR'
    | 'NU'
    | 'NZ'
    | 'OM'
    | 'PA'
    | 'PE'
    | 'PF'
    | 'PG'
    | 'PH'
    | 'PK'
    | 'PL'
    | 'PM'
    | 'PN'
    | 'PR'
    | 'PS'
    | 'PT'
    | 'PW'
    | 'PY'
    | 'QA'
    | 'RE'
    | 'RO'
    | 'RS'
    | 'RU'
    | 'RW'
    | 'SA'
    | 'SB'
    | 'SC'
    | 'SD'
    | 'SE'
    | 'SG'
    | 'SH'
    | 'SI'
    | 'SJ'
    | 'SK'
    | 'SL'
    | 'SM'
    | 'SN'
    | 'SO'
    | 'SR'
    | 'SS'
    | 'ST'
    | 'SV'
    | 'SX'
    | 'SY'
    | 'SZ'
    | 'TC'
    | 'TD'
    | 'TF'
    | 'TG'
    | 'TH'
    | 'TJ'
    | 'TK'
    | 'TL'
    | 'TM'
    | 'TN'
    | 'TO'
    | 'TR'
    | 'TT'
    | 'TV'
    | 'TW'
    | 'TZ'
    | 'UA'
    | 'UG'
    | 'UM'
    | 'US'
    | 'UY'
    | 'UZ'
    | 'VA'
    | 'VC'
    | 'VE'
    | 'VG'
    | 'VI'
    | 'VN'
    | 'VU'
    | 'WF'
    | 'WS'
    | 'YE'
    | 'YT'
    | 'ZA'
    | 'ZM'
    | 'ZW'
  )[]
  /** Defaults to the catalogue's language */
  language?: string
  identifiers?: {
    isbn?: {
      /** ISBN-10 or ISBN-13 with a valid check digit, hyphens or spaces allowed */
      value: string
      form: 'print' | 'web' | 'pdf' | 'ebook'
    }[]
    issn?: {
      /** ISSN with a valid check digit */
      value: string
      form: 'print' | 'online'
    }[]
    /** A bare DOI, without https://doi.org/ */
    doi?: string
    /** Publisher's stock number */
    stockNumber?: string
  }
  /** When the record last changed (see CompiledReport) */
  modified: string
  /** The OAI-PMH identifier, oai:<host>:<slug> */
  oaiIdentifier: string
  links: ItemLinks
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
  /** The label of one item ("Report") */
  singular?: string
  /** The label of several items ("Reports") */
  plural?: string
  /** Other words publishers print for this entry ("Monograph") */
  aliases?: string[]
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
  /** Only reports whose record changed at or after this instant (their `modified`); incremental sync. Withdrawals are in OAI-PMH's deleted records. */
  changedSince?: string
  /** Default: relevance with q, newest without; `changed`: most recently changed first */
  sort?: 'relevance' | 'newest' | 'oldest' | 'title' | 'changed'
  /** A page of this catalogue snapshot (`links.nextCursor`), instead of `page`: a 410 problem when a new catalogue has been deployed since, so that a harvest never skips or repeats reports silently */
  cursor?: string
  page?: number | string
  per_page?: number | string
}

/** The query of oaiPmh. */
export interface OaiPmhQuery {
  verb?: string
  metadataPrefix?: string
  identifier?: string
  from?: string
  until?: string
  set?: string
  resumptionToken?: string
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
      | { input: { query?: ListReportsQuery }; output: Problem; outputFormat: 'json'; status: 410 }
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
      | {
          input: { param: { slug: string }; query?: Record<string, never> }
          output: Problem
          outputFormat: 'json'
          status: 410
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
          output: Problem
          outputFormat: 'json'
          status: 410
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
          output: Problem
          outputFormat: 'json'
          status: 410
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
  '/v1/dump.ndjson.gz': {
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
  '/oai': {
    $get:
      | { input: { query?: OaiPmhQuery }; output: string; outputFormat: 'text'; status: 200 }
      | { input: { query?: OaiPmhQuery }; output: Problem; outputFormat: 'json'; status: 400 }
      | { input: { query?: OaiPmhQuery }; output: Problem; outputFormat: 'json'; status: 405 }
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
  getDump: ['/v1/dump.ndjson.gz', '$get']
  oaiPmh: ['/oai', '$get']
}
