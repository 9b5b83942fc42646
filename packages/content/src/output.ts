// The compiled catalogue's shape: the contract between `colophon build` (writer) and its
// consumers (the API's stores, the benchmarks). Runtime-neutral: no Node APIs here, so a
// worker can import it.
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'

/** File names inside the output folder (`dist/catalogue/`). */
export const OUTPUT_FILES = {
  manifest: 'manifest.json',
  settings: 'catalogue.json',
  summaries: 'index.json',
  vocabularies: 'vocabularies.json',
  searchIndex: 'search-index.json',
  /** One `<slug>.json` per report. */
  reportsDir: 'reports',
} as const

export interface Manifest {
  schemaVersion: number
  /** One hash over every output file: changes whenever anything in the catalogue changes. */
  contentHash: string
  reportCount: number
  /** Content hash of each compiled report, by slug: the API's strong ETags. */
  reports: Record<string, string>
  /** Content hash of each other output file, by file name. */
  files: Record<string, string>
  /**
   * Identifies the dump (`/v1/dump.ndjson.gz`: every report's JSON, one per line, by slug):
   * a hash over the `reports` hashes in that order. Each line's SHA-256 (base64url) is its
   * report's hash in `reports`.
   */
  dumpHash: string
  /** Withdrawn reports by slug: tombstones, not in `reports`, lists or search. */
  withdrawn: Record<string, Tombstone>
}

/** What a withdrawn report leaves: a 410 with the reason, an OAI-PMH deleted record. */
export interface Tombstone {
  title: string
  type: string
  series?: string
  topics?: string[]
  /** When the record last changed (the withdrawal, usually). */
  modified: string
  withdrawn: { date: string; reason: string }
  /** Its ISBNs (13 digits, no hyphens) and DOI (lower-cased): the lookups answer 410 too. */
  isbn?: string[]
  doi?: string
}

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
}
