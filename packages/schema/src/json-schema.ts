// JSON Schema (2020-12) generated from the Zod model. Rules JSON Schema cannot express
// (check digits, impossible dates, uniqueness inside a report, rules across reports) are
// left to the Zod model; the shapes and patterns are the same.
import { z } from 'zod'
import { Catalogue } from './catalogue.js'
import { Report } from './report.js'

const SCHEMA_BASE = 'https://colophon.dev/schema/v1'

function generate(schema: z.ZodType, id: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  })
  return { ...json, $id: `${SCHEMA_BASE}/${id}` }
}

/**
 * The JSON Schema of one report, as written in a catalogue file.
 *
 * @example
 * import Ajv from 'ajv/dist/2020.js'
 * const validate = new Ajv().compile(reportJsonSchema())
 */
export function reportJsonSchema(): Record<string, unknown> {
  return generate(Report, 'report.schema.json')
}

/** The JSON Schema of a whole catalogue (settings and reports) in one document. */
export function catalogueJsonSchema(): Record<string, unknown> {
  return generate(Catalogue, 'catalogue.schema.json')
}
