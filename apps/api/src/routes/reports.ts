import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { CompiledReport, slugProblem } from 'colophon-schema'
import type { AppEnv } from '../env.ts'
import { webUrl } from '../formats/context.ts'
import { contentType, REPORT_FORMATS, splitSuffix } from '../formats/index.ts'
import { CACHE_CONTROL, fnv1a64, notModified, strongEtag } from '../http-cache.ts'
import { listReports } from '../list.ts'
import { negotiate } from '../negotiate.ts'
import { HttpProblem } from '../problem.ts'
import { ListQuery, ReportList } from '../schemas.ts'
import { validationHook } from '../validation.ts'
import { cacheHeaders, catalogueOf, NoQuery, problem } from './common.ts'

const LIST_PARAMETERS = Object.keys(ListQuery.shape)

export const listRoute = createRoute({
  method: 'get',
  path: '/reports',
  operationId: 'listReports',
  tags: ['Reports'],
  summary: 'List and search reports',
  description:
    'Full-text search (relevance from the compiled index), filters, facet counts over the result, sorting and paging. Several values of one filter (comma-separated) match any; different filters must all match.',
  request: { query: ListQuery },
  responses: {
    200: {
      description: 'One page of results',
      headers: {
        ...cacheHeaders,
        Link: { description: 'first, prev, next, last (RFC 8288)', schema: { type: 'string' } },
      },
      content: { 'application/json': { schema: ReportList } },
    },
    304: { description: 'Not modified (If-None-Match)' },
    400: problem('A parameter is unknown or invalid; `errors` names each'),
  },
})

export const reportRoute = createRoute({
  method: 'get',
  path: '/reports/{slug}',
  operationId: 'getReport',
  tags: ['Reports'],
  summary: 'One report',
  description: `The whole compiled report as JSON. The same path serves the other formats by Accept (${REPORT_FORMATS.map((f) => f.mediaType).join(', ')}); each also has its own path by suffix (${REPORT_FORMATS.map((f) => `{slug}${f.suffix}`).join(', ')}), documented separately.`,
  request: {
    params: z.object({
      slug: z.string().openapi({
        param: { name: 'slug', in: 'path' },
        description: `The report's slug, optionally followed by a format suffix (${REPORT_FORMATS.map((f) => f.suffix).join(', ')})`,
        example: 'beyond-factory-asia',
      }),
    }),
    query: NoQuery,
  },
  responses: {
    200: {
      description: 'The report',
      headers: cacheHeaders,
      content: { 'application/json': { schema: CompiledReport } },
    },
    304: { description: 'Not modified (If-None-Match)' },
    400: problem('Malformed slug or unknown parameter'),
    404: problem('No report with this slug'),
    406: problem('None of the formats in Accept can be produced'),
  },
})

function pageUrl(url: URL, page: number): string {
  const next = new URL(url)
  if (page === 1) next.searchParams.delete('page')
  else next.searchParams.set('page', String(page))
  return next.pathname + next.search
}

export const reports = new OpenAPIHono<AppEnv>()
  .openapi(
    listRoute,
    async (c) => {
      const query = c.req.valid('query')
      const catalogue = await catalogueOf(c)
      const normalized = JSON.stringify(
        Object.entries(query).sort(([a], [b]) => a.localeCompare(b)),
      )
      const etag = strongEtag(catalogue.manifest.contentHash.slice(0, 32), fnv1a64(normalized))
      const cache = { 'Cache-Control': CACHE_CONTROL }
      const unchanged = notModified(c.req.raw, etag, cache)
      if (unchanged) return unchanged as never
      const result = await listReports(catalogue, query)
      const url = new URL(c.req.url)
      const last = Math.max(result.pageCount, 1)
      const links = {
        self: pageUrl(url, result.page),
        first: pageUrl(url, 1),
        last: pageUrl(url, last),
        ...(result.page > 1 && { prev: pageUrl(url, result.page - 1) }),
        ...(result.page < last && { next: pageUrl(url, result.page + 1) }),
      }
      c.header(
        'Link',
        Object.entries(links)
          .filter(([rel]) => rel !== 'self')
          .map(([rel, href]) => `<${href}>; rel="${rel}"`)
          .join(', '),
      )
      c.header('ETag', etag)
      c.header('Cache-Control', CACHE_CONTROL)
      return c.json({ ...result, links }, 200)
    },
    validationHook(LIST_PARAMETERS),
  )
  .openapi(
    reportRoute,
    async (c) => {
      const { slug: name } = c.req.valid('param')
      const { slug, format: bySuffix } = splitSuffix(name)
      const problem = slugProblem(slug)
      if (problem) {
        throw new HttpProblem(400, {
          title: 'Invalid request parameters',
          type: 'urn:colophon:problem:invalid-parameters',
          detail: `slug: ${problem}`,
          errors: [{ parameter: 'slug', detail: `slug: ${problem}` }],
        })
      }
      let format = bySuffix
      if (!format) {
        const chosen = negotiate(
          c.req.header('Accept'),
          REPORT_FORMATS.map((f) => [f.mediaType, ...f.aliases]),
        )
        if (chosen === undefined) {
          throw new HttpProblem(406, {
            detail: `cannot produce any of: ${c.req.header('Accept')}; available: ${REPORT_FORMATS.map((f) => f.mediaType).join(', ')}`,
          })
        }
        format = REPORT_FORMATS[chosen]
      }
      if (!format) throw new Error('unreachable: no format')
      const catalogue = await catalogueOf(c)
      const hash = await catalogue.reportHash(slug)
      if (hash === undefined)
        throw new HttpProblem(404, { detail: `no report with slug "${slug}"` })
      const etag = strongEtag(hash, format.name)
      const headers: Record<string, string> = { 'Cache-Control': CACHE_CONTROL }
      if (!bySuffix) headers.Vary = 'Accept'
      const unchanged = notModified(c.req.raw, etag, headers)
      if (unchanged) return unchanged
      const body = await catalogue.rendered(`${format.name}:${slug}`, async () => {
        const report = await catalogue.report(slug)
        if (!report) return undefined
        return (format as (typeof REPORT_FORMATS)[number]).render(report, {
          settings: catalogue.settings,
          vocabularies: catalogue.vocabularies,
          webUrl: webUrl(catalogue.settings, `/reports/${slug}`),
          apiUrl: webUrl(catalogue.settings, `/v1/reports/${slug}`),
        })
      })
      if (body === undefined)
        throw new HttpProblem(404, { detail: `no report with slug "${slug}"` })
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': contentType(format),
          ETag: etag,
          ...headers,
          ...(!bySuffix && { 'Content-Location': `/v1/reports/${slug}${format.suffix}` }),
        },
      })
    },
    validationHook([]),
  )
