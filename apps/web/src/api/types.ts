// Shapes of the API's responses as the app uses them. Report data comes from
// @colophon/schema; the envelope types mirror apps/api.
import type { CompiledReport, ReportSummary } from '@colophon/schema'

export type { CompiledReport, ReportSummary }

export interface FacetValue {
  /** The value to send back as a filter (vocabulary key, country code, year). */
  value: string
  label: string
  count: number
}

export interface Facets {
  type: FacetValue[]
  topic: FacetValue[]
  country: FacetValue[]
  year: FacetValue[]
  series: FacetValue[]
}

export interface ReportList {
  items: ReportSummary[]
  total: number
  page: number
  perPage: number
  facets: Facets
}

export interface VocabularyItem {
  key: string
  label: string
  count: number
}

export interface Vocabularies {
  types: VocabularyItem[]
  topics: VocabularyItem[]
  series: VocabularyItem[]
}

export interface CatalogueInfo {
  name: string
  description?: string
  reportCount: number
}
