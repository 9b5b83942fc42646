import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CatalogueSettings, Report } from 'colophon-schema'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CatalogueEmitter,
  compileReport,
  type EmittedReport,
  ENTRY_FILES,
  emitCatalogue,
  emitReport,
} from './emit.ts'
import { generateReports, syntheticSettings } from './generate.ts'
import { bundledSource } from './snapshot/bundled.ts'
import { Snapshot } from './snapshot/snapshot.ts'
import { asTexts, tempDir } from './test-support.ts'

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
  it('inlines every piece, which the snapshot reader reads back', async () => {
    const { files, manifest } = emitCatalogue(settings, emitted)
    const catalogue = await importEntry(files.get(ENTRY_FILES.js) as string)
    expect(catalogue.manifest).toEqual(manifest)
    expect(Object.keys(catalogue.pieces)).toEqual(Object.keys(manifest.pieces))
    const snapshot = new Snapshot(catalogue.manifest, bundledSource(catalogue))
    const newest = JSON.parse(files.get('summaries/0.json') as string).items
    expect(await snapshot.summaries(0, 20)).toEqual(newest)
    const slug = emitted[3]?.report.slug as string
    expect(await snapshot.report(slug)).toEqual(emitted[3]?.report)
    expect(await snapshot.report('toString')).toBeUndefined()
    // Per-report files are for integrators on disk, not in the bundle.
    expect(JSON.stringify(Object.keys(catalogue.pieces))).not.toContain('"reports/')
  })

  it('above the inline limit, explains where the data is instead of inlining it', async () => {
    const { files } = emitCatalogue(settings, emitted, { entryInlineLimit: 1000 })
    const catalogue = await importEntry(files.get(ENTRY_FILES.js) as string)
    expect(catalogue.pieces).toBeNull()
    expect(() => bundledSource(catalogue)).toThrow(/20 reports.*too large to bundle.*CATALOGUE_DIR/)
    expect(files.get('summaries/0.json')).toBeDefined()
  })
})

describe('CatalogueEmitter, emitting again after changes', () => {
  const pool = generateReports(120, 9).map(({ report }) => Report.parse(report))
  const emit = (report: Report) => emitReport(compileReport(report, settings, undefined))
  const topics = Object.keys(settings.vocabularies.topics ?? {})

  /** One change to the catalogue, as the editors make them (and some they rarely do). */
  const change = fc.oneof(
    // Edit a report: its title, its date (it moves in the list), its vocabulary entries.
    fc.record({
      kind: fc.constant('edit' as const),
      at: fc.nat(),
      title: fc.option(fc.constantFrom('A', 'Zeta', 'Économie', 'Retitled "quoted"'), {
        nil: undefined,
      }),
      published: fc.option(fc.constantFrom('1990', '2013-04', '2013-04-15', '2031-12'), {
        nil: undefined,
      }),
      topics: fc.option(fc.subarray(topics, { maxLength: 3 }), { nil: undefined }),
      countries: fc.option(fc.subarray(['PH', 'VN', 'JP', 'FR'], { maxLength: 2 }), {
        nil: undefined,
      }),
    }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 80 }) }),
    // A slug that is a number: objects order such keys first.
    fc.record({
      kind: fc.constant('rename' as const),
      at: fc.nat(),
      slug: fc.constantFrom('2020', '7', 'zzz-last', 'aaa-first'),
    }),
    fc.constant({ kind: 'shuffle' as const }),
  )

  // The search index is built apart (and tested in search/): one piece stands for it.
  const options = { searchPieces: new Map([['search/header', new Uint8Array([1, 2, 3])]]) }

  it('gives after every change exactly the files a fresh emit gives', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
        const emitter = new CatalogueEmitter()
        let next = 30
        let current: EmittedReport[] = pool.slice(0, next).map(emit)
        emitter.emit(settings, current, options)
        for (const c of changes) {
          const i =
            current.length === 0
              ? 0
              : (c.kind === 'add' || c.kind === 'shuffle' ? 0 : c.at) % current.length
          const before = current[i]
          if (c.kind === 'edit' && before) {
            const report = Report.parse({
              ...pool.find((r) => r.slug === before.report.slug),
              ...before.report,
              ...(c.title === undefined ? {} : { title: c.title }),
              ...(c.published === undefined ? {} : { published: c.published }),
              ...(c.topics === undefined ? {} : { topics: c.topics }),
              ...(c.countries === undefined ? {} : { countries: c.countries }),
            })
            current = current.map((e) => (e === before ? emit(report) : e))
          } else if (c.kind === 'remove') {
            current = current.filter((e) => e !== before)
          } else if (c.kind === 'add') {
            current = [...current, ...pool.slice(next, next + c.count).map(emit)]
            next += c.count
          } else if (c.kind === 'rename' && before) {
            if (current.some((e) => e.report.slug === c.slug)) continue
            current = current.map((e) =>
              e === before ? emit(Report.parse({ ...before.report, slug: c.slug })) : e,
            )
          } else if (c.kind === 'shuffle') {
            current = [...current.slice(1), ...current.slice(0, 1)]
          }
          const fresh = emitCatalogue(settings, current, options)
          expect(asTexts(emitter.emit(settings, current, options).files)).toEqual(
            asTexts(fresh.files),
          )
        }
      }),
      { numRuns: 60 },
    )
  })

  it('after a report passed twice, the next emit is still a fresh one', () => {
    const emitter = new CatalogueEmitter()
    const [first, ...rest] = pool.slice(0, 12).map(emit) as [EmittedReport, ...EmittedReport[]]
    emitter.emit(settings, [first, first, ...rest], options)
    expect(asTexts(emitter.emit(settings, [first, ...rest], options).files)).toEqual(
      asTexts(emitCatalogue(settings, [first, ...rest], options).files),
    )
  })

  it('keeps unchanged files as they were: same text, same hash', () => {
    const emitter = new CatalogueEmitter()
    const first = emitter.emit(settings, emitted)
    const changed = emit(Report.parse({ ...emitted[0]?.report, title: 'Retitled' }))
    const second = emitter.emit(settings, [changed, ...emitted.slice(1)])
    expect(second.manifest.pieces['vocabularies.json']).toBe(
      first.manifest.pieces['vocabularies.json'],
    )
    // 20 reports: one block, rewritten; its reports' summaries carry the new title.
    expect(second.manifest.pieces['summaries/0.json']).not.toBe(
      first.manifest.pieces['summaries/0.json'],
    )
    expect(JSON.parse(second.files.get('summaries/0.json') as string).items).toContainEqual(
      expect.objectContaining({ slug: changed.report.slug, title: 'Retitled' }),
    )
  })
})
