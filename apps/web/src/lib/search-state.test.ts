import { describe, expect, it } from 'vitest'
import {
  effectiveSort,
  readSearchState,
  toApiQuery,
  toSearchString,
  toUrlParams,
} from './search-state.ts'

describe('readSearchState', () => {
  it('reads every parameter', () => {
    const state = readSearchState({
      q: 'factory',
      type: 'reports',
      year: '2013',
      topic: 'trade',
      country: 'PH',
      sort: 'title',
      page: '3',
      per_page: '5',
    })
    expect(state).toEqual({
      q: 'factory',
      type: 'reports',
      year: '2013',
      topic: 'trade',
      country: 'PH',
      sort: 'title',
      page: 3,
      perPage: 5,
    })
  })

  it('falls back to defaults for malformed values', () => {
    const state = readSearchState({ sort: 'random', page: '-2', per_page: '5000', type: ' ' })
    expect(state.sort).toBeUndefined()
    expect(state.page).toBe(1)
    expect(state.perPage).toBe(20)
    expect(state.type).toBeUndefined()
  })

  it('takes the first of repeated parameters', () => {
    expect(readSearchState({ q: ['a', 'b'] }).q).toBe('a')
  })
})

describe('effectiveSort', () => {
  it('is relevance with a query and newest without', () => {
    expect(effectiveSort(readSearchState({ q: 'x' }))).toBe('relevance')
    expect(effectiveSort(readSearchState({}))).toBe('newest')
    expect(effectiveSort(readSearchState({ q: 'x', sort: 'oldest' }))).toBe('oldest')
  })
})

describe('URL and API forms', () => {
  it('leaves defaults out of the URL', () => {
    expect(toSearchString(readSearchState({}))).toBe('')
    expect(toSearchString(readSearchState({ q: 'asia', page: '1', per_page: '20' }))).toBe(
      '?q=asia',
    )
  })

  it('round-trips through the URL', () => {
    const state = readSearchState({ q: 'a b', type: 'reports', page: '2', sort: 'oldest' })
    const again = readSearchState(Object.fromEntries(new URLSearchParams(toSearchString(state))))
    expect(again).toEqual(state)
  })

  it('marks removed parameters as undefined for setSearchParams', () => {
    const params = toUrlParams(readSearchState({ q: 'x' }))
    expect(params).toMatchObject({ q: 'x', type: undefined, page: undefined })
  })

  it('sends the effective sort and paging to the API', () => {
    expect(toApiQuery(readSearchState({ country: 'PH', page: '2' }))).toEqual({
      country: 'PH',
      sort: 'newest',
      page: '2',
      per_page: '20',
    })
  })
})
