import { describe, expect, it } from 'vitest'
import {
  countryName,
  formatAuthors,
  formatBytes,
  formatIdentifier,
  joinNames,
  mediaTypeLabel,
  plural,
} from './format.ts'

describe('authors', () => {
  it('names people given-name first and organizations as they are', () => {
    expect(
      formatAuthors([
        { family: 'Park', given: 'Cyn-Young' },
        { family: 'Menon' },
        { name: 'Asian Development Bank' },
      ]),
    ).toBe('Cyn-Young Park, Menon and Asian Development Bank')
  })

  it('joins one, two and no names', () => {
    expect(joinNames([])).toBe('')
    expect(joinNames(['A'])).toBe('A')
    expect(joinNames(['A', 'B'])).toBe('A and B')
  })
})

describe('identifiers and files', () => {
  it('shows an ISBN with its form', () => {
    expect(formatIdentifier({ value: '978-92-9254-047-0', form: 'print' })).toBe(
      '978-92-9254-047-0 (print)',
    )
  })

  it('sizes files in readable units', () => {
    expect(formatBytes(900)).toBe('900 bytes')
    expect(formatBytes(2_400_000)).toBe('2.3 MB')
    expect(formatBytes(15 * 1024 * 1024)).toBe('15 MB')
  })

  it('names media types', () => {
    expect(mediaTypeLabel('application/pdf')).toBe('PDF')
    expect(mediaTypeLabel('application/zip')).toBe('ZIP')
  })
})

describe('names and counts', () => {
  it('names countries from their codes', () => {
    expect(countryName('PH')).toBe('Philippines')
    expect(countryName('ph')).toBe('Philippines')
  })

  it('pluralizes', () => {
    expect(plural(1, 'report')).toBe('1 report')
    expect(plural(1200, 'report')).toBe('1,200 reports')
  })
})
