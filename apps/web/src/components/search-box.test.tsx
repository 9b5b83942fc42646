import { fireEvent, render, screen } from '@solidjs/testing-library'
import { createSignal } from 'solid-js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SearchBox } from './search-box.tsx'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('SearchBox', () => {
  it('searches once the reader pauses typing', () => {
    const searches: string[] = []
    render(() => <SearchBox value="" onSearch={(q) => searches.push(q)} delay={200} />)
    const input = screen.getByRole('searchbox', { name: 'Search the catalogue' })
    fireEvent.input(input, { target: { value: 'fac' } })
    vi.advanceTimersByTime(100)
    fireEvent.input(input, { target: { value: 'factory' } })
    vi.advanceTimersByTime(199)
    expect(searches).toEqual([])
    vi.advanceTimersByTime(1)
    expect(searches).toEqual(['factory'])
  })

  it('searches at once on Enter (form submit) and trims', () => {
    const searches: string[] = []
    render(() => <SearchBox value="" onSearch={(q) => searches.push(q)} />)
    const input = screen.getByRole('searchbox')
    fireEvent.input(input, { target: { value: '  asia ' } })
    fireEvent.submit(input.closest('form') as HTMLFormElement)
    expect(searches).toEqual(['asia'])
    vi.runAllTimers()
    expect(searches).toEqual(['asia'])
  })

  it('shows the query from the URL when it changes (back button)', () => {
    const [value, setValue] = createSignal('factory')
    render(() => <SearchBox value={value()} onSearch={() => {}} />)
    const input = screen.getByRole('searchbox') as HTMLInputElement
    expect(input.value).toBe('factory')
    setValue('')
    expect(input.value).toBe('')
  })
})
