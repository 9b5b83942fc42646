import { fireEvent, render, screen } from '@solidjs/testing-library'
import { describe, expect, it } from 'vitest'
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
