import { describe, expect, it } from 'vitest'
import { formatCitation } from './render.ts'

const csl = [
  {
    id: 'beyond-factory-asia',
    type: 'report',
    title: 'Beyond Factory Asia: Fuelling Growth in a Changing World',
    author: [{ literal: 'Asian Development Bank' }],
    publisher: 'Asian Development Bank',
    issued: { 'date-parts': [[2013, 4]] },
    ISBN: '978-92-9254-047-0',
  },
]

describe('formatCitation (citeproc-js through citation-js)', () => {
  it('formats APA 7th edition', () => {
    expect(formatCitation(JSON.stringify(csl), 'apa')).toBe(
      'Asian Development Bank. (2013). Beyond Factory Asia: Fuelling Growth in a Changing World. Asian Development Bank.',
    )
  })

  it('formats Chicago author-date, which differs from APA', () => {
    const chicago = formatCitation(csl, 'chicago')
    expect(chicago).toBe(
      'Asian Development Bank. 2013. “Beyond Factory Asia: Fuelling Growth in a Changing World.” Asian Development Bank.',
    )
  })

  it('rejects input that is not CSL-JSON', () => {
    expect(() => formatCitation('not json', 'apa')).toThrow()
  })
})
