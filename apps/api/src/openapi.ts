// The OpenAPI 3.1 document's top level: what the routes cannot say about themselves.
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './env.ts'

/** Tags in display order, each with what it groups. */
export const TAGS = [
  {
    name: 'Reports',
    description:
      'The catalogue: search and list reports, and read one report as JSON or as JSON-LD, CSL-JSON, BibTeX, RIS or Dublin Core XML.',
  },
  {
    name: 'Lookup',
    description:
      'Find a report by an identifier printed on it (ISBN in any form, DOI): a 303 redirect to the report.',
  },
  {
    name: 'Vocabularies',
    description: 'Types, series, topics, countries, languages and years, with report counts.',
  },
  { name: 'Feeds', description: 'The Atom feed of new reports and the sitemap of the web app.' },
  { name: 'Meta', description: "The service's version and the catalogue it serves." },
]

export interface DocumentOptions {
  version: string
  /** The configured public URL (catalogue.settings.baseUrl): the document's one server. */
  publicUrl: string
}

/**
 * The OpenAPI 3.1 document of `app`, with `servers` from the configured public URL (never
 * the request's Host) and no authentication anywhere (`security: []`).
 */
export function openApiDocument(app: OpenAPIHono<AppEnv>, options: DocumentOptions): object {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Colophon API',
      version: options.version,
      description:
        'A typed catalogue of institutional research reports. Read-only and open: no authentication. Every error is RFC 9457 application/problem+json.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    servers: [{ url: options.publicUrl, description: 'This catalogue' }],
    security: [],
    tags: TAGS,
  })
}
