// The feed, the sitemap and the health check: catalogue-wide documents.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../env.ts'
import { toAtom } from '../formats/atom.ts'
import { label, webUrl } from '../formats/context.ts'
import { toSitemap } from '../formats/sitemap.ts'
import { CACHE_CONTROL, notModified, strongEtag } from '../http-cache.ts'
import { Health } from '../schemas.ts'
import { validationHook } from '../validation.ts'
import { cacheHeaders, catalogueOf, NoQuery, problem, publicUrlTag } from './common.ts'

export const FEED_SIZE = 50

export const feedRoute = createRoute({
  method: 'get',
  path: '/v1/feed.atom',
  operationId: 'getFeed',
  tags: ['Feeds'],
  summary: `Atom feed of the ${FEED_SIZE} newest reports`,
  request: { query: NoQuery },
  responses: {
    200: {
      description: 'Atom 1.0',
      headers: cacheHeaders,
      content: { 'application/atom+xml': { schema: z.string() } },
    },
    304: { description: 'Not modified' },
    400: problem('Unknown parameter'),
  },
})

export const sitemapRoute = createRoute({
  method: 'get',
  path: '/sitemap.xml',
  operationId: 'getSitemap',
  tags: ['Feeds'],
  summary: "Sitemap of the web app's pages",
  request: { query: NoQuery },
  responses: {
    200: {
      description: 'sitemaps.org XML',
      headers: cacheHeaders,
      content: { 'application/xml': { schema: z.string() } },
    },
    304: { description: 'Not modified' },
    400: problem('Unknown parameter'),
  },
})

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['Meta'],
  summary: "Version, the catalogue's name, content hash and report count",
  request: { query: NoQuery },
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
    400: problem('Unknown parameter'),
    500: problem('The catalogue cannot be read'),
  },
})

function xml(body: string, type: string, etag: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': `${type}; charset=utf-8`,
      ETag: etag,
      'Cache-Control': CACHE_CONTROL,
    },
  })
}

export const meta = new OpenAPIHono<AppEnv>()
  .openapi(
    feedRoute,
    async (c) => {
      const catalogue = await catalogueOf(c)
      const etag = strongEtag(
        catalogue.manifest.contentHash.slice(0, 32),
        'atom',
        ...publicUrlTag(c),
      )
      const unchanged = notModified(c.req.raw, etag, { 'Cache-Control': CACHE_CONTROL })
      if (unchanged) return unchanged
      const self = webUrl(catalogue.settings, '/v1/feed.atom')
      const body = toAtom(catalogue.settings, await catalogue.newest(FEED_SIZE), self, (key) =>
        label(catalogue.vocabularies.types, key),
      )
      return xml(body, 'application/atom+xml', etag)
    },
    validationHook([]),
  )
  .openapi(
    sitemapRoute,
    async (c) => {
      const catalogue = await catalogueOf(c)
      const etag = strongEtag(
        catalogue.manifest.contentHash.slice(0, 32),
        'sitemap',
        ...publicUrlTag(c),
      )
      const unchanged = notModified(c.req.raw, etag, { 'Cache-Control': CACHE_CONTROL })
      if (unchanged) return unchanged
      return xml(
        toSitemap(catalogue.settings, await catalogue.allSummaries()),
        'application/xml',
        etag,
      )
    },
    validationHook([]),
  )
  .openapi(
    healthRoute,
    async (c) => {
      const { manifest, settings, storeKind } = await catalogueOf(c)
      c.header('Cache-Control', 'no-store')
      return c.json(
        {
          status: 'ok' as const,
          version: c.var.version,
          name: settings.name,
          description: settings.description,
          contentHash: manifest.contentHash,
          reportCount: manifest.reportCount,
          schemaVersion: manifest.schemaVersion,
          store: storeKind,
        },
        200,
      )
    },
    validationHook([]),
  )
