import { fireEvent, render, screen } from '@solidjs/testing-library'
import { describe, expect, it } from 'vitest'
import { FacetGroup } from './facet-group.tsx'

const years = Array.from({ length: 12 }, (_, i) => ({
  value: String(2024 - i),
  label: String(2024 - i),
  count: 12 - i,
}))

const href = (value: string | undefined) => (value ? `/?year=${value}` : '/')

describe('FacetGroup', () => {
  it('lists values with counts as links that add the filter', () => {
    render(() => <FacetGroup title="Year" values={years} selected={undefined} href={href} />)
    const link = screen.getByRole('link', { name: /^2024\s+12 reports$/ })
    expect(link.getAttribute('href')).toBe('/?year=2024')
    expect(screen.getByRole('heading', { name: 'Year' })).toBeTruthy()
  })

  it('marks the selected value and makes its link remove the filter', () => {
    render(() => <FacetGroup title="Year" values={years} selected="2023" href={href} />)
    const link = screen.getByRole('link', { name: /2023 \(selected/ })
    expect(link.getAttribute('aria-current')).toBe('true')
    expect(link.getAttribute('href')).toBe('/')
  })

  it('shows eight values until asked for all', () => {
    render(() => <FacetGroup title="Year" values={years} selected={undefined} href={href} />)
    expect(screen.getAllByRole('link')).toHaveLength(8)
    const more = screen.getByRole('button', { name: 'Show all 12' })
    expect(more.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(more)
    expect(screen.getAllByRole('link')).toHaveLength(12)
    expect(more.getAttribute('aria-expanded')).toBe('true')
  })

  it('keeps a selected value visible past the limit', () => {
    render(() => <FacetGroup title="Year" values={years} selected="2013" href={href} />)
    expect(screen.getAllByRole('link')).toHaveLength(9)
    expect(screen.getByRole('link', { name: /2013 \(selected/ })).toBeTruthy()
  })

  it('says so when no values are left', () => {
    render(() => <FacetGroup title="Topic" values={[]} selected={undefined} href={href} />)
    expect(screen.getByText('None in these results')).toBeTruthy()
  })
})
