import { z } from '@hono/zod-openapi'
import { type Catalogue, openCatalogue } from '../catalogue.ts'
import { fnv1a64 } from '../http-cache.ts'
import { PROBLEM_MEDIA_TYPE, Problem } from '../problem.ts'

/** A documented problem+json response. */
export const problem = (description: string) => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: Problem } },
})

/** A query that takes no parameters: anything in it is a 400. */
export const NoQuery = z.strictObject({})

export const cacheHeaders = {
  ETag: {
    description: 'Strong validator from the compiled content hashes',
    schema: { type: 'string' as const },
  },
  'Cache-Control': { schema: { type: 'string' as const } },
}

/** The request's snapshot, its `settings.baseUrl` being the configured public URL. */
export function catalogueOf(c: {
  var: { store: Parameters<typeof openCatalogue>[0]; publicUrl: string | undefined }
}): Promise<Catalogue> {
  return openCatalogue(c.var.store, c.var.publicUrl)
}

/**
 * The ETag part that tells public URLs apart: bodies with absolute URLs (a report's formats,
 * the feed, the sitemap) differ between two public URLs, so their ETags must too. None when
 * the catalogue's own baseUrl is used.
 */
export function publicUrlTag(c: { var: { publicUrl: string | undefined } }): string[] {
  return c.var.publicUrl ? [fnv1a64(c.var.publicUrl).slice(0, 8)] : []
}
