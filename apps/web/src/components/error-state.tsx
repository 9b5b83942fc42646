import { Show } from 'solid-js'
import { ApiError } from '../api/problem.ts'

export interface ErrorStateProps {
  error: unknown
  /** Offered as a "Try again" button when the failure may be temporary. */
  onRetry?: () => void
}

/** What went wrong, in words a reader can act on, with a retry when retrying can help. */
export function ErrorState(props: ErrorStateProps) {
  const api = () => (props.error instanceof ApiError ? props.error : undefined)
  const clientError = () => {
    const status = api()?.status
    return status !== undefined && status >= 400 && status < 500
  }
  const heading = () => {
    if (api()?.unreachable) return 'The catalogue cannot be reached'
    return clientError() ? 'This request cannot be answered' : 'Something went wrong'
  }
  const detail = () => {
    const error = api()
    if (error?.unreachable)
      return 'Check your connection; the catalogue’s server may also be restarting.'
    if (error) return error.problem?.detail ?? error.problem?.title ?? error.message
    return props.error instanceof Error ? props.error.message : String(props.error)
  }
  // A 4xx will fail the same way again; anything else (network, 5xx, a bug) may not.
  const retryable = () => props.onRetry !== undefined && !clientError()
  return (
    <div class="notice notice--error" role="alert">
      <h2 class="notice__title">{heading()}</h2>
      <p>{detail()}</p>
      <Show when={clientError()}>
        <p>
          <a href="/">Start again from the catalogue</a>
        </p>
      </Show>
      <Show when={retryable()}>
        <button type="button" class="button" onClick={() => props.onRetry?.()}>
          Try again
        </button>
      </Show>
    </div>
  )
}
