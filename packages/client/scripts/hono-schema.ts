// Turns the API's OpenAPI document into TypeScript: an interface per response schema the API
// owns, the schema package's own types (CompiledReport, ReportSummary…) imported by name,
// and a Hono `Schema` type of every route, which `hono/client` turns into a typed client.
// Only what the document holds is used, so the client needs no server code to be typed.

type JsonSchema = {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  description?: string
}

type Parameter = { name: string; in: string; required?: boolean; schema?: JsonSchema }
type Operation = {
  operationId?: string
  summary?: string
  parameters?: Parameter[]
  responses: Record<
    string,
    { content?: Record<string, { schema: JsonSchema }>; links?: Record<string, unknown> }
  >
}
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, JsonSchema> }
}

const refName = (ref: string) => ref.replace('#/components/schemas/', '')
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name))

/** `{slug}` → `:slug`, as Hono writes path parameters. */
const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1')

class Printer {
  readonly used = new Set<string>()
  constructor(readonly fromSchemaPackage: ReadonlySet<string>) {}

  type(schema: JsonSchema, indent = ''): string {
    if (schema.$ref) {
      const name = refName(schema.$ref)
      this.used.add(name)
      return name
    }
    const union = schema.anyOf ?? schema.oneOf
    if (union) return union.map((s) => this.type(s, indent)).join(' | ')
    if (schema.const !== undefined) return JSON.stringify(schema.const)
    if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ')
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
    if (types.length > 1)
      return types.map((t) => this.type({ ...schema, type: t }, indent)).join(' | ')
    switch (types[0]) {
      case 'string':
        return 'string'
      case 'integer':
      case 'number':
        return 'number'
      case 'boolean':
        return 'boolean'
      case 'null':
        return 'null'
      case 'array':
        return `${this.wrap(this.type(schema.items ?? {}, indent))}[]`
      case 'object':
        return this.object(schema, indent)
      default:
        return 'unknown'
    }
  }

  wrap(type: string): string {
    return /[|&]/.test(type) ? `(${type})` : type
  }

  object(schema: JsonSchema, indent: string): string {
    const inner = `${indent}  `
    const required = new Set(schema.required ?? [])
    const lines = Object.entries(schema.properties ?? {}).map(([name, property]) => {
      const doc = property.description ? `${inner}/** ${property.description} */\n` : ''
      const optional = required.has(name) ? '' : '?'
      return `${doc}${inner}${key(name)}${optional}: ${this.type(property, inner)}`
    })
    const extra = schema.additionalProperties
    if (extra && typeof extra === 'object')
      lines.push(
        `${inner}[key: string]: ${Object.keys(extra).length ? this.type(extra, inner) : 'unknown'}`,
      )
    if (!lines.length) return 'Record<string, never>'
    return `{\n${lines.join('\n')}\n${indent}}`
  }
}

const FORMAT_OF = (mediaType: string) =>
  /json$/.test(mediaType) ? 'json' : /^text\/|xml$/.test(mediaType) ? 'text' : 'text'

