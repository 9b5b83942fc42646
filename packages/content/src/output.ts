// The compiled catalogue's shape: the contract between `colophon build` (writer) and its
// consumers (the API's stores, the benchmarks). Runtime-neutral: no Node APIs here, so a
// worker can import it.
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'
import { PIECES, REPORT_FILES_DIR, type SnapshotManifest } from './snapshot/format.ts'

/** File names inside the output folder (`dist/catalogue/`): see snapshot/format.ts. */
export const OUTPUT_FILES = {
  manifest: PIECES.manifest,
  settings: PIECES.settings,
  vocabularies: PIECES.vocabularies,
  /** MiniSearch's serialized index, until the search shards replace it. */
  searchIndex: 'search-index.json',
  /** One `<slug>.json` per report, for integrators (not a piece). */
  reportsDir: REPORT_FILES_DIR,
} as const

/** The snapshot's manifest (format 2). */
export type Manifest = SnapshotManifest

export type { Tombstone } from './snapshot/format.ts'

export interface VocabularyCount {
  key: string
  label: string
  /** The label of one item ("Report"), when the vocabulary gives it. */
  singular?: string
  /** The label of several items, when the vocabulary gives it. */
  plural?: string
  /** Other words publishers print for this entry, when the vocabulary gives them. */
  aliases?: string[]
  description?: string
  count: number
}

/** Every vocabulary with how many reports use each entry; the API's facets and lookups. */
export interface VocabularyCounts {
  types: VocabularyCount[]
  series: VocabularyCount[]
  topics: VocabularyCount[]
  countries: { code: string; count: number }[]
  languages: { code: string; count: number }[]
  years: { year: number; count: number }[]
}

/** A compiled catalogue held in memory. */
export interface CompiledCatalogue {
  manifest: Manifest
  settings: CatalogueSettings
  /** Every report's summary, newest first, then by slug. */
  summaries: ReportSummary[]
  vocabularies: VocabularyCounts
  /** `MiniSearch#toJSON()` of the search index; load it with `searchOptions`. */
  searchIndex: unknown
  report(slug: string): CompiledReport | undefined
  /** The content hash of a report's JSON (its strong ETag). */
  reportHash(slug: string): string | undefined
}
