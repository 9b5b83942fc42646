import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  countryName,
  formatAuthors,
  formatBytes,
  formatIdentifier,
  joinNames,
  languageName,
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

  it('names languages from their tags, and leaves a malformed tag as it is', () => {
    expect(languageName('en')).toBe('English')
    expect(languageName('fr-CA')).toBe('Canadian French')
    expect(languageName('not a tag!')).toBe('not a tag!')
  })

  describe('looks each code up once (a server renders the same codes on every page)', () => {
    afterEach(() => {
      vi.restoreAllMocks()
    })

    it('languages', () => {
      const of = vi.spyOn(Intl.DisplayNames.prototype, 'of')
      for (let i = 0; i < 50; i++) expect(languageName('es')).toBe('Spanish')
      expect(of.mock.calls.filter(([tag]) => tag === 'es')).toHaveLength(1)
    })

    it('countries', () => {
      const of = vi.spyOn(Intl.DisplayNames.prototype, 'of')
      for (let i = 0; i < 50; i++) expect(countryName('VN')).toBe('Vietnam')
      expect(of.mock.calls.filter(([code]) => code === 'VN')).toHaveLength(1)
    })

    it("but keeps a bounded number (codes can come from a reader's URL)", () => {
      for (let i = 0; i < 5000; i++) countryName(`x${i}`)
      const of = vi.spyOn(Intl.DisplayNames.prototype, 'of')
      expect(countryName('x4999')).toBe('x4999')
      expect(of).toHaveBeenCalledTimes(1)
    })
  })

  it('pluralizes', () => {
    expect(plural(1, 'report')).toBe('1 report')
    expect(plural(1200, 'report')).toBe('1,200 reports')
  })
})
