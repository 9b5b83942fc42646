import { describe, expect, test } from 'vitest'
import {
  comparePartialDates,
  formatPartialDate,
  parsePartialDate,
  partialDateFromText,
  partialDateProblem,
} from './partial-date.ts'

describe('partialDateProblem', () => {
  test('accepts a year, a month or a day', () => {
    for (const value of ['2013', '2013-04', '2013-04-15', '2012-02-29', '2000-02-29', '1000']) {
      expect(partialDateProblem(value), value).toBeUndefined()
    }
  })

  test('rejects impossible days, naming the month length', () => {
    expect(partialDateProblem('2013-02-30')).toBe('date 2013-02-30: February 2013 has 28 days')
    expect(partialDateProblem('2013-02-29')).toBe('date 2013-02-29: February 2013 has 28 days')
    expect(partialDateProblem('1900-02-29')).toBe('date 1900-02-29: February 1900 has 28 days')
    expect(partialDateProblem('2013-04-31')).toBe('date 2013-04-31: April 2013 has 30 days')
    expect(partialDateProblem('2013-04-00')).toBe('date 2013-04-00: April 2013 has 30 days')
  })

  test('rejects impossible months', () => {
    expect(partialDateProblem('2013-13')).toBe('date 2013-13: month should be 01 to 12')
    expect(partialDateProblem('2013-00')).toBe('date 2013-00: month should be 01 to 12')
    expect(partialDateProblem('2013-13-01')).toBe('date 2013-13-01: month should be 01 to 12')
  })

  test('rejects other shapes and years before 1000', () => {
    for (const value of [
      '13',
      '2013-4',
      '2013-04-5',
      '2013/04',
      'April 2013',
      '2013-04-15T00:00',
      '',
    ]) {
      expect(partialDateProblem(value), value).toBe(
        `date ${value}: expected YYYY, YYYY-MM or YYYY-MM-DD`,
      )
    }
    expect(partialDateProblem('0999')).toBe('date 0999: year should have four digits, from 1000')
  })
})

test('parsePartialDate keeps the precision', () => {
  expect(parsePartialDate('2013')).toEqual({ year: 2013, precision: 'year' })
  expect(parsePartialDate('2013-04')).toEqual({ year: 2013, month: 4, precision: 'month' })
  expect(parsePartialDate('2013-04-15')).toEqual({
    year: 2013,
    month: 4,
    day: 15,
    precision: 'day',
  })
  expect(() => parsePartialDate('2013-02-30')).toThrow(
    new RangeError('date 2013-02-30: February 2013 has 28 days'),
  )
})

describe('comparePartialDates', () => {
  test('sorts chronologically across precisions, less precise first', () => {
    const dates = ['2013-04-15', '2012', '2013-04', '2013', '2013-01-31', '2014-01', '2013-12']
    expect([...dates].sort(comparePartialDates)).toEqual([
      '2012',
      '2013',
      '2013-01-31',
      '2013-04',
      '2013-04-15',
      '2013-12',
      '2014-01',
    ])
  })

  test('is zero only for the same date at the same precision', () => {
    expect(comparePartialDates('2013-04', '2013-04')).toBe(0)
    expect(comparePartialDates('2013', '2013-01')).toBeLessThan(0)
    expect(comparePartialDates('2013-01', '2013')).toBeGreaterThan(0)
    expect(comparePartialDates('2013-01', '2013-01-01')).toBeLessThan(0)
    expect(comparePartialDates('2012-12-31', '2013')).toBeLessThan(0)
  })

  test('throws on an invalid date rather than sorting it somewhere', () => {
    expect(() => comparePartialDates('2013-13', '2013')).toThrow(RangeError)
  })
})

test('formatPartialDate displays each precision', () => {
  expect(formatPartialDate('2013-04')).toBe('April 2013')
  expect(formatPartialDate('2013-04-15')).toBe('15 April 2013')
  expect(formatPartialDate('2013-04-05')).toBe('5 April 2013')
  expect(formatPartialDate('2013')).toBe('2013')
  expect(formatPartialDate('2020-12')).toBe('December 2020')
})

test('partialDateFromText reads what report pages print', () => {
  expect(partialDateFromText('April 2013')).toBe('2013-04')
  expect(partialDateFromText('Apr 2013')).toBe('2013-04')
  expect(partialDateFromText('Apr. 2013')).toBe('2013-04')
  expect(partialDateFromText('15 April 2013')).toBe('2013-04-15')
  expect(partialDateFromText(' september 2020 ')).toBe('2020-09')
  expect(partialDateFromText('2013')).toBe('2013')
  expect(partialDateFromText('30 February 2013')).toBeUndefined()
  expect(partialDateFromText('Ap 2013')).toBeUndefined()
  expect(partialDateFromText('Smarch 2013')).toBeUndefined()
  expect(partialDateFromText('soon')).toBeUndefined()
})
