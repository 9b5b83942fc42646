import { describe, expect, test } from 'vitest'
import {
  compactIsbn,
  isbn10To13,
  isbn13To10,
  isbnProblem,
  isValidIsbn,
  normalizeIsbn,
} from './isbn.ts'

describe('isbnProblem', () => {
  test('accepts the reference report ISBNs (print and web)', () => {
    expect(isbnProblem('978-92-9254-047-0')).toBeUndefined()
    expect(isbnProblem('978-92-9254-048-7')).toBeUndefined()
  })

  test('names the expected check digit of a wrong ISBN-13', () => {
    expect(isbnProblem('978-92-9254-047-1')).toBe('ISBN 978-92-9254-047-1: check digit should be 0')
    expect(isbnProblem('9789292540487')).toBeUndefined()
    expect(isbnProblem('9789292540488')).toBe('ISBN 9789292540488: check digit should be 7')
  })

  test('checks ISBN-10 check digits, including X (10)', () => {
    expect(isbnProblem('92-9254-047-5')).toBeUndefined()
    expect(isbnProblem('0-306-40615-2')).toBeUndefined()
    expect(isbnProblem('0-8044-2957-X')).toBeUndefined()
    expect(isbnProblem('0-8044-2957-x')).toBeUndefined()
    expect(isbnProblem('0-306-40615-3')).toBe('ISBN 0-306-40615-3: check digit should be 2')
    expect(isbnProblem('0-8044-2957-5')).toBe('ISBN 0-8044-2957-5: check digit should be X')
  })

  test('accepts hyphens, spaces, no-break spaces or nothing between digits', () => {
    for (const value of [
      '9789292540470',
      '978 92 9254 047 0',
      '978-92-9254-047-0',
      '978\u00a092\u00a09254\u00a0047\u00a00',
      '978-9292540470',
      '9292540475',
      '92 9254 047 5',
    ]) {
      expect(isbnProblem(value), value).toBeUndefined()
    }
  })

  test('rejects doubled, leading or trailing separators and other characters', () => {
    for (const value of [
      '978--92-9254-047-0',
      '-978-92-9254-047-0',
      '978-92-9254-047-0-',
      '978-92-9254-047-0 ',
      '978_92_9254_047_0',
      'ISBN 978-92-9254-047-0',
      '',
    ]) {
      expect(isbnProblem(value), value).toMatch(
        /expected 10 or 13 digits, optionally separated by single hyphens or spaces/,
      )
    }
  })

  test('says what is wrong with the length or the prefix', () => {
    expect(isbnProblem('978-92-9254-047')).toBe(
      'ISBN 978-92-9254-047: expected 10 or 13 digits, found 12',
    )
    expect(isbnProblem('12345')).toBe('ISBN 12345: expected 10 or 13 digits, found 5')
    expect(isbnProblem('123-4-56789-012-8')).toBe(
      'ISBN 123-4-56789-012-8: an ISBN-13 starts with 978 or 979',
    )
    expect(isbnProblem('978929254047X')).toBe('ISBN 978929254047X: an ISBN-13 has digits only')
    expect(isbnProblem('X292540475')).toBe(
      'ISBN X292540475: an ISBN-10 has nine digits and a final digit or X',
    )
  })

  test('979 ISBN-13s are valid', () => {
    expect(isbnProblem('979-10-90636-07-1')).toBeUndefined()
    expect(isbnProblem('979-10-90636-07-2')).toBe('ISBN 979-10-90636-07-2: check digit should be 1')
  })
})

test('isValidIsbn agrees with isbnProblem', () => {
  expect(isValidIsbn('978 92 9254 047 0')).toBe(true)
  expect(isValidIsbn('978-92-9254-047-1')).toBe(false)
})

test('compactIsbn removes separators and upper-cases X without validating', () => {
  expect(compactIsbn('0-306-40615-x')).toBe('030640615X')
  expect(compactIsbn('978 92\u00a09254-047-0')).toBe('9789292540470')
  expect(compactIsbn('not-an-isbn')).toBe('NOTANISBN')
})

describe('conversion between ISBN-10 and ISBN-13', () => {
  test('ISBN-10 to ISBN-13 recomputes the check digit', () => {
    expect(isbn10To13('92-9254-047-5')).toBe('9789292540470')
    expect(isbn10To13('0-306-40615-2')).toBe('9780306406157')
    expect(isbn10To13('0-8044-2957-X')).toBe('9780804429573')
  })

  test('ISBN-13 to ISBN-10, and undefined for 979', () => {
    expect(isbn13To10('978-92-9254-047-0')).toBe('9292540475')
    expect(isbn13To10('9780804429573')).toBe('080442957X')
    expect(isbn13To10('979-10-90636-07-1')).toBeUndefined()
  })

  test('throws on invalid input, naming it', () => {
    expect(() => isbn10To13('92-9254-047-4')).toThrow(
      new RangeError('not a valid ISBN-10: 92-9254-047-4'),
    )
    expect(() => isbn10To13('978-92-9254-047-0')).toThrow(RangeError)
    expect(() => isbn13To10('978-92-9254-047-1')).toThrow(
      new RangeError('not a valid ISBN-13: 978-92-9254-047-1'),
    )
    expect(() => isbn13To10('92-9254-047-5')).toThrow(RangeError)
  })

  test('round trip 10 → 13 → 10', () => {
    for (const isbn10 of ['9292540475', '0306406152', '080442957X']) {
      expect(isbn13To10(isbn10To13(isbn10))).toBe(isbn10)
    }
  })
})

describe('normalizeIsbn', () => {
  test('gives one canonical 13-digit form for every notation of the same book', () => {
    const forms = [
      '978-92-9254-047-0',
      '978 92 9254 047 0',
      '9789292540470',
      '92-9254-047-5',
      '9292540475',
    ]
    expect(new Set(forms.map(normalizeIsbn))).toEqual(new Set(['9789292540470']))
  })

  test('is undefined for an invalid ISBN', () => {
    expect(normalizeIsbn('978-92-9254-047-1')).toBeUndefined()
    expect(normalizeIsbn('hello')).toBeUndefined()
  })
})
