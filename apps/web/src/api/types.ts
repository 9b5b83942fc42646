// Shapes the app works with: report data from colophon-schema, response envelopes from the
// API's typed client.

import type { Facets, FacetValue } from 'colophon-client'
import type { CompiledReport, ReportSummary } from 'colophon-schema'

export type { Health, Report, ReportList, Vocabularies } from './client.ts'
export type { CompiledReport, Facets, FacetValue, ReportSummary }

/** One entry of a vocabulary with its count (types, topics, series). */
export type VocabularyItem = { key: string; label: string; count: number }
