// Whole answers kept for requests that ask for them again (a hot report), served by the
// app's first middleware: the body and every header the full stack set the first time,
// with no other middleware, routing or await in between. Headers go as a plain object,
// which Node's adapter writes as they are (a `Headers` is validated, sorted and copied,
// ~10 % of a cached lookup).
import type { Context, MiddlewareHandler } from 'hono'
import { type Catalogue, currentCatalogue } from './catalogue.ts'
import type { AppEnv } from './env.ts'

/** What a route asks to keep: its answer's body, under the key of the request. */
export interface KeepRequest {
  catalogue: Catalogue
  key: string
  body: string
}

/**
 * The key of a request whose answer may be kept: its path and Accept header, or undefined
 * when the answer could differ from a kept one (a method other than GET/HEAD, a query, an
 * If-None-Match, which a 304 answers).
 */
export function keptAnswerKey(c: Context<AppEnv>): string | undefined {
  const method = c.req.method
  if ((method !== 'GET' && method !== 'HEAD') || c.req.url.includes('?')) return undefined
  const headers = c.req.raw.headers
  if (headers.has('If-None-Match')) return undefined
  return `${c.req.path}\n${headers.get('Accept') ?? ''}`
}

/**
 * Asks that this request's 200 answer be kept with every header the app sets on it (see
 * `keptAnswers`). Nothing is kept for a request `keptAnswerKey` turns down.
 *
 * @example
 * keepAnswer(c, catalogue, text)
 * return c.body(text, 200, headers)
 */
export function keepAnswer(c: Context<AppEnv>, catalogue: Catalogue, body: string): void {
  const key = keptAnswerKey(c)
  if (key !== undefined) c.set('keep', { catalogue, key, body })
}

/**
 * The app's first middleware after the one that resolves the store: answers from a kept
 * answer when the catalogue is known without waiting (the store trusts its snapshot), and
 * keeps the answers routes asked for once every other middleware has added its headers.
 *
 * @example
 * app.use(keptAnswers)
 */
export const keptAnswers: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = keptAnswerKey(c)
  if (key !== undefined) {
    // c.get, not c.var: Hono builds a new object of every variable at each `c.var`.
    const answer = currentCatalogue(c.get('store'), c.get('publicUrl'))?.answer(key)
    // A HEAD is dispatched as a GET: Hono drops the body.
    if (answer) return new Response(answer.body, { status: 200, headers: answer.headers })
  }
  await next()
  const keep = c.get('keep')
  if (keep && c.res.status === 200) {
    const headers: Record<string, string> = {}
    c.res.headers.forEach((value, name) => {
      headers[name] = value
    })
    keep.catalogue.keepAnswer(keep.key, { body: keep.body, headers })
  }
}
