// Reads a compiled catalogue folder back into memory (Node): for the API's benchmarks, its
// KV loader and tests.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CompiledReport } from 'colophon-schema'
import { createCompiledCatalogue } from './compiled-catalogue.ts'
import { type CompiledCatalogue, type Manifest, OUTPUT_FILES } from './output.ts'

/**
 * Loads the output of `colophon build` from `dir` (e.g. `dist/catalogue`). Every report is
 * read up front, so `report(slug)` is a map lookup.
 *
 * @example
 * const catalogue = readCompiledCatalogue('packages/content/dist/catalogue')
 * catalogue.report('beyond-factory-asia')?.title
 */
export function readCompiledCatalogue(dir: string): CompiledCatalogue {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'))
  const manifest = read(OUTPUT_FILES.manifest) as Manifest
  const reports = new Map<string, CompiledReport>()
  for (const slug of Object.keys(manifest.reports)) {
    reports.set(slug, read(`${OUTPUT_FILES.reportsDir}/${slug}.json`))
  }
  return createCompiledCatalogue(
    {
      manifest,
      settings: read(OUTPUT_FILES.settings),
      summaries: read(OUTPUT_FILES.summaries),
      vocabularies: read(OUTPUT_FILES.vocabularies),
      searchIndex: read(OUTPUT_FILES.searchIndex),
    },
    (slug) => reports.get(slug),
  )
}
