import { expect, test } from 'vitest'
import { issnProblem, normalizeIssn } from './issn.ts'

test('accepts valid ISSNs with or without the hyphen, X as check digit', () => {
  expect(issnProblem('0378-5955')).toBeUndefined()
  expect(issnProblem('03785955')).toBeUndefined()
  expect(issnProblem('2071-7202')).toBeUndefined()
  expect(issnProblem('2434-561X')).toBeUndefined()
  expect(issnProblem('2434-561x')).toBeUndefined()
})

test('names the expected check digit', () => {
  expect(issnProblem('0378-5954')).toBe('ISSN 0378-5954: check digit should be 5')
  expect(issnProblem('2434-5611')).toBe('ISSN 2434-5611: check digit should be X')
})

test('rejects the wrong shape', () => {
  for (const value of ['0378 5955', '378-5955', '0378-59555', 'ISSN 0378-5955', '']) {
    expect(issnProblem(value), value).toBe(`ISSN ${value}: expected NNNN-NNNC (C a digit or X)`)
  }
})

test('normalizeIssn gives NNNN-NNNC, upper-case X, or undefined', () => {
  expect(normalizeIssn('03785955')).toBe('0378-5955')
  expect(normalizeIssn('2434-561x')).toBe('2434-561X')
  expect(normalizeIssn('0378-5954')).toBeUndefined()
})
