// CORS for a read-only public API. Preflights go to Hono's cors middleware; any other
// request gets its two headers after the handler has answered. Hono's middleware sets them
// on `c.res` before the handler runs, which makes Hono copy the handler's response into
// that one and read its body back as a stream: at 4 KB a report, most of a cached lookup.
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'

/** Response headers a page on another origin may read. */
export const EXPOSED_HEADERS = ['ETag', 'Link', 'Location', 'Content-Location']

/**
 * Lets any origin read the API (no credentials): `Access-Control-Allow-Origin: *` and the
 * exposed headers on every response, preflights answered for GET and HEAD.
 *
 * @example
 * app.use(publicCors())
 */
export function publicCors(): MiddlewareHandler {
  const preflight = cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 86400,
  })
  const exposed = EXPOSED_HEADERS.join(',')
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next)
    await next()
    c.res.headers.set('Access-Control-Allow-Origin', '*')
    c.res.headers.set('Access-Control-Expose-Headers', exposed)
  }
}
