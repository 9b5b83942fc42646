// OAI-PMH 2.0 at /oai, by GET (query string) and POST (application/x-www-form-urlencoded).
import { z } from '@hono/zod-openapi'
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { oaiResponse } from '../oai/protocol.ts'
import { HttpProblem } from '../problem.ts'
import { catalogueOf, problem } from './common.ts'

function argumentsOf(search: string): [string, string][] {
  return [...new URLSearchParams(search)]
}

export const oai = new Hono<AppEnv>()
  .get('/oai', async (c) => {
    const catalogue = await catalogueOf(c)
    // OAI-PMH pages by datestamp over every item: the summaries, read once per snapshot.
    await catalogue.allSummaries()
    const body = await oaiResponse(argumentsOf(new URL(c.req.url).search), {
      catalogue,
      now: new Date(),
    })
    return xmlResponse(body)
  })
  .post('/oai', async (c) => {
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/x-www-form-urlencoded') {
      throw new HttpProblem(415, {
        title: 'Unsupported Media Type',
        detail: 'an OAI-PMH POST request is application/x-www-form-urlencoded',
      })
    }
    const catalogue = await catalogueOf(c)
    // OAI-PMH pages by datestamp over every item: the summaries, read once per snapshot.
    await catalogue.allSummaries()
    const body = await oaiResponse(argumentsOf(await c.req.text()), { catalogue, now: new Date() })
    return xmlResponse(body)
  })

/** The /oai endpoint in the OpenAPI document (OAI-PMH itself is specified by openarchives.org). */
export const oaiPathDocument = {
  method: 'get' as const,
  path: '/oai',
  operationId: 'oaiPmh',
  tags: ['Harvesting'],
  summary: 'OAI-PMH 2.0 (also POST, application/x-www-form-urlencoded)',
  description:
    'Verbs Identify, ListMetadataFormats, ListSets, GetRecord, ListIdentifiers, ListRecords; metadata formats oai_dc, mods, marcxml; sets type, series, topic and their entries (type:reports); datestamps at second granularity; deleted records persistent. Protocol errors are OAI-PMH <error> elements with HTTP 200, as the specification says.',
  request: {
    query: z.object({
      verb: z.string().openapi({ example: 'ListRecords' }),
      metadataPrefix: z.string().optional().openapi({ example: 'oai_dc' }),
      identifier: z
        .string()
        .optional()
        .openapi({ example: 'oai:reports.example.org:beyond-factory-asia' }),
      from: z.string().optional().openapi({ example: '2024-01-01' }),
      until: z.string().optional(),
      set: z.string().optional().openapi({ example: 'type:reports' }),
      resumptionToken: z.string().optional(),
    }),
  },
  responses: {
    200: {
      description: 'An OAI-PMH response document',
      content: { 'text/xml': { schema: z.string() } },
    },
    // OAI-PMH's own errors are <error> elements in a 200; these are HTTP-level refusals.
    400: problem('A query string that is not well-formed (e.g. malformed percent-encoding)'),
    405: problem('A method other than GET, HEAD or POST'),
  },
}

function xmlResponse(body: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/xml; charset=utf-8',
      // Each response carries its responseDate; harvests want the current catalogue.
      'Cache-Control': 'no-cache',
    },
  })
}
