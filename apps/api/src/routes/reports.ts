import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Tombstone } from 'colophon-content'
import { type CatalogueSettings, CompiledReport, slugProblem } from 'colophon-schema'
import type { AppEnv } from '../env.ts'
import { webUrl } from '../formats/context.ts'
import { contentType, REPORT_FORMATS, splitSuffix } from '../formats/index.ts'
import { CACHE_CONTROL, fnv1a64, notModified, strongEtag } from '../http-cache.ts'
import { keepAnswer } from '../kept-answers.ts'
import { listReports } from '../list.ts'
import { negotiate } from '../negotiate.ts'
import { identifierPrefix } from '../oai/protocol.ts'
import { HttpProblem, invalidParameters } from '../problem.ts'
import { ListQuery, ReportList } from '../schemas.ts'
import { validationHook } from '../validation.ts'
import { cacheHeaders, catalogueOf, NoQuery, problem, publicUrlTag } from './common.ts'

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
    410: problem('The cursor belongs to a catalogue snapshot no longer served'),
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
    404: problem('No report with this slug (or no DataCite record: the report has no DOI)'),
    410: problem(
      'The report was withdrawn: `withdrawn` holds its date and reason, `reportTitle` its title',
    ),
    406: problem('None of the formats in Accept can be produced'),
  },
})

/**
 * The list's URL from the validated query, parameters in their documented order (page and
 * cursor left to the links): two requests that differ only in the order or the encoding of
 * their query get the same body, and share an ETag.
 */
function canonicalListUrl(query: Record<string, unknown>): URL {
  const url = new URL('http://canonical.invalid/v1/reports')
  for (const name of LIST_PARAMETERS) {
    const value = query[name]
    if (name !== 'page' && name !== 'cursor' && value !== undefined)
      url.searchParams.set(name, String(value))
  }
  return url
}

/** RFC 9457 problem type of a withdrawn report's 410. */
export const WITHDRAWN = 'urn:colophon:problem:withdrawn'

/** The 410 of a withdrawn report: its title, the date and the reason, for the web app's page. */
export function withdrawnProblem(slug: string, tombstone: Tombstone): HttpProblem {
  return new HttpProblem(
    410,
    {
      type: WITHDRAWN,
      title: 'Report withdrawn',
      detail: `"${tombstone.title}" was withdrawn (${tombstone.withdrawn.date}): ${tombstone.withdrawn.reason}`,
      extensions: { slug, reportTitle: tombstone.title, withdrawn: tombstone.withdrawn },
    },
    { 'Cache-Control': CACHE_CONTROL },
  )
}

/** The API's links for one report: itself, its web page, each of its formats. */
export function itemLinks(settings: CatalogueSettings, slug: string) {
  return {
    self: `/v1/reports/${slug}`,
    web: webUrl(settings, `/reports/${slug}`),
    formats: Object.fromEntries(
      REPORT_FORMATS.filter((f) => f.name !== 'datacite').map((f) => [
        f.name,
        `/v1/reports/${slug}${f.suffix}`,
      ]),
    ),
  }
}

/** RFC 9457 problem type of a cursor whose catalogue snapshot is no longer served. */
export const CURSOR_EXPIRED = 'urn:colophon:problem:cursor-expired'

/** A cursor: the snapshot it belongs to and the page it points at, in base64. */
function cursorUrl(url: URL, page: number, snapshot: string): string {
  const next = new URL(url)
  next.searchParams.delete('page')
  next.searchParams.set('cursor', btoa(`${snapshot}.${page}`).replace(/=+$/, ''))
  return next.pathname + next.search
}

