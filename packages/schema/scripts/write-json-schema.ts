// Writes the JSON Schemas (draft 2020-12) of a report, a compiled report and a catalogue into dist/, from
// the same Zod model, so that projects in other languages validate the same data.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  catalogueJsonSchema,
  compiledReportJsonSchema,
  reportJsonSchema,
} from '../src/json-schema.ts'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
mkdirSync(dist, { recursive: true })
for (const [name, schema] of [
  ['report.schema.json', reportJsonSchema()],
  ['compiled-report.schema.json', compiledReportJsonSchema()],
  ['catalogue.schema.json', catalogueJsonSchema()],
] as const) {
  writeFileSync(join(dist, name), `${JSON.stringify(schema, null, 2)}\n`)
  console.log(`wrote dist/${name}`)
}
