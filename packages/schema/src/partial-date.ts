// Publication dates with the precision the publisher gave: a year, a month, or a day.
// Stored as ISO 8601 strings ("2013", "2013-04", "2013-04-15"), which sort correctly as
// plain strings within one precision; compare across precisions with comparePartialDates.

export const PARTIAL_DATE_PATTERN = '^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$'
const partialDateRegex = new RegExp(PARTIAL_DATE_PATTERN)

/**
 * The tightest pattern JSON Schema can carry: year from 1000, month 01-12, day 01-31. Only
 * the length of each month (2013-02-30) is left to `partialDateProblem`.
 */
export const PARTIAL_DATE_STRICT_PATTERN =
  '^[1-9][0-9]{3}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$'

export type DatePrecision = 'year' | 'month' | 'day'

export interface PartialDateParts {
  year: number
  month?: number
  day?: number
  precision: DatePrecision
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Why `value` is not a partial date, or `undefined` when it is one.
 *
 * @example
 * partialDateProblem('2013-02-30') // 'date 2013-02-30: February 2013 has 28 days'
 */
export function partialDateProblem(value: string): string | undefined {
  if (!partialDateRegex.test(value)) {
    return `date ${value}: expected YYYY, YYYY-MM or YYYY-MM-DD`
  }
  const [year, month, day] = value.split('-').map(Number) as [number, number?, number?]
  if (year < 1000) return `date ${value}: year should have four digits, from 1000`
  if (month !== undefined && (month < 1 || month > 12)) {
    return `date ${value}: month should be 01 to 12`
  }
  if (month !== undefined && day !== undefined) {
    const days = daysInMonth(year, month)
    if (day < 1 || day > days) {
      return `date ${value}: ${MONTHS[month - 1]} ${year} has ${days} days`
    }
  }
  return undefined
}

/**
 * Splits a valid partial date into numbers and its precision.
 *
 * @example
 * parsePartialDate('2013-04') // { year: 2013, month: 4, precision: 'month' }
 */
export function parsePartialDate(value: string): PartialDateParts {
  const problem = partialDateProblem(value)
  if (problem) throw new RangeError(problem)
  const [year, month, day] = value.split('-').map(Number) as [number, number?, number?]
  if (day !== undefined && month !== undefined) return { year, month, day, precision: 'day' }
  if (month !== undefined) return { year, month, precision: 'month' }
  return { year, precision: 'year' }
}

/**
 * Orders partial dates chronologically; a less precise date sorts before the more precise
 * dates it contains ("2013" < "2013-01" < "2013-01-01"), so sorting is total and stable.
 *
 * @example
 * ['2013-04', '2012', '2013'].sort(comparePartialDates) // ['2012', '2013', '2013-04']
 */
export function comparePartialDates(a: string, b: string): number {
  const x = parsePartialDate(a)
  const y = parsePartialDate(b)
  return x.year - y.year || (x.month ?? 0) - (y.month ?? 0) || (x.day ?? 0) - (y.day ?? 0)
}

/**
 * Formats a partial date for display at its own precision, in English.
 *
 * @example
 * formatPartialDate('2013-04')    // 'April 2013'
 * formatPartialDate('2013-04-15') // '15 April 2013'
 * formatPartialDate('2013')       // '2013'
 */
export function formatPartialDate(value: string): string {
  const { year, month, day } = parsePartialDate(value)
  if (month === undefined) return String(year)
  const name = MONTHS[month - 1]
  return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`
}

/**
 * Reads a month name and year ("April 2013", "15 April 2013", "Apr 2013") into a partial
 * date, or `undefined`. Used by importers of human-written pages.
 */
export function partialDateFromText(text: string): string | undefined {
  const match = /^\s*(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(\d{4})\s*$/.exec(text)
  if (!match) return /^\s*(\d{4})\s*$/.exec(text)?.[1]
  const [, day, monthName, year] = match
  const month = MONTHS.findIndex((m) =>
    m.toLowerCase().startsWith(monthName?.toLowerCase().slice(0, 3) ?? '-'),
  )
  if (month < 0 || (monthName?.length ?? 0) < 3) return undefined
  const iso = `${year}-${String(month + 1).padStart(2, '0')}${day ? `-${day.padStart(2, '0')}` : ''}`
  return partialDateProblem(iso) ? undefined : iso
}
