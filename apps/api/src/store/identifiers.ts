import { type CompiledReport, normalizeDoi, normalizeIsbn } from 'colophon-schema'
import type { IdentifierIndex } from './store.ts'

/**
 * The ISBN and DOI lookup tables of a set of reports (every ISBN of a report, in canonical
 * 13-digit form, and its DOI, lower-cased).
 *
 * @example
 * buildIdentifierIndex([report]).isbn['9789292540470'] // 'beyond-factory-asia'
 */
export function buildIdentifierIndex(reports: Iterable<CompiledReport>): IdentifierIndex {
  const index: IdentifierIndex = { isbn: {}, doi: {} }
  for (const report of reports) {
    for (const { value } of report.identifiers?.isbn ?? []) {
      const isbn = normalizeIsbn(value)
      if (isbn) index.isbn[isbn] = report.slug
    }
    const doi = report.identifiers?.doi && normalizeDoi(report.identifiers.doi)
    if (doi) index.doi[doi] = report.slug
  }
  return index
}
