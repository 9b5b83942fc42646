// One error type for everything the app fetches: an RFC 9457 problem from the API, or a
// network failure (the API is unreachable), so pages can choose between "not found",
// "something is wrong with this request" and "try again".

export interface Problem {
  type?: string
  title: string
  status: number
  detail?: string
}

export class ApiError extends Error {
  /** HTTP status, or 0 when the API could not be reached at all. */
  readonly status: number
  readonly problem: Problem | undefined
  /** Seconds the server asked us to wait (a 429's or 503's `Retry-After`). */
  readonly retryAfter: number | undefined

  constructor(status: number, message: string, problem?: Problem, retryAfter?: number) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.retryAfter = retryAfter
  }

  get unreachable(): boolean {
    return this.status === 0
  }

  get notFound(): boolean {
    return this.status === 404
  }

  /** A failure that may pass: no answer, a server error, or "too many requests". */
  get temporary(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500
  }
}

/**
 * `Retry-After` in seconds, from either of its forms (delta-seconds or an HTTP date).
 *
 * @example
 * retryAfterSeconds('120') // 120
 */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

/** RFC 9457 problem type of a withdrawn report's 410 (the API's routes/reports.ts). */
export const WITHDRAWN_PROBLEM = 'urn:colophon:problem:withdrawn'

/** What the page of a withdrawn report shows: the API's 410 problem, read. */
export interface Withdrawal {
  slug: string
  title: string
  /** A partial date: "2024", "2024-06" or "2024-06-15". */
  date: string
  reason: string
}

/**
 * The withdrawal an error tells of: the API's 410 with the `withdrawn` problem type; otherwise
 * undefined.
 *
 * @example
 * withdrawalOf(error)?.reason // 'Replaced by a corrected edition'
 */
export function withdrawalOf(error: unknown): Withdrawal | undefined {
  if (!(error instanceof ApiError) || error.status !== 410) return undefined
  const p = error.problem as
    | (Problem & {
        slug?: unknown
        reportTitle?: unknown
        withdrawn?: { date?: unknown; reason?: unknown }
      })
    | undefined
  if (p?.type !== WITHDRAWN_PROBLEM) return undefined
  const { slug, reportTitle, withdrawn } = p
  if (
    typeof slug !== 'string' ||
    typeof reportTitle !== 'string' ||
    typeof withdrawn?.date !== 'string' ||
    typeof withdrawn.reason !== 'string'
  ) {
    return undefined
  }
  return { slug, title: reportTitle, date: withdrawn.date, reason: withdrawn.reason }
}

/** Turns a failed response into an ApiError, reading its problem+json body when there is one. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let problem: Problem | undefined
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as Problem
    } catch {
      problem = undefined
    }
  }
  const message = problem?.detail ?? problem?.title ?? `${response.status} ${response.statusText}`
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'))
  return new ApiError(response.status, message, problem, retryAfter)
}

/** The API answered 200 with something that is not what the route promises. */
export function badResponse(status: number, detail: string): ApiError {
  return new ApiError(status, 'The catalogue sent an answer this page cannot read.', {
    title: 'Bad response',
    status,
    detail,
  })
}

/** No answer within the time a reader will wait. */
export function timedOut(seconds: number): ApiError {
  return new ApiError(0, `The catalogue did not answer within ${seconds} seconds.`)
}

/** Wraps a network failure (fetch rejected) so the UI can offer a retry. */
export function unreachable(cause: unknown): ApiError {
  const error = new ApiError(0, 'The catalogue could not be reached.')
  ;(error as { cause?: unknown }).cause = cause
  return error
}
