import { Show } from 'solid-js'
import { ApiError } from '../api/problem.js'

export interface ErrorStateProps {
  error: unknown
  /** Offered as a "Try again" button when the failure may be temporary. */
  onRetry?: () => void
}

/** What went wrong, in words a reader can act on, with a retry when retrying can help. */
export function ErrorState(props: ErrorStateProps) {
  const api = () => (props.error instanceof ApiError ? props.error : undefined)
  const heading = () =>
    api()?.unreachable ? 'The catalogue cannot be reached' : 'Something went wrong'
  const detail = () => {
    const error = api()
    if (error?.unreachable)
      return 'Check your connection; the catalogue’s server may also be restarting.'
    if (error) return error.problem?.detail ?? error.problem?.title ?? error.message
    return props.error instanceof Error ? props.error.message : String(props.error)
  }
  // A 4xx will fail the same way again; anything else (network, 5xx, a bug) may not.
  const retryable = () => {
    const status = api()?.status
    return props.onRetry !== undefined && !(status !== undefined && status >= 400 && status < 500)
  }
  return (
    <div class="notice notice--error" role="alert">
      <h2 class="notice__title">{heading()}</h2>
      <p>{detail()}</p>
      <Show when={retryable()}>
        <button type="button" class="button" onClick={() => props.onRetry?.()}>
          Try again
        </button>
      </Show>
    </div>
  )
}
