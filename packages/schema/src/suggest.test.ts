import { expect, test } from 'vitest'
import { closestMatch } from './suggest.ts'

const fields = ['title', 'subtitle', 'slug', 'published', 'keyFindings', 'identifiers']

test('finds likely typos, including swapped letters and case', () => {
  expect(closestMatch('titel', fields)).toBe('title')
  expect(closestMatch('tittle', fields)).toBe('title')
  expect(closestMatch('publised', fields)).toBe('published')
  expect(closestMatch('keyfindings', fields)).toBe('keyFindings')
  expect(closestMatch('identifier', fields)).toBe('identifiers')
  expect(closestMatch('slgu', fields)).toBe('slug')
})

test('suggests nothing when no candidate is close', () => {
  expect(closestMatch('isbn', fields)).toBeUndefined()
  expect(closestMatch('x', fields)).toBeUndefined()
  expect(closestMatch('anything', [])).toBeUndefined()
})

test('prefers the nearest candidate', () => {
  expect(closestMatch('subtitel', fields)).toBe('subtitle')
  expect(closestMatch('reprots', ['reports', 'report-series', 'books'])).toBe('reports')
})
