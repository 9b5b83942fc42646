import { expect, test } from 'vitest'
import { SLUG_MAX_LENGTH, slugify, slugProblem } from './slug.ts'

test('accepts lowercase words joined by single hyphens', () => {
  for (const slug of ['beyond-factory-asia', 'adb-2013', 'a', '2013']) {
    expect(slugProblem(slug), slug).toBeUndefined()
  }
})

test('rejects other shapes and suggests a slug', () => {
  expect(slugProblem('Beyond Factory Asia')).toBe(
    'slug "Beyond Factory Asia": use lowercase letters, digits and single hyphens, e.g. "beyond-factory-asia"',
  )
  expect(slugProblem('beyond--factory')).toMatch(/e\.g\. "beyond-factory"/)
  expect(slugProblem('-asia')).toMatch(/e\.g\. "asia"/)
  expect(slugProblem('asia-')).toMatch(/e\.g\. "asia"/)
  expect(slugProblem('')).toBe('slug "": use lowercase letters, digits and single hyphens')
  expect(slugProblem('---')).toBe('slug "---": use lowercase letters, digits and single hyphens')
})

test(`rejects slugs longer than ${SLUG_MAX_LENGTH} characters`, () => {
  expect(slugProblem('a'.repeat(SLUG_MAX_LENGTH))).toBeUndefined()
  expect(slugProblem('a'.repeat(SLUG_MAX_LENGTH + 1))).toMatch(/at most 100 characters/)
})

test('slugify drops accents, punctuation and apostrophes', () => {
  expect(slugify('Beyond Factory Asia: Fuelling Growth in a Changing World')).toBe(
    'beyond-factory-asia-fuelling-growth-in-a-changing-world',
  )
  expect(slugify("Asia's Économie — 2013 Édition")).toBe('asias-economie-2013-edition')
  expect(slugify('  Viet Nam’s  growth!! ')).toBe('viet-nams-growth')
  expect(slugify('日本')).toBe('')
})

test('slugify cuts long titles at a word boundary', () => {
  const title = 'The quick brown fox jumps over the lazy dog again and again and again'
  expect(slugify(title, 20)).toBe('the-quick-brown-fox')
  expect(slugify('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghij')
  for (const max of [5, 10, 30, 80]) {
    const slug = slugify(title, max)
    expect(slug.length).toBeLessThanOrEqual(max)
    expect(slugProblem(slug)).toBeUndefined()
  }
})