/** The TypeScript module for `document`; `fromSchemaPackage` names the types colophon-schema exports. */
export function honoSchemaModule(
  document: OpenApiDocument,
  fromSchemaPackage: ReadonlySet<string>,
): string {
  const printer = new Printer(fromSchemaPackage)
  const routes: string[] = []
  const operations: string[] = []
  const queries: string[] = []
  const byId = new Map<string, Operation>()
  for (const methods of Object.values(document.paths))
    for (const operation of Object.values(methods))
      if (operation.operationId) byId.set(operation.operationId, operation)
  for (const [path, methods] of Object.entries(document.paths)) {
    // Formats by suffix (/v1/reports/{slug}.bib) are the report route with a suffixed slug.
    if (/\}\.[\w.]+$/.test(path)) continue
    const endpoints: string[] = []
    for (const [method, operation] of Object.entries(methods)) {
      const params = (operation.parameters ?? []).filter((p) => p.in === 'path')
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query')
      const input: string[] = []
      if (params.length)
        input.push(`param: { ${params.map((p) => `${key(p.name)}: string`).join('; ')} }`)
      if (query.length) {
        const id =
          operation.operationId ?? `${method}${path}`.replace(/\W+(\w)/g, (_, c) => c.toUpperCase())
        const name = `${id[0]?.toUpperCase()}${id.slice(1)}Query`
        const fields = query.map((p) => {
          const t = printer.type(p.schema ?? {}, '  ')
          const doc = p.schema?.description ? `  /** ${p.schema.description} */\n` : ''
          // Query strings are text; numbers are sent as their decimal form.
          return `${doc}  ${key(p.name)}?: ${t === 'number' ? 'number | string' : t}`
        })
        queries.push(
          `/** The query of ${operation.operationId ?? path}. */\nexport interface ${name} {\n${fields.join('\n')}\n}`,
        )
        input.push(`query?: ${name}`)
      } else input.push('query?: Record<string, never>')
      const inputType = `{ ${input.join('; ')} }`
      const byStatus: string[] = []
      for (const [status, response] of Object.entries(operation.responses)) {
        const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? []
        const output = media ? printer.type(media.schema, '    ') : 'undefined'
        const format = mediaType
          ? FORMAT_OF(mediaType)
          : status.startsWith('3')
            ? 'redirect'
            : 'text'
        byStatus.push(
          `    | { input: ${inputType}; output: ${output}; outputFormat: '${format}'; status: ${status} }`,
        )
      }
      // fetch follows a 303 (redirect: 'follow'): the client then sees the linked operation's 200.
      const links = Object.values(operation.responses['303']?.links ?? {}) as {
        operationId?: string
      }[]
      const target = links[0]?.operationId && byId.get(links[0].operationId)
      const [, followed] =
        Object.entries(target ? (target.responses['200']?.content ?? {}) : {})[0] ?? []
      if (followed)
        byStatus.push(
          `    | { input: ${inputType}; output: ${printer.type(followed.schema, '    ')}; outputFormat: 'json'; status: 200 }`,
        )
      endpoints.push(`  $${method}:\n${byStatus.join('\n')}`)
      if (operation.operationId)
        operations.push(`  ${operation.operationId}: ['${honoPath(path)}', '$${method}']`)
    }
    routes.push(`  '${honoPath(path)}': {\n${endpoints.join('\n')}\n  }`)
  }

  // Interfaces for the API's own schemas that are reachable; the schema package's by import.
  const declared = new Set<string>()
  const declarations: string[] = []
  const pending = [...printer.used]
  while (pending.length) {
    const name = pending.shift() as string
    if (declared.has(name) || fromSchemaPackage.has(name)) continue
    declared.add(name)
    const schema = document.components.schemas[name]
    if (!schema) throw new Error(`the document has no schema ${name}`)
    const before = new Set(printer.used)
    const body = printer.type({ ...schema, description: undefined })
    for (const n of printer.used) if (!before.has(n)) pending.push(n)
    const doc = schema.description ? `/** ${schema.description} */\n` : ''
    declarations.push(
      body.startsWith('{')
        ? `${doc}export interface ${name} ${body}`
        : `${doc}export type ${name} = ${body}`,
    )
  }
  const imports = [...printer.used].filter((n) => fromSchemaPackage.has(n)).sort()
  return `// Generated from the API's OpenAPI document by \`pnpm --filter colophon-client generate\`; do not edit.
${imports.length ? `import type { ${imports.join(', ')} } from 'colophon-schema'\n` : ''}
${[...declarations.sort(), ...queries].join('\n\n')}

/** Every route of the API as a Hono schema: path, method, input, and output per status. */
export type ApiSchema = {
${routes.join('\n')}
}

/** Each operationId of the OpenAPI document, with its path and method in the client. */
export interface Operations {
${operations.join('\n')}
}
`
}
