// RFC 9457 problem details: the one error shape of the whole API.
import { z } from '@hono/zod-openapi'

export const PROBLEM_MEDIA_TYPE = 'application/problem+json'

/** One thing wrong with the request: a query or path parameter, a header, or a JSON pointer. */
export const ProblemError = z
  .object({
    parameter: z.string().optional().meta({ description: 'Name of the query or path parameter' }),
    header: z.string().optional().meta({ description: 'Name of the request header' }),
    pointer: z.string().optional().meta({ description: 'JSON pointer into the request' }),
    detail: z.string(),
  })
  .meta({ id: 'ProblemError' })
export type ProblemError = z.infer<typeof ProblemError>

export const Problem = z
  .object({
    type: z.string().meta({ description: 'URI reference identifying the kind of problem' }),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional().meta({ description: 'The request path and query' }),
    errors: z.array(ProblemError).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' })
export type Problem = z.infer<typeof Problem>

/** Problem `type` of a request whose parameters are wrong; other problems are `about:blank`. */
export const INVALID_PARAMETERS = 'urn:colophon:problem:invalid-parameters'

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  410: 'Gone',
  500: 'Internal Server Error',
}

/**
 * An error that the app answers with `application/problem+json`; throw it from any handler.
 *
 * @example
 * throw new HttpProblem(404, { detail: 'no report with slug "nope"' })
 */
export class HttpProblem extends Error {
  readonly status: number
  readonly body: Omit<Problem, 'instance' | 'status'> & Record<string, unknown>
  readonly headers: Record<string, string>

  constructor(
    status: number,
    init: Partial<Omit<Problem, 'instance' | 'status'>> & {
      /** RFC 9457 extension members, e.g. a withdrawn report's reason. */
      extensions?: Record<string, unknown>
    } = {},
    headers: Record<string, string> = {},
  ) {
    super(init.detail ?? init.title ?? TITLES[status] ?? `HTTP ${status}`)
    this.name = 'HttpProblem'
    this.status = status
    this.body = {
      type: init.type ?? 'about:blank',
      title: init.title ?? TITLES[status] ?? `HTTP ${status}`,
      ...(init.detail !== undefined && { detail: init.detail }),
      ...(init.errors !== undefined && { errors: init.errors }),
      ...init.extensions,
    }
    this.headers = headers
  }
}

/** A 400 naming each bad parameter. */
export function invalidParameters(errors: ProblemError[]): HttpProblem {
  const names = [...new Set(errors.map((e) => e.parameter ?? e.header ?? e.pointer))]
  return new HttpProblem(400, {
    type: INVALID_PARAMETERS,
    title: 'Invalid request parameters',
    detail:
      errors.length === 1
        ? errors[0]?.detail
        : `${errors.length} problems with the request: ${names.join(', ')}`,
    errors,
  })
}

/** The problem+json response for `problem`, as seen from `url` (its path and query become `instance`). */
export function problemResponse(problem: HttpProblem, url: string): Response {
  const { pathname, search } = new URL(url)
  const body: Problem = {
    ...problem.body,
    status: problem.status,
    instance: pathname + search,
  }
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: {
      'Content-Type': PROBLEM_MEDIA_TYPE,
      // Errors must not be cached by a CDN for long: a 404 may become a 200 after the next build.
      'Cache-Control': problem.status === 404 ? 'public, max-age=60' : 'no-store',
      ...problem.headers,
    },
  })
}
