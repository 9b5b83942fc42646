import { render, screen } from '@solidjs/testing-library'
import { describe, expect, it } from 'vitest'
import { Pagination, pageWindow } from './pagination.tsx'

describe('pageWindow', () => {
  it('keeps the ends and the neighbourhood of the current page', () => {
    expect(pageWindow(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20])
    expect(pageWindow(1, 3)).toEqual([1, 2, 3])
    expect(pageWindow(1, 1)).toEqual([1])
  })
})

describe('Pagination', () => {
  it('links to each page and marks the current one', () => {
    render(() => <Pagination page={2} pageCount={3} href={(p) => `/?page=${p}`} />)
    const nav = screen.getByRole('navigation', { name: 'Pages of results' })
    expect(nav).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page')
    expect(screen.getByRole('link', { name: 'Page 3' }).getAttribute('aria-current')).toBeNull()
    expect(screen.getByRole('link', { name: '← Previous' }).getAttribute('href')).toBe('/?page=1')
    expect(screen.getByRole('link', { name: 'Next →' }).getAttribute('href')).toBe('/?page=3')
  })

  it('offers no previous link on the first page', () => {
    render(() => <Pagination page={1} pageCount={2} href={(p) => `/?page=${p}`} />)
    expect(screen.queryByRole('link', { name: '← Previous' })).toBeNull()
  })

  it('renders nothing for a single page', () => {
    const { container } = render(() => <Pagination page={1} pageCount={1} href={() => '/'} />)
    expect(container.innerHTML).toBe('')
  })
})
