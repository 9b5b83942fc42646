import { expect, test } from 'vitest'
import { COUNTRY_CODES, countryProblem, isCountryCode } from './country.ts'

test('has the 249 assigned ISO 3166-1 alpha-2 codes, sorted and unique', () => {
  expect(COUNTRY_CODES).toHaveLength(249)
  expect(new Set(COUNTRY_CODES).size).toBe(249)
  expect([...COUNTRY_CODES].sort()).toEqual([...COUNTRY_CODES])
  for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/)
})

test('knows the countries of the reference catalogue and rejects what is not assigned', () => {
  for (const code of ['PH', 'IN', 'VN', 'CN', 'JP', 'ID', 'TL', 'SS', 'BQ']) {
    expect(isCountryCode(code), code).toBe(true)
  }
  for (const code of ['XK', 'UK', 'EU', 'AN', 'ph', 'PHL', '']) {
    expect(isCountryCode(code), code).toBe(false)
  }
})

test('countryProblem suggests the upper-case code', () => {
  expect(countryProblem('PH')).toBeUndefined()
  expect(countryProblem('ph')).toBe(
    'country "ph": ISO 3166-1 codes are upper case, did you mean "PH"?',
  )
  expect(countryProblem('UK')).toBe(
    'country "UK": not an ISO 3166-1 alpha-2 code (two letters, e.g. PH, IN, VN)',
  )
  expect(countryProblem('PHL')).toMatch(/not an ISO 3166-1 alpha-2 code/)
})
