import { createSearchIndex } from 'colophon-content/search'
import { describe, expect, it } from 'vitest'
import { searchIndex } from './catalogue.ts'

const blank = {
  subtitle: '',
  summary: '',
  authors: '',
  description: '',
  keyFindings: '',
  contents: '',
  topics: '',
  identifiers: '',
}

function index() {
  const idx = createSearchIndex()
  idx.addAll([
    { ...blank, slug: 'trade-report', title: 'Trade in Asia' },
    { ...blank, slug: 'grade-report', title: 'Grade inflation' },
  ])
  return idx
}

const ids = (q: string) => searchIndex(index(), q).map((r) => r.id)

describe('searchIndex', () => {
  it('an exact match does not pull in fuzzy neighbours', () => {
    expect(ids('trade')).toEqual(['trade-report'])
    expect(ids('grade')).toEqual(['grade-report'])
  })

  it('a misspelt word still finds the report via the fuzzy fallback', () => {
    expect(ids('tradex')).toEqual(['trade-report'])
    expect(ids('trade asiia')).toEqual(['trade-report'])
  })

  it('keeps prefix matching on the last word', () => {
    expect(ids('inflation gra')).toEqual(['grade-report'])
  })

  it('falls back to nothing for short unknown words', () => {
    expect(ids('xyz')).toEqual([])
  })
})
