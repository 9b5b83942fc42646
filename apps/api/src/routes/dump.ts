// The bulk dump: every report's compiled JSON, one per line (NDJSON), gzipped, streamed from
// the store in slug order, so that a harvest of the whole catalogue is one request.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Catalogue } from '../catalogue.ts'
import type { AppEnv } from '../env.ts'
import { CACHE_CONTROL, notModified, strongEtag } from '../http-cache.ts'
import { validationHook } from '../validation.ts'
import { cacheHeaders, catalogueOf, NoQuery, problem } from './common.ts'

/** Reports read from the store at once while the dump streams. */
const BATCH = 64

export const dumpRoute = createRoute({
  method: 'get',
  path: '/v1/dump.ndjson.gz',
  operationId: 'getDump',
  tags: ['Harvesting'],
  summary: 'Every report, as gzipped NDJSON',
  description:
    "Each line is one compiled report (the JSON of `/v1/reports/{slug}`), in slug order; withdrawn reports are not in it (see the manifest's tombstones and OAI-PMH). The ETag is the manifest's `dumpHash`; each line's SHA-256 (base64url) is its report's hash in the manifest.",
  request: { query: NoQuery },
  responses: {
    200: {
      description: 'application/gzip of application/x-ndjson',
      headers: cacheHeaders,
      content: { 'application/gzip': { schema: z.string().meta({ format: 'binary' }) } },
    },
    304: { description: 'Not modified (If-None-Match)' },
    400: problem('Unknown parameter'),
  },
})

/** The NDJSON text of every report, as a stream of UTF-8 chunks. */
export function dumpStream(catalogue: Catalogue): ReadableStream<Uint8Array> {
  const slugs = Object.keys(catalogue.manifest.reports).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const encoder = new TextEncoder()
  let next = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const batch = slugs.slice(next, next + BATCH)
      next += batch.length
      if (batch.length === 0) {
        controller.close()
        return
      }
      const reports = await Promise.all(batch.map((slug) => catalogue.report(slug)))
      let text = ''
      reports.forEach((report, i) => {
        if (!report) throw new Error(`report ${batch[i]} is in the manifest but cannot be read`)
        text += `${JSON.stringify(report)}\n`
      })
      controller.enqueue(encoder.encode(text))
    },
  })
}

export const dump = new OpenAPIHono<AppEnv>().openapi(
  dumpRoute,
  async (c) => {
    const catalogue = await catalogueOf(c)
    const etag = strongEtag(catalogue.manifest.dumpHash ?? catalogue.manifest.contentHash, 'dump')
    const unchanged = notModified(c.req.raw, etag, { 'Cache-Control': CACHE_CONTROL })
    if (unchanged) return unchanged
    // (The DOM typings' CompressionStream takes any BufferSource; ours are Uint8Arrays.)
    const body = dumpStream(catalogue).pipeThrough(
      new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
    )
    return new Response(body, {
      headers: {
        'Content-Type': 'application/gzip',
        'Content-Disposition': 'attachment; filename="dump.ndjson.gz"',
        ETag: etag,
        'Cache-Control': CACHE_CONTROL,
      },
    })
  },
  validationHook([]),
)
