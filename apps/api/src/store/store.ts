// Where the compiled catalogue is read from. The app sees only this interface, so the same
// routes serve a catalogue bundled into the worker, read from a folder, or read from Workers KV.
import type { Manifest, VocabularyCounts } from 'colophon-content'
import type { CatalogueSettings, CompiledReport, ReportSummary } from 'colophon-schema'

/** Normalized identifiers to slugs: ISBN-13 without hyphens, lower-cased bare DOI. */
export interface IdentifierIndex {
  isbn: Record<string, string>
  doi: Record<string, string>
}

/**
 * A compiled catalogue, read asynchronously. Implementations may cache; the app caches what
 * it derives (search index, lookups) by `manifest().contentHash`.
 */
export interface CatalogueStore {
  /** Short name for /health: `embedded`, `kv`, `dir`. */
  readonly kind: string
  manifest(): Promise<Manifest>
  settings(): Promise<CatalogueSettings>
  /** Every report's summary, newest first, then by slug. */
  summaries(): Promise<ReportSummary[]>
  vocabularies(): Promise<VocabularyCounts>
  /** The serialized MiniSearch index (`search-index.json`), as text or parsed. */
  searchIndex(): Promise<unknown>
  identifiers(): Promise<IdentifierIndex>
  report(slug: string): Promise<CompiledReport | undefined>
}
