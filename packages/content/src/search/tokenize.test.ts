import { describe, expect, it } from 'vitest'
import { identifierKey } from './identifiers.ts'
import { foldText, tokenize, tokenizeQuery } from './tokenize.ts'

describe('foldText', () => {
  it('folds case, diacritics and ligatures', () => {
    expect(foldText('Économie ÜNÏCÖDÉ ﬁnance')).toBe('economie unicode finance')
  })
})

describe('tokenize', () => {
  it('splits words, drops the possessive s, keeps digits', () => {
    expect(tokenize("Asia's World’s R&D in 2013").words).toEqual([
      'asia',
      'world',
      'r',
      'd',
      'in',
      '2013',
    ])
  })

  it.each([
    ['ISBN-13 with hyphens', '978-92-9254-047-0'],
    ['ISBN-13 compact', '9789292540470'],
    ['ISBN-13 with spaces', '978 92 9254 047 0'],
    ['ISBN-10', '92-9254-047-5'],
    ['ISBN-10 compact', '9292540475'],
    ['labelled', 'ISBN 978-92-9254-047-0'],
    ['labelled ISBN-13:', 'ISBN-13: 9789292540470'],
  ])('reads an ISBN (%s) as one identifier, not as words', (_form, text) => {
    expect(tokenize(`see ${text} here`)).toEqual({
      words: ['see', 'here'],
      identifiers: ['i:9789292540470'],
    })
  })

  it('reads an ISBN-10 ending in X', () => {
    expect(tokenize('0-8044-2957-X').identifiers).toEqual([identifierKey('isbn', '080442957X')])
  })

  it('reads ISSNs and DOIs in their usual forms', () => {
    expect(tokenize('ISSN 0378-5955').identifiers).toEqual(['s:03785955'])
    for (const doi of [
      '10.22617/TCS135555',
      'doi:10.22617/TCS135555',
      'https://doi.org/10.22617/TCS135555',
    ]) {
      expect(tokenize(`${doi}.`)).toEqual({ words: [], identifiers: ['d:10.22617/tcs135555'] })
    }
  })

  it('reads a number with a wrong check digit as words', () => {
    expect(tokenize('978-92-9254-047-1')).toEqual({
      words: ['978', '92', '9254', '047', '1'],
      identifiers: [],
    })
  })
})

describe('tokenizeQuery', () => {
  it('marks the last word as being typed unless a space follows', () => {
    expect(tokenizeQuery('factory asi').lastIsPrefix).toBe(true)
    expect(tokenizeQuery('factory asia ').lastIsPrefix).toBe(false)
  })

  it('counts repeats for the limit but keeps each word once', () => {
    const tokens = tokenizeQuery('trade trade Trade')
    expect(tokens.words).toEqual(['trade'])
    expect(tokens.count).toBe(3)
  })

  it('takes a stock number out of the words when the catalogue knows it', () => {
    const known = new Set(['n:rpt2300452'])
    expect(tokenizeQuery('RPT230045-2 asia', (k) => known.has(k))).toMatchObject({
      words: ['asia'],
      identifiers: ['n:rpt2300452'],
    })
    expect(tokenizeQuery('XYZ123 asia', (k) => known.has(k)).words).toEqual(['xyz123', 'asia'])
  })
})
