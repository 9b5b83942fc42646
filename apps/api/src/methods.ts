// Which methods each path answers: GET and HEAD where a route exists, OPTIONS (204 with
// Allow, or the CORS preflight) there too, 405 with Allow for any other method there, and
// 404 for every method where no route exists. A router of the GET routes decides, so that
// an unknown method (PROPFIND, PURGE, …) or an OPTIONS on a missing path is never answered
// as if the path existed.
import type { MiddlewareHandler } from 'hono'
import { PatternRouter } from 'hono/router/pattern-router'
import { HttpProblem } from './problem.ts'

/** What the paths of this read-only API allow (OAI-PMH's /oai takes POST too). */
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
  let known: PatternRouter<string> | undefined
  const methodsOf = new Map<string, Set<string>>()
  /** The methods the routes matching `path` answer (GET implies HEAD), or none. */
  const allowed = (path: string): Set<string> => {
    const methods = new Set<string>()
    for (const [template] of known?.match('GET', path)[0] ?? [])
      for (const m of methodsOf.get(template) ?? []) methods.add(m)
    return methods
  }
  const middleware: MiddlewareHandler = async (c, next) => {
    const method = c.req.method
    const methods = allowed(c.req.path)
    if (methods.size === 0) {
      if (method === 'GET' || method === 'HEAD') return next()
      throw new HttpProblem(404, { detail: `no endpoint at ${c.req.path.slice(0, 200)}` })
    }
    const allow = ['GET', 'HEAD', ...[...methods].filter((m) => m !== 'GET'), 'OPTIONS'].join(', ')
    if (method === 'GET' || method === 'HEAD' || methods.has(method)) return next()
    if (method === 'OPTIONS') {
      // The CORS middleware after this one answers it (preflight or not); Allow is added.
      await next()
      c.res.headers.set('Allow', allow)
      return
    }
    throw new HttpProblem(
      405,
      { detail: `${method} is not allowed here; this API is read-only (${allow})` },
      { Allow: allow },
    )
  }
  return {
    middleware,
    learn(routes: readonly { method: string; path: string }[]) {
      known = new PatternRouter<string>()
      methodsOf.clear()
      for (const { method, path } of routes) {
        if (method === 'ALL') continue
        if (!methodsOf.has(path)) {
          methodsOf.set(path, new Set())
          known.add('GET', path, path)
        }
        methodsOf.get(path)?.add(method)
      }
    },
  }
}
