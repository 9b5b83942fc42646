// One documented operation per report format by suffix (/v1/reports/{slug}.bib, …), so that
// each has its own typed response: a client generated from the document gets the compiled
// report from getReport and a string or a JSON document here, not a union of every format.
// The requests themselves are answered by the report route, which reads the suffix.
import { type OpenAPIHono, z } from '@hono/zod-openapi'
import { REPORT_FORMATS } from '../formats/index.ts'
import { cacheHeaders, problem } from './common.ts'

const FORMATS: Record<string, { title: string; operation: string }> = {
  jsonld: { title: 'JSON-LD (schema.org Report or Book)', operation: 'getReportJsonLd' },
  csl: { title: 'CSL-JSON, for citation processors', operation: 'getReportCsl' },
  bibtex: { title: 'BibTeX', operation: 'getReportBibtex' },
  ris: { title: 'RIS', operation: 'getReportRis' },
  dc: { title: 'Dublin Core XML', operation: 'getReportDublinCore' },
}

/** Documents each non-JSON format of one report as its own path. */
export function registerReportFormats(registry: OpenAPIHono['openAPIRegistry']): void {
  for (const format of REPORT_FORMATS) {
    if (format.name === 'json') continue
    const isJson = format.mediaType.endsWith('json')
    const title = FORMATS[format.name]?.title ?? format.name
    registry.registerPath({
      method: 'get',
      path: `/v1/reports/{slug}${format.suffix}`,
      operationId: FORMATS[format.name]?.operation ?? `getReport-${format.name}`,
      tags: ['Reports'],
      summary: `One report as ${title}`,
      description: `The same as GET /v1/reports/{slug} with Accept: ${format.mediaType}.`,
      request: {
        params: z.object({
          slug: z.string().openapi({
            param: { name: 'slug', in: 'path' },
            description: "The report's slug",
            example: 'beyond-factory-asia',
          }),
        }),
      },
      responses: {
        200: {
          description: `The report in ${title}`,
          headers: cacheHeaders,
          content: {
            [format.mediaType]: {
              schema: isJson ? z.looseObject({}).or(z.array(z.looseObject({}))) : z.string(),
            },
          },
        },
        304: { description: 'Not modified (If-None-Match)' },
        400: problem('Malformed slug or unknown parameter'),
        404: problem('No report with this slug'),
      },
    })
  }
}
