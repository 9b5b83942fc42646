import { expect, test } from 'vitest'
import { doiProblem, normalizeDoi } from './doi.ts'

test('accepts bare DOIs', () => {
  for (const doi of [
    '10.22617/TCS135555',
    '10.1000/182',
    '10.1038/nphys1170',
    '10.1002.1/abc(1)-x',
  ]) {
    expect(doiProblem(doi), doi).toBeUndefined()
  }
})

test('asks for the bare DOI when given a URL or a doi: name', () => {
  expect(doiProblem('https://doi.org/10.22617/TCS135555')).toBe(
    'DOI https://doi.org/10.22617/TCS135555: write the bare DOI, starting with "10."',
  )
  expect(doiProblem('doi:10.22617/TCS135555')).toMatch(/write the bare DOI/)
})

test('rejects what is not a DOI, with an example', () => {
  for (const value of ['10.12/x', '11.22617/TCS1', '10.22617/', '10.22617/a b', 'TCS135555']) {
    expect(doiProblem(value), value).toBe(
      `DOI ${value}: expected 10.<registrant>/<suffix>, e.g. 10.22617/TCS135555`,
    )
  }
})

test('normalizeDoi strips resolvers and lower-cases (DOIs are case-insensitive)', () => {
  expect(normalizeDoi('https://doi.org/10.22617/TCS135555')).toBe('10.22617/tcs135555')
  expect(normalizeDoi('http://dx.doi.org/10.22617/TCS135555')).toBe('10.22617/tcs135555')
  expect(normalizeDoi('doi: 10.22617/TCS135555')).toBe('10.22617/tcs135555')
  expect(normalizeDoi(' 10.22617/TCS135555 ')).toBe('10.22617/tcs135555')
  expect(normalizeDoi('https://example.org/10.22617/x')).toBeUndefined()
})
