import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CatalogueSettings, Report } from '@colophon/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compileReport, ENTRY_FILES, emitCatalogue, emitReport } from './emit.js'
import { generateReports, syntheticSettings } from './generate.js'
import { tempDir } from './test-support.js'

const settings = CatalogueSettings.parse(syntheticSettings())
const emitted = generateReports(20, 4).map(({ report }) =>
  emitReport(compileReport(Report.parse(report), settings, undefined)),
)

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

async function importEntry(text: string) {
  const file = join(temp.path, `entry-${Math.random().toString(36).slice(2)}.mjs`)
  await writeFile(file, text)
  return (await import(pathToFileURL(file).href)).catalogue
}

describe('the typed entry (index.js)', () => {
  it('inlines every output file and finds reports by slug', async () => {
    const { files, manifest } = emitCatalogue(settings, emitted)
    const catalogue = await importEntry(files.get(ENTRY_FILES.js) as string)
    expect(catalogue.manifest).toEqual(manifest)
    expect(catalogue.summaries).toEqual(JSON.parse(files.get('index.json') as string))
    const slug = emitted[3]?.report.slug as string
    expect(catalogue.report(slug)).toEqual(emitted[3]?.report)
    expect(catalogue.report('toString')).toBeUndefined()
  })

  it('above the inline limit, explains where the data is instead of inlining it', async () => {
    const { files } = emitCatalogue(settings, emitted, { entryInlineLimit: 1000 })
    const catalogue = await importEntry(files.get(ENTRY_FILES.js) as string)
    expect(() => catalogue.summaries).toThrow(/too large to inline.*readCompiledCatalogue/)
    expect(() => catalogue.report('x')).toThrow(/20 reports/)
    expect(files.get('index.json')).toBeDefined()
  })
})
