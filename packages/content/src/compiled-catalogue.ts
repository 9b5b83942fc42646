// A CompiledCatalogue from its parts, for loaders that read the output files themselves
// (the Node reader below, a Workers KV loader). Runtime-neutral.
import type { CompiledReport } from 'colophon-schema'
import type { CompiledCatalogue } from './output.ts'

export type CompiledCatalogueParts = Omit<CompiledCatalogue, 'report'>

/**
 * Builds the catalogue object from parsed output files and a way to get one report.
 *
 * @example
 * const catalogue = createCompiledCatalogue(parts, (slug) => reports.get(slug))
 */
export function createCompiledCatalogue(
  parts: CompiledCatalogueParts,
  report: (slug: string) => CompiledReport | undefined,
): CompiledCatalogue {
  return { ...parts, report }
}
