// Checks responses against the schemas the OpenAPI document gives them (ajv, JSON Schema
// 2020-12 as OpenAPI 3.1 uses).
import { Ajv2020 } from 'ajv/dist/2020.js'

type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >
  components: { schemas: Record<string, unknown> }
}

export function responseValidator(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
  ajv.addSchema({ $id: 'openapi', components: doc.components }, 'openapi')
  /** Throws unless `body` matches the documented schema of `path`/`status`/`mediaType`. */
  return (path: string, status: number, mediaType: string, body: unknown) => {
    const schema = doc.paths[path]?.get?.responses[String(status)]?.content?.[mediaType]?.schema
    if (!schema) throw new Error(`no documented schema for GET ${path} ${status} ${mediaType}`)
    const rewritten = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'),
    )
    const validate = ajv.compile(rewritten)
    if (!validate(body)) {
      throw new Error(`${path} ${status}: ${ajv.errorsText(validate.errors)}`)
    }
    return true
  }
}
