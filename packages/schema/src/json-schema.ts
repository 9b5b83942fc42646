// JSON Schema (2020-12) generated from the Zod model. Rules JSON Schema cannot express
// (check digits, impossible dates, uniqueness inside a report, rules across reports) are
// left to the Zod model; the shapes and patterns are the same.
import { z } from 'zod'
import { Catalogue } from './catalogue.ts'
import { CompiledReport, Report } from './report.ts'

const SCHEMA_BASE = 'https://colophon.dev/schema/v1'

function generate(
  schema: z.ZodType,
  id: string,
  io: 'input' | 'output' = 'input',
): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  })
  // $schema and $id first, then zod's layout: the root is a $ref to the model in $defs, which
  // 2020-12 validators (Ajv, Python jsonschema) resolve against this $id.
  const { $schema, ...rest } = json
  return { $schema, $id: `${SCHEMA_BASE}/${id}`, ...rest }
}

/**
 * The JSON Schema of one report, as written in a catalogue file.
 *
 * @example
 * import Ajv2020 from 'ajv/dist/2020.js'
 * const validate = new Ajv2020({ validateFormats: false }).compile(reportJsonSchema())
 * validate({ slug: 'beyond-factory-asia', title: 'Beyond Factory Asia', published: '2013-04', type: 'reports' }) // true
 */
export function reportJsonSchema(): Record<string, unknown> {
  return generate(Report, 'report.schema.json')
}

/**
 * The JSON Schema of a whole catalogue (settings and reports) in one document.
 *
 * @example
 * writeFileSync('catalogue.schema.json', JSON.stringify(catalogueJsonSchema(), null, 2))
 */
export function catalogueJsonSchema(): Record<string, unknown> {
  return generate(Catalogue, 'catalogue.schema.json')
}

/**
 * The JSON Schema of one compiled report: what the compile step emits and the API serves
 * (`GET /v1/reports/{slug}`), with the overview rendered (`descriptionHtml`) and the
 * publisher and language resolved.
 *
 * @example
 * const validate = new Ajv2020({ validateFormats: false }).compile(compiledReportJsonSchema())
 * const report = await (await fetch('https://reports.example.org/v1/reports/beyond-factory-asia')).json()
 * if (!validate(report)) console.error(validate.errors)
 */
export function compiledReportJsonSchema(): Record<string, unknown> {
  return generate(CompiledReport, 'compiled-report.schema.json', 'output')
}
