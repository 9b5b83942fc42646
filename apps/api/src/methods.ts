// Which methods each path answers: GET and HEAD where a route exists, OPTIONS (204 with
// Allow, or the CORS preflight) there too, 405 with Allow for any other method there, and
// 404 for every method where no route exists. A router of the GET routes decides, so that
// an unknown method (PROPFIND, PURGE, …) or an OPTIONS on a missing path is never answered
// as if the path existed.
import type { MiddlewareHandler } from 'hono'
import { PatternRouter } from 'hono/router/pattern-router'
import { HttpProblem } from './problem.ts'

/** What every path of this read-only API allows. */
export const ALLOW = 'GET, HEAD, OPTIONS'

/**
 * A middleware to install before CORS, and `learn` to call once every route is registered.
 *
 * @example
 * const guard = methodGuard()
 * app.use(guard.middleware)
 * // … routes …
 * guard.learn(app.routes)
 */
export function methodGuard() {
  let known: PatternRouter<true> | undefined
  const exists = (path: string) => (known?.match('GET', path)[0].length ?? 0) > 0
  const middleware: MiddlewareHandler = async (c, next) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD') return next()
    if (!exists(c.req.path)) {
      throw new HttpProblem(404, { detail: `no endpoint at ${c.req.path.slice(0, 200)}` })
    }
    if (method === 'OPTIONS') {
      // The CORS middleware after this one answers it (preflight or not); Allow is added.
      await next()
      c.res.headers.set('Allow', ALLOW)
      return
    }
    throw new HttpProblem(
      405,
      { detail: `${method} is not allowed here; this API is read-only (${ALLOW})` },
      { Allow: ALLOW },
    )
  }
  return {
    middleware,
    learn(routes: readonly { method: string; path: string }[]) {
      known = new PatternRouter<true>()
      for (const path of new Set(routes.filter((r) => r.method === 'GET').map((r) => r.path)))
        known.add('GET', path, true)
    },
  }
}
