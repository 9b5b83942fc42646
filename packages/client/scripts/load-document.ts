// The API's OpenAPI document, from the app itself, and the module generated from it.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { createApp, EmbeddedStore } from 'colophon-api'
import { catalogue } from 'colophon-content'
import * as schemaPackage from 'colophon-schema'
import { z } from 'zod'
import { honoSchemaModule, type OpenApiDocument } from './hono-schema.ts'

export const GENERATED_FILE = fileURLToPath(new URL('../src/api.generated.ts', import.meta.url))

export async function openApiDocument(): Promise<OpenApiDocument> {
  const app = createApp({ store: new EmbeddedStore(catalogue) })
  return (await app.request('/openapi.json')).json() as Promise<OpenApiDocument>
}

/** Components colophon-schema exports under their own name (its Zod schemas' `meta` ids). */
const schemaTypes = new Set(
  Object.entries(schemaPackage)
    .filter(([name, value]) => value instanceof z.ZodType && value.meta()?.id === name)
    .map(([name]) => name),
)

/** The generated module, formatted as Biome formats the repository. */
export async function generatedModule(): Promise<string> {
  const source = honoSchemaModule(await openApiDocument(), schemaTypes)
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome')
  const formatted = spawnSync(
    process.execPath,
    [biome, 'format', `--stdin-file-path=${GENERATED_FILE}`],
    { input: source, encoding: 'utf8' },
  )
  if (formatted.status !== 0) throw new Error(`biome format failed:\n${formatted.stderr}`)
  return formatted.stdout
}
