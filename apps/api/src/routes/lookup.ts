import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { doiProblem, isbnProblem, normalizeDoi, normalizeIsbn } from 'colophon-schema'
import type { Context } from 'hono'
import type { Catalogue } from '../catalogue.ts'
import type { AppEnv } from '../env.ts'
import { webUrl } from '../formats/context.ts'
import { CACHE_CONTROL } from '../http-cache.ts'
import { HttpProblem, invalidParameters } from '../problem.ts'
import { validationHook } from '../validation.ts'
import { catalogueOf, NoQuery, problem } from './common.ts'
import { withdrawnProblem } from './reports.ts'

const redirect = (description: string) => ({
  description,
  headers: {
    Location: {
      description: "The report's absolute URL in this API (/v1/reports/{slug})",
      schema: { type: 'string' as const, format: 'uri' },
    },
  },
  links: {
    report: {
      operationId: 'getReport',
      description: 'The report this identifier belongs to, at the Location given',
    },
  },
})

export const isbnRoute = createRoute({
  method: 'get',
  path: '/isbn/{isbn}',
  operationId: 'findReportByIsbn',
  tags: ['Lookup'],
  summary: 'Find a report by ISBN',
  description:
    'Any form: ISBN-10 or ISBN-13, with or without hyphens or spaces. Redirects (303) to the report.',
  request: {
    params: z.object({
      isbn: z
        .string()
        .openapi({ param: { name: 'isbn', in: 'path' }, example: '978-92-9254-047-0' }),
    }),
    query: NoQuery,
  },
  responses: {
    303: redirect('The report with this ISBN'),
    400: problem('Not a valid ISBN (the detail says why)'),
    404: problem('No report has this ISBN'),
    410: problem('The report with this ISBN was withdrawn (the same problem as its slug route)'),
  },
})

export const doiRoute = createRoute({
  method: 'get',
  path: '/doi/{doi}',
  operationId: 'findReportByDoi',
  tags: ['Lookup'],
  summary: 'Find a report by DOI',
  description:
    'The bare DOI (10.…), unencoded slashes allowed (/v1/doi/10.22617/TCS135555), or a doi.org URL, percent-encoded. Redirects (303) to the report.',
  request: {
    params: z.object({
      doi: z
        .string()
        .openapi({ param: { name: 'doi', in: 'path' }, example: '10.22617/TCS135555' }),
    }),
    query: NoQuery,
  },
  responses: {
    303: redirect('The report with this DOI'),
    400: problem('Not a DOI'),
    404: problem('No report has this DOI'),
    410: problem('The report with this DOI was withdrawn (the same problem as its slug route)'),
  },
})

/** No report has this identifier: a withdrawn one's 410 if it had it, else a 404. */
function missing(catalogue: Catalogue, kind: 'isbn' | 'doi', value: string): HttpProblem {
  for (const [slug, tombstone] of Object.entries(catalogue.withdrawn)) {
    if (kind === 'isbn' ? tombstone.isbn?.includes(value) : tombstone.doi === value) {
      return withdrawnProblem(slug, tombstone)
    }
  }
  return new HttpProblem(404, { detail: `no report has ${kind.toUpperCase()} ${value}` })
}

function seeOther(catalogue: Catalogue, slug: string): Response {
  return new Response(null, {
    status: 303,
    headers: {
      Location: webUrl(catalogue.settings, `/v1/reports/${slug}`),
      'Cache-Control': CACHE_CONTROL,
    },
  })
}

async function byDoi(c: Context<AppEnv>, value: string): Promise<Response> {
  const doi = normalizeDoi(value)
  if (!doi) throw invalidParameters([{ parameter: 'doi', detail: `doi: ${doiProblem(value)}` }])
  const catalogue = await catalogueOf(c)
  const slug = await catalogue.lookup('doi', doi)
  if (!slug) throw missing(catalogue, 'doi', doi)
  return seeOther(catalogue, slug)
}

export const lookup = new OpenAPIHono<AppEnv>()
  .openapi(
    isbnRoute,
    async (c) => {
      const { isbn } = c.req.valid('param')
      const normalized = isbn.length <= 40 ? normalizeIsbn(isbn) : undefined
      if (!normalized) {
        const detail = isbn.length <= 40 ? isbnProblem(isbn) : 'ISBN: too long'
        throw invalidParameters([{ parameter: 'isbn', detail: `isbn: ${detail}` }])
      }
      const catalogue = await catalogueOf(c)
      const slug = await catalogue.lookup('isbn', normalized)
      if (!slug) throw missing(catalogue, 'isbn', normalized)
      return seeOther(catalogue, slug)
    },
    validationHook([]),
  )
  .openapi(doiRoute, (c) => byDoi(c, c.req.valid('param').doi), validationHook([]))

/** DOIs contain slashes; this undocumented twin of the DOI route takes them unencoded. */
export const doiWithSlashes = new OpenAPIHono<AppEnv>().get('/doi/:prefix/:suffix{.+}', (c) => {
  const extra = [...new URL(c.req.url).searchParams.keys()]
  if (extra.length) {
    throw invalidParameters(
      extra.map((name) => ({
        parameter: name,
        detail: `${name}: unknown parameter; this endpoint takes none`,
      })),
    )
  }
  return byDoi(c, `${c.req.param('prefix')}/${c.req.param('suffix')}`)
})
