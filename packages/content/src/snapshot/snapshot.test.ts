import { CatalogueSettings, Report } from 'colophon-schema'
import { describe, expect, it } from 'vitest'
import { compileReport, emitCatalogue, emitReport } from '../emit.ts'
import { generateReports, syntheticSettings } from '../generate.ts'
import { Snapshot, type SnapshotOptions } from './snapshot.ts'

const settings = CatalogueSettings.parse(syntheticSettings())
const emitted = generateReports(300, 7).map(({ report }) =>
  emitReport(compileReport(Report.parse(report), settings, undefined)),
)
const { files, manifest } = emitCatalogue(settings, emitted)

/** A snapshot over the emitted files that counts how often each piece is read. */
function counted(options?: SnapshotOptions) {
  const reads = new Map<string, number>()
  const snapshot = new Snapshot(
    manifest,
    {
      async read(name) {
        reads.set(name, (reads.get(name) ?? 0) + 1)
        return files.get(`${name}.json`) ?? files.get(name)
      },
    },
    options,
  )
  return { snapshot, reads }
}

const slugs = emitted.map((e) => e.report.slug)
const blockReads = (reads: Map<string, number>) =>
  [...reads].filter(([name]) => name.startsWith('report-blocks/')).reduce((n, [, c]) => n + c, 0)

describe('the snapshot piece cache', () => {
  it('reads each block once when every block fits', async () => {
    const { snapshot, reads } = counted({ cacheSize: 1000, cacheBytes: 1 << 30 })
    for (let round = 0; round < 3; round++)
      for (const slug of slugs) expect((await snapshot.report(slug))?.slug).toBe(slug)
    expect(blockReads(reads)).toBe(Math.ceil(slugs.length / manifest.blockSize))
  })

  it('reads blocks again once their bytes exceed the bound, so memory stays bounded', async () => {
    const { snapshot, reads } = counted({ cacheSize: 1000, cacheBytes: 1 })
    for (let round = 0; round < 2; round++)
      for (const slug of slugs) expect((await snapshot.report(slug))?.slug).toBe(slug)
    expect(blockReads(reads)).toBeGreaterThan(2 * Math.ceil(slugs.length / manifest.blockSize))
  })
})
