import { describe, expect, it } from 'vitest'
import { compile } from './build.ts'
import { loadSearchIndex, searchOptions } from './search.ts'
import { REAL_CATALOGUE } from './test-support.ts'

const result = await compile({ dir: REAL_CATALOGUE })
const json = result.output?.files.get('search-index.json') as string

describe('the prebuilt search index', () => {
  const index = loadSearchIndex(json)
  const ids = (query: string) => index.search(query).map((r) => r.id)

  it('loads from text or parsed JSON with the shared options', () => {
    expect(loadSearchIndex(JSON.parse(json)).documentCount).toBe(1)
    expect(index.documentCount).toBe(1)
    expect(searchOptions.idField).toBe('slug')
  })

  it.each([
    ['title', 'fuelling growth'],
    ['subtitle', "world's workshop"],
    ['overview', 'phenomenal growth'],
    ['key findings', 'fortress asia'],
    ['contents', 'services sector'],
    ['ISBN-13, compact', '9789292540487'],
    ['ISBN-10', '9292540472'],
    ['prefix and typo', 'manufactur globl'],
  ])('finds the seed report by its %s', (_field, query) => {
    expect(ids(query)).toEqual(['beyond-factory-asia'])
  })

  it('finds nothing for words it does not hold', () => {
    expect(ids('zebra')).toEqual([])
  })
})
