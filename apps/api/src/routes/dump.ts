// The bulk dump: every report's compiled JSON, one per line (NDJSON), gzipped, streamed from
// the snapshot's report blocks in doc-id order (newest first), so that a harvest of the whole catalogue is one request.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Catalogue } from '../catalogue.ts'
import type { AppEnv } from '../env.ts'
import { CACHE_CONTROL, notModified, strongEtag } from '../http-cache.ts'
import { validationHook } from '../validation.ts'
import { cacheHeaders, catalogueOf, NoQuery, problem } from './common.ts'

export const dumpRoute = createRoute({
  method: 'get',
  path: '/v1/dump.ndjson.gz',
  operationId: 'getDump',
  tags: ['Harvesting'],
  summary: 'Every report, as gzipped NDJSON',
  description:
    "Each line is one compiled report (the JSON of `/v1/reports/{slug}`), newest first (the order of `/v1/reports`); withdrawn reports are not in it (see OAI-PMH's deleted records). The ETag is the manifest's `dumpHash`; each line's SHA-256 (base64url) is its report's strong ETag.",
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

/** The NDJSON text of every report, as a stream of UTF-8 chunks: one report block a pull. */
export function dumpStream(catalogue: Catalogue): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const reports = catalogue.snapshot.allReports()
  const size = catalogue.manifest.blockSize
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = ''
      for (let i = 0; i < size; i++) {
        const next = await reports.next()
        if (next.done) break
        text += `${JSON.stringify(next.value.report)}\n`
      }
      if (text) controller.enqueue(encoder.encode(text))
      else controller.close()
    },
    async cancel() {
      await reports.return(undefined)
    },
  })
}

export const dump = new OpenAPIHono<AppEnv>().openapi(
  dumpRoute,
  async (c) => {
    const catalogue = await catalogueOf(c)
    const etag = strongEtag(catalogue.manifest.dumpHash, 'dump')
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