function pageOfCursor(cursor: string, snapshot: string): number {
  let decoded = ''
  try {
    decoded = atob(cursor)
  } catch {
    // falls through to the problem below
  }
  const match = /^([A-Za-z0-9_-]{16})\.([1-9]\d{0,6})$/.exec(decoded)
  if (!match) {
    throw invalidParameters([
      { parameter: 'cursor', detail: 'cursor: not a cursor this API gave (links.nextCursor)' },
    ])
  }
  if (match[1] !== snapshot) {
    throw new HttpProblem(410, {
      type: CURSOR_EXPIRED,
      title: 'Cursor expired',
      detail:
        'this cursor belongs to a catalogue snapshot that is no longer served (a new catalogue was deployed); start again from the first page, or use changedSince to catch up',
    })
  }
  return Number(match[2])
}

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
      const { cursor, ...rest } = query
      if (cursor !== undefined && rest.page !== undefined) {
        throw invalidParameters([
          { parameter: 'cursor', detail: 'cursor: give either cursor or page, not both' },
        ])
      }
      const snapshot = catalogue.manifest.contentHash.slice(0, 16)
      const listQuery =
        cursor === undefined ? rest : { ...rest, page: pageOfCursor(cursor, snapshot) }
      const result = await listReports(catalogue, listQuery)
      const url = canonicalListUrl(rest)
      const last = Math.max(result.pageCount, 1)
      const links = {
        self: pageUrl(url, result.page),
        first: pageUrl(url, 1),
        last: pageUrl(url, last),
        ...(result.page > 1 && { prev: pageUrl(url, result.page - 1) }),
        ...(result.page < last && {
          next: pageUrl(url, result.page + 1),
          nextCursor: cursorUrl(url, result.page + 1, snapshot),
        }),
      }
      c.header(
        'Link',
        Object.entries(links)
          .filter(([rel]) => rel !== 'self' && rel !== 'nextCursor')
          .map(([rel, href]) => `<${href}>; rel="${rel}"`)
          .join(', '),
      )
      c.header('ETag', etag)
      c.header('Cache-Control', CACHE_CONTROL)
      const prefix = identifierPrefix(catalogue)
      const items = result.items.map((item) => ({
        ...item,
        oaiIdentifier: prefix + item.slug,
        links: itemLinks(catalogue.settings, item.slug),
      }))
      return c.json({ ...result, items, links }, 200)
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
      // Own keys only: "constructor" or "__proto__" is no report (nor a withdrawn one).
      const hash = await catalogue.reportHash(slug)
      if (hash === undefined) {
        const tombstone = catalogue.tombstone(slug)
        if (tombstone) throw withdrawnProblem(slug, tombstone)
        throw new HttpProblem(404, { detail: `no report with slug "${slug}"` })
      }
      const etag = strongEtag(hash, format.name, ...publicUrlTag(c))
      const headers: Record<string, string> = { 'Cache-Control': CACHE_CONTROL }
      if (!bySuffix) headers.Vary = 'Accept'
      const unchanged = notModified(c.req.raw, etag, headers)
      if (unchanged) return unchanged
      const report = await catalogue.report(slug)
      const text =
        report &&
        (await format.render(report, {
          settings: catalogue.settings,
          vocabularies: catalogue.vocabularies,
          webUrl: webUrl(catalogue.settings, `/reports/${slug}`),
          apiUrl: webUrl(catalogue.settings, `/v1/reports/${slug}`),
        }))
      if (text === undefined) {
        throw new HttpProblem(404, {
          detail: `report "${slug}" has no ${format.name} record (a DataCite record needs a DOI)`,
        })
      }
      // Kept whole with every header the app adds (kept-answers.ts): asked again, it is
      // answered before any other middleware, validation, negotiation or await.
      keepAnswer(c, catalogue, text)
      // c.body, not a new Response: it adds to the response the middleware have begun, where
      // a Response of our own is copied into it (a stream read back, ~30 % of a lookup).
      return c.body(text, 200, {
        'Content-Type': contentType(format),
        ETag: etag,
        ...headers,
        ...(!bySuffix && { 'Content-Location': `/v1/reports/${slug}${format.suffix}` }),
      })
    },
    validationHook([]),
  )
