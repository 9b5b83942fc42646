// Reads a compiled catalogue folder back into memory (Node): for tests, benchmarks and tools
// that want every report at hand. The API reads the pieces on demand instead (Snapshot).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CompiledReport, ReportSummary } from 'colophon-schema'
import { createCompiledCatalogue } from './compiled-catalogue.ts'
import { type CompiledCatalogue, OUTPUT_FILES } from './output.ts'
import { checkManifest, PIECES, type SummaryBlock } from './snapshot/format.ts'

/**
 * Loads the output of `colophon build` from `dir` (e.g. `dist/catalogue`) whole: summaries
 * from their blocks, reports from theirs, so `report(slug)` is a map lookup.
 *
 * @example
 * const catalogue = readCompiledCatalogue('packages/content/dist/catalogue')
 * catalogue.report('beyond-factory-asia')?.title
 */
export function readCompiledCatalogue(dir: string): CompiledCatalogue {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'))
  const manifest = checkManifest(read(OUTPUT_FILES.manifest), join(dir, OUTPUT_FILES.manifest))
  const summaries: ReportSummary[] = []
  const hashes = new Map<string, string>()
  const reports = new Map<string, CompiledReport>()
  const blocks = Math.ceil(manifest.reportCount / manifest.blockSize)
  for (let b = 0; b < blocks; b++) {
    const block = read(PIECES.summaries(b)) as SummaryBlock<ReportSummary>
    const compiled = read(PIECES.reports(b)) as CompiledReport[]
    block.items.forEach((summary, i) => {
      summaries.push(summary)
      hashes.set(summary.slug, block.hashes[i] as string)
      reports.set(summary.slug, compiled[i] as CompiledReport)
    })
  }
  return createCompiledCatalogue(
    {
      manifest,
      settings: read(OUTPUT_FILES.settings),
      summaries,
      vocabularies: read(OUTPUT_FILES.vocabularies),
      searchIndex: Object.hasOwn(manifest.pieces, OUTPUT_FILES.searchIndex)
        ? read(OUTPUT_FILES.searchIndex)
        : undefined,
    },
    (slug) => reports.get(slug),
    (slug) => hashes.get(slug),
  )
}
