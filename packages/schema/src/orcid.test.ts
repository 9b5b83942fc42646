import { expect, test } from 'vitest'
import { orcidProblem } from './orcid.ts'

test('accepts valid ORCID iDs, including X as check digit', () => {
  expect(orcidProblem('0000-0002-1825-0097')).toBeUndefined()
  expect(orcidProblem('0000-0001-5109-3700')).toBeUndefined()
  expect(orcidProblem('0000-0002-1694-233X')).toBeUndefined()
})

test('names the expected check digit', () => {
  expect(orcidProblem('0000-0002-1825-0098')).toBe(
    'ORCID 0000-0002-1825-0098: check digit should be 7',
  )
  expect(orcidProblem('0000-0002-1694-2330')).toBe(
    'ORCID 0000-0002-1694-2330: check digit should be X',
  )
})

test('rejects the wrong shape, including URLs', () => {
  for (const value of [
    '0000000218250097',
    'https://orcid.org/0000-0002-1825-0097',
    '0000-0002-1825-009x',
  ]) {
    expect(orcidProblem(value), value).toBe(
      `ORCID ${value}: expected 0000-0000-0000-000X (16 digits in four groups)`,
    )
  }
})
