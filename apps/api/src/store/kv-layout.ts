// The key layout of a catalogue in Workers KV. Data keys are content-addressed (name@hash),
// and `manifest` is written last: a reader that sees a manifest finds every key it names,
// and a new build never overwrites what a running worker may still be reading.
import type { CompiledCatalogue, Manifest } from 'colophon-content'
import { OUTPUT_FILES } from 'colophon-content'
import { buildIdentifierIndex } from './identifiers.ts'

export const MANIFEST_KEY = 'manifest'

export type KvFile = 'settings' | 'summaries' | 'vocabularies' | 'searchIndex' | 'identifiers'

const FILE_NAMES: Record<KvFile, string> = {
  settings: OUTPUT_FILES.settings,
  summaries: OUTPUT_FILES.summaries,
  vocabularies: OUTPUT_FILES.vocabularies,
  searchIndex: OUTPUT_FILES.searchIndex,
  identifiers: 'identifiers.json',
}

/** Key of one catalogue-wide file for this manifest. */
export function fileKey(manifest: Manifest, file: KvFile): string {
  const name = FILE_NAMES[file]
  // identifiers.json is derived here, not by the compiler: it changes with the content hash.
  const hash = manifest.files[name] ?? manifest.contentHash
  return `file:${name}@${hash}`
}

/** Key of one report for this manifest, or undefined when the manifest has no such slug. */
export function reportKey(manifest: Manifest, slug: string): string | undefined {
  if (!Object.hasOwn(manifest.reports, slug)) return undefined
  return `report:${slug}@${manifest.reports[slug]}`
}

export interface KvEntry {
  key: string
  value: string
}

/**
 * Every KV entry of a compiled catalogue: `data` first (files and reports), then the
 * `manifest` entry, which must be written after the data.
 */
export function kvEntries(catalogue: CompiledCatalogue): { data: KvEntry[]; manifest: KvEntry } {
  const { manifest } = catalogue
  const data: KvEntry[] = []
  const reports = catalogue.summaries.map((s) => {
    const report = catalogue.report(s.slug)
    if (!report) throw new Error(`the manifest lists "${s.slug}" but its report is missing`)
    return report
  })
  const files: Record<KvFile, unknown> = {
    settings: catalogue.settings,
    summaries: catalogue.summaries,
    vocabularies: catalogue.vocabularies,
    searchIndex: catalogue.searchIndex,
    identifiers: buildIdentifierIndex(reports),
  }
  for (const [file, value] of Object.entries(files)) {
    data.push({
      key: fileKey(manifest, file as KvFile),
      value: typeof value === 'string' ? value : JSON.stringify(value),
    })
  }
  for (const report of reports) {
    data.push({ key: reportKey(manifest, report.slug) as string, value: JSON.stringify(report) })
  }
  return { data, manifest: { key: MANIFEST_KEY, value: JSON.stringify(manifest) } }
}
