// Compression of text responses on Node (Workers' edge compresses by itself): Brotli when
// the client takes it, else gzip. Responses with a strong ETag are compressed once and kept.
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

export type Encoding = 'br' | 'gzip'

const COMPRESSIBLE =
  /^(?:text\/|application\/(?:json|ld\+json|problem\+json|xml|atom\+xml|javascript|x-bibtex|x-research-info-systems|vnd\.citationstyles\.csl\+json|manifest\+json)|image\/svg\+xml)/

/** Below this many bytes compression does not pay for its header and time. */
export const MIN_BYTES = 1024

/**
 * The encoding to send for an `Accept-Encoding`, honouring `q=0`.
 *
 * @example
 * pickEncoding('gzip, deflate, br') // 'br'
 */
export function pickEncoding(header: string | null): Encoding | undefined {
  if (!header) return undefined
  const accepted = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    accepted.set(name, q ? Number(q.slice(2)) : 1)
  }
  const star = accepted.get('*')
  const quality = (name: Encoding) => accepted.get(name) ?? star ?? 0
  if (quality('br') > 0) return 'br'
  if (quality('gzip') > 0) return 'gzip'
  return undefined
}

export function isCompressible(contentType: string | null): boolean {
  return contentType !== null && COMPRESSIBLE.test(contentType)
}

/** Compresses bytes; `static` spends more time for a smaller file (assets, kept in memory). */
export async function compressBytes(
  bytes: Uint8Array,
  encoding: Encoding,
  level: 'static' | 'dynamic',
): Promise<Uint8Array<ArrayBuffer>> {
  // zlib's Buffers sit on plain (never shared) ArrayBuffers.
  type Plain = Uint8Array<ArrayBuffer>
  if (encoding === 'gzip')
    return (await gzipAsync(bytes, { level: level === 'static' ? 9 : 6 })) as Plain
  return (await brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: level === 'static' ? 11 : 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  })) as Plain
}

const kept = new Map<string, Uint8Array<ArrayBuffer>>()
const KEEP_MAX = 1000

/**
 * The response compressed for the request, or the same response when it should not be
 * (already encoded, not text, small, or a client that takes neither encoding).
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
  if (!response.body || response.headers.has('Content-Encoding') || request.method === 'HEAD') {
    return response
  }
  if (!isCompressible(response.headers.get('Content-Type'))) return response
  const encoding = pickEncoding(request.headers.get('Accept-Encoding'))
  if (!encoding) return response
  const bytes = new Uint8Array(await response.arrayBuffer())
  const headers = new Headers(response.headers)
  if (bytes.byteLength < MIN_BYTES) return new Response(bytes, { status: response.status, headers })
  // Vary only on what was compressed: an identity answer is right for every client, so a
  // cache may keep it for all (and Node then answers as Workers' local runtime does).
  const vary = headers.get('Vary')
  if (!vary?.toLowerCase().includes('accept-encoding')) {
    headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
  }
  const etag = response.headers.get('ETag')
  const key = etag && !etag.startsWith('W/') ? `${encoding} ${etag}` : undefined
  let body = key ? kept.get(key) : undefined
  if (!body) {
    body = await compressBytes(bytes, encoding, 'dynamic')
    if (key) {
      if (kept.size >= KEEP_MAX) kept.delete(kept.keys().next().value as string)
      kept.set(key, body)
    }
  }
  headers.set('Content-Encoding', encoding)
  headers.delete('Content-Length')
  // The ETag stays the API's: If-None-Match then works whatever the encoding, and on every
  // runtime alike (Workers' edge keeps it too); the bytes decoded are the same.
  return new Response(body, { status: response.status, headers })
}
