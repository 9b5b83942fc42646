import { fireEvent, render, screen } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import { ApiError, errorFromResponse, unreachable } from '../api/problem.ts'
import { ErrorState } from './error-state.tsx'

describe('ErrorState', () => {
  it('offers a retry when the API cannot be reached', () => {
    let retries = 0
    render(() => (
      <ErrorState error={unreachable(new TypeError('fetch failed'))} onRetry={() => retries++} />
    ))
    expect(screen.getByRole('alert').textContent).toContain('The catalogue cannot be reached')
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(retries).toBe(1)
  })

  it('shows the problem detail of a client error, without a pointless retry', async () => {
    const response = new Response(
      JSON.stringify({ title: 'Invalid query', status: 400, detail: 'sort: expected one of …' }),
      { status: 400, headers: { 'content-type': 'application/problem+json' } },
    )
    const error = await errorFromResponse(response)
    expect(error).toBeInstanceOf(ApiError)
    render(() => <ErrorState error={error} onRetry={() => {}} />)
    expect(screen.getByRole('alert').textContent).toContain('sort: expected one of …')
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
  })

  it('offers a retry for server errors', () => {
    render(() => <ErrorState error={new ApiError(503, 'busy')} onRetry={() => {}} />)
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })
})

describe('ErrorState on a 429', () => {
  it('is temporary: waits as long as Retry-After says, then retries by itself', async () => {
    vi.useFakeTimers()
    try {
      const response = new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }), {
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '2' },
      })
      const error = await errorFromResponse(response)
      expect(error.retryAfter).toBe(2)
      let retries = 0
      render(() => <ErrorState error={error} onRetry={() => retries++} />)
      expect(screen.getByRole('alert').textContent).toContain('try again in 2 seconds')
      const button = screen.getByRole('button', { name: 'Try again (in 2 s)' }) as HTMLButtonElement
      expect(button.disabled).toBe(true)
      vi.advanceTimersByTime(2000)
      expect(retries).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
