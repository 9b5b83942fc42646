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

  constructor(status: number, message: string, problem?: Problem) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  get unreachable(): boolean {
    return this.status === 0
  }

  get notFound(): boolean {
    return this.status === 404
  }
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
  return new ApiError(response.status, message, problem)
}

/** Wraps a network failure (fetch rejected) so the UI can offer a retry. */
export function unreachable(cause: unknown): ApiError {
  const error = new ApiError(0, 'The catalogue could not be reached.')
  ;(error as { cause?: unknown }).cause = cause
  return error
}
