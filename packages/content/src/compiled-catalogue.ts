// A CompiledCatalogue from its parts, for loaders that read the output files themselves
// (the Node reader, tests). Runtime-neutral.
import type { CompiledReport } from 'colophon-schema'
import type { CompiledCatalogue } from './output.ts'

export type CompiledCatalogueParts = Omit<CompiledCatalogue, 'report' | 'reportHash'>

/**
 * Builds the catalogue object from parsed output files and ways to get one report and its
 * content hash.
 *
 * @example
 * const catalogue = createCompiledCatalogue(parts, (slug) => reports.get(slug), (slug) => hashes.get(slug))
 */
export function createCompiledCatalogue(
  parts: CompiledCatalogueParts,
  report: (slug: string) => CompiledReport | undefined,
  reportHash: (slug: string) => string | undefined,
): CompiledCatalogue {
  return { ...parts, report, reportHash }
}
