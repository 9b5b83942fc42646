// OAI-PMH 2.0 at /oai, by GET (query string) and POST (application/x-www-form-urlencoded).
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { oaiResponse } from '../oai/protocol.ts'
import { HttpProblem } from '../problem.ts'
import { catalogueOf } from './common.ts'

function argumentsOf(search: string): [string, string][] {
  return [...new URLSearchParams(search)]
}

export const oai = new Hono<AppEnv>()
  .get('/oai', async (c) => {
    const catalogue = await catalogueOf(c)
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
    const body = await oaiResponse(argumentsOf(await c.req.text()), { catalogue, now: new Date() })
    return xmlResponse(body)
  })

function xmlResponse(body: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/xml; charset=utf-8',
      // Each response carries its responseDate; harvests want the current catalogue.
      'Cache-Control': 'no-cache',
    },
  })
}
