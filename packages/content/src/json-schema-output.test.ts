// colophon-schema's published JSON Schemas against what the compile step really writes: the
// bundled catalogue and a generated one of 300 reports, built into temporary folders. Every
// compiled report validates against compiled-report.schema.json (what the API serves); the
// settings and the reports as one document against catalogue.schema.json.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { catalogueJsonSchema, compiledReportJsonSchema, reportJsonSchema } from 'colophon-schema'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from './build.ts'
import { generateCatalogue } from './generate.ts'

const BUNDLED = fileURLToPath(new URL('../catalogue', import.meta.url))
const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false })
const validateCompiled = ajv.compile(compiledReportJsonSchema())
const validateSource = ajv.compile(reportJsonSchema())
const validateCatalogue = ajv.compile(catalogueJsonSchema())

const work = mkdtempSync(join(tmpdir(), 'colophon-json-schema-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function compiled(source: string, name: string) {
  const out = join(work, `${name}-out`)
  const result = await build({ dir: source, out })
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)))
  const reports = readdirSync(join(out, 'reports')).map((file) =>
    JSON.parse(readFileSync(join(out, 'reports', file), 'utf8')),
  )
  const settings = JSON.parse(readFileSync(join(out, 'catalogue.json'), 'utf8'))
  return { reports, settings }
}

const errors = (validate: typeof validateCompiled) => ajv.errorsText(validate.errors)

for (const [name, source] of [
  ['the bundled catalogue', async () => BUNDLED],
  [
    'a generated catalogue of 300 reports',
    async () => {
      const dir = join(work, 'generated')
      await generateCatalogue(dir, { count: 300, seed: 7 })
      return dir
    },
  ],
] as const) {
  describe(name, () => {
    it('every compiled report is valid for compiled-report.schema.json', async () => {
      const { reports } = await compiled(await source(), name.replace(/\W+/g, '-'))
      expect(reports.length).toBeGreaterThan(0)
      for (const report of reports) {
        expect(validateCompiled(report), `${report.slug}: ${errors(validateCompiled)}`).toBe(true)
      }
      // the source schema is not the served shape: the rendered overview is not in it
      const withHtml = reports.find((r) => r.descriptionHtml)
      if (withHtml) expect(validateSource(withHtml)).toBe(false)
    })

    it('its settings and reports, as one document, are valid for catalogue.schema.json', async () => {
      const { reports, settings } = await compiled(await source(), `${name.replace(/\W+/g, '-')}-2`)
      const asSource = reports.map(({ descriptionHtml: _, ...report }) => report)
      const document = { ...settings, reports: asSource }
      expect(validateCatalogue(document), errors(validateCatalogue)).toBe(true)
    })
  })
}

it('a compiled report missing what the compile step resolves is refused', async () => {
  const { reports } = await compiled(BUNDLED, 'broken')
  const { publisher: _, ...withoutPublisher } = reports[0]
  expect(validateCompiled(withoutPublisher)).toBe(false)
  expect(validateCompiled({ ...reports[0], descriptionHtml: 1 })).toBe(false)
})
