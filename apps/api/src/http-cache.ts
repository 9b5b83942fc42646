// Strong validators from the compiled manifest, conditional GET and CDN-friendly caching.

/** Public, a minute in browsers, five minutes at the CDN, served stale while it revalidates. */
export const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400'

/** 64-bit FNV-1a of a string, as 16 hex digits: a cheap, stable hash for ETags of queries. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n
  const prime = 0x100000001b3n
  const mask = 0xffffffffffffffffn
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i))
    hash = (hash * prime) & mask
  }
  return hash.toString(16).padStart(16, '0')
}

/** A strong entity tag, quoted. */
export function strongEtag(...parts: string[]): string {
  return `"${parts.join('-')}"`
}

/** True when If-None-Match lists `etag` (weak comparison, as RFC 9110 §13.1.2 requires) or is `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque)
}

/**
 * The 304 for a request whose If-None-Match matches, else undefined. Headers that a 200 would
 * carry for caching (ETag, Cache-Control, Vary) are repeated on the 304.
 */
export function notModified(
  request: Request,
  etag: string,
  headers: Record<string, string>,
): Response | undefined {
  if (!matchesIfNoneMatch(request.headers.get('If-None-Match') ?? undefined, etag)) return undefined
  return new Response(null, { status: 304, headers: { ETag: etag, ...headers } })
}
