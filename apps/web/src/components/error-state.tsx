import { createEffect, createSignal, onCleanup, Show } from 'solid-js'
import { isServer } from 'solid-js/web'
import { ApiError } from '../api/problem.ts'

export interface ErrorStateProps {
  error: unknown
  /** Offered as a "Try again" button when the failure may be temporary. */
  onRetry?: () => void
}

/** What went wrong, in words a reader can act on, with a retry when retrying can help. */
export function ErrorState(props: ErrorStateProps) {
  const api = () => (props.error instanceof ApiError ? props.error : undefined)
  const busy = () => api()?.status === 429
  const clientError = () => {
    const status = api()?.status
    return status !== undefined && status >= 400 && status < 500 && !busy()
  }
  const heading = () => {
    if (api()?.unreachable) return 'The catalogue cannot be reached'
    if (busy()) return 'The catalogue is busy'
    return clientError() ? 'This request cannot be answered' : 'Something went wrong'
  }
  const detail = () => {
    const error = api()
    if (error?.unreachable) {
      return `${error.message} Check your connection; the catalogue’s server may also be restarting.`
    }
    if (busy()) {
      const wait = error?.retryAfter
      return wait ? `Too many requests: try again in ${wait} seconds.` : 'Too many requests.'
    }
    if (error) return error.problem?.detail ?? error.problem?.title ?? error.message
    return props.error instanceof Error ? props.error.message : String(props.error)
  }
  // A 4xx will fail the same way again; a 429, the network, a 5xx or a bug may not.
  const retryable = () => props.onRetry !== undefined && !clientError()
  // Retry-After: the button waits as long as the server asked, then retries on its own.
  const [waiting, setWaiting] = createSignal(0)
  createEffect(() => {
    const wait = busy() ? (api()?.retryAfter ?? 0) : 0
    if (wait <= 0 || isServer) return
    setWaiting(wait)
    const timer = setInterval(() => {
      const left = waiting() - 1
      setWaiting(left)
      if (left <= 0) {
        clearInterval(timer)
        props.onRetry?.()
      }
    }, 1000)
    onCleanup(() => clearInterval(timer))
  })
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
        <button
          type="button"
          class="button"
          disabled={waiting() > 0}
          onClick={() => props.onRetry?.()}
        >
          {waiting() > 0 ? `Try again (in ${waiting()} s)` : 'Try again'}
        </button>
      </Show>
    </div>
  )
}
