// The built web app's files on Node, read into memory once, each with its Brotli and gzip
// forms made on first request. Vite's hashed assets (`/assets/name-hash.ext`) never change
// under their name: a year, immutable. Other files revalidate. The HTML pages are not here:
// they are rendered (index.html is the dev server's shell only).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'
import {
  compressBytes,
  type Encoding,
  isCompressible,
  MIN_BYTES,
  pickEncoding,
} from './node-compress.ts'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'public, max-age=0, must-revalidate'

interface StaticFile {
  bytes: Uint8Array<ArrayBuffer>
  type: string
  cacheControl: string
  etag: string
  encoded: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer>>>>
}

function walk(dir: string, root: string, into: Map<string, StaticFile>): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const rel = relative(root, path).split(sep).join('/')
    if (statSync(path).isDirectory()) {
      if (name !== '.vite') walk(path, root, into)
      continue
    }
    if (rel === 'index.html' || name.startsWith('.')) continue
    const bytes = new Uint8Array(readFileSync(path))
    const stat = statSync(path)
    into.set(`/${rel}`, {
      bytes,
      type: TYPES[extname(name)] ?? 'application/octet-stream',
      cacheControl: rel.startsWith('assets/') ? IMMUTABLE : REVALIDATE,
      etag: `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
      encoded: {},
    })
  }
}

/**
 * The files of a built web app, as a request handler that answers only for paths it holds.
 *
 * @example
 * const files = staticFiles('apps/web/dist')
 * const response = files(request) ?? fallback(request)
 */
export function staticFiles(dir: string): (request: Request) => Promise<Response> | undefined {
  const files = new Map<string, StaticFile>()
  walk(dir, dir, files)
  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
    const file = files.get(new URL(request.url).pathname)
    if (!file) return undefined
    return respond(request, file)
  }
}

async function respond(request: Request, file: StaticFile): Promise<Response> {
  const headers = new Headers({
    'Content-Type': file.type,
    'Cache-Control': file.cacheControl,
    'X-Content-Type-Options': 'nosniff',
  })
  const compressible = isCompressible(file.type) && file.bytes.byteLength >= MIN_BYTES
  if (compressible) headers.set('Vary', 'Accept-Encoding')
  const encoding = compressible ? pickEncoding(request.headers.get('Accept-Encoding')) : undefined
  const etag = file.etag
  headers.set('ETag', etag)
  if (
    request.headers
      .get('If-None-Match')
      ?.split(/\s*,\s*/)
      .includes(etag)
  ) {
    return new Response(null, { status: 304, headers })
  }
  let body = file.bytes
  if (encoding) {
    file.encoded[encoding] ??= compressBytes(file.bytes, encoding, 'static')
    body = await file.encoded[encoding]
    headers.set('Content-Encoding', encoding)
  }
  headers.set('Content-Length', String(body.byteLength))
  return new Response(request.method === 'HEAD' ? null : body, { headers })
}
