import { describe, expect, it } from 'vitest'
import { addAuthors } from './authors.ts'
import { PageContext } from './context.ts'
import { countryCode, splitCountries } from './countries.ts'
import {
  fieldOfLabel,
  readEdition,
  readHeaderLine,
  readLanguage,
  readPages,
  splitLabelled,
} from './fields.ts'
import { addIsbns, addIssns, bareDoi, splitOutsideParentheses } from './identifiers.ts'
import { readPrice } from './price.ts'
import { shortTitle, splitTitle } from './title.ts'
import { matchVocabulary, splitSeries } from './vocabulary.ts'

describe('labels', () => {
  it.each([
    ['Date', { field: 'published' }],
    ['Publication date', { field: 'published' }],
    ['TYPE', { field: 'type' }],
    ['ISBN (print)', { field: 'isbn', form: 'print' }],
    ['e-ISBN', { field: 'isbn', form: 'electronic' }],
    ['Online ISSN', { field: 'issn', form: 'online' }],
    ['Stock No.', { field: 'stockNumber' }],
    ['Author(s)', { field: 'authors' }],
    ['Number of pages', { field: 'pages' }],
    ['Subjects', { field: 'topics' }],
  ])('%s names %o', (label, field) => {
    expect(fieldOfLabel(label)).toEqual(field)
  })

  it('knows no field for a label the model lacks', () => {
    expect(fieldOfLabel('Dimensions')).toBeUndefined()
  })

  it('splits label and value at a colon, a tab or two spaces, and not inside a sentence', () => {
    expect(splitLabelled('Date: April 2013')).toEqual({ label: 'Date', value: 'April 2013' })
    expect(splitLabelled('Stock No.\tRPT135555-2')).toEqual({
      label: 'Stock No.',
      value: 'RPT135555-2',
    })
    expect(splitLabelled('Pages   148')).toEqual({ label: 'Pages', value: '148' })
    expect(
      splitLabelled('This is a sentence that happens to contain words: like this'),
    ).toBeUndefined()
  })
})

describe('values', () => {
  it('reads a header line with a month or a day', () => {
    expect(readHeaderLine('Reports | April 2013')).toEqual({
      type: 'Reports',
      published: '2013-04',
    })
    expect(readHeaderLine('Working Papers | 3 March 2021')).toEqual({
      type: 'Working Papers',
      published: '2021-03-03',
    })
    expect(readHeaderLine('Trade | Transport')).toBeUndefined()
  })

  it('reads page counts, editions and languages', () => {
    expect(readPages('xii, 148 pages')).toBe(148)
    expect(readPages('96 pp.')).toBe(96)
    expect(readPages('many')).toBeUndefined()
    expect(readEdition('Second Edition')).toBe(2)
    expect(readEdition('3rd edition')).toBe(3)
    expect(readLanguage('French')).toBe('fr')
    expect(readLanguage('zh-Hant')).toBe('zh-Hant')
    expect(readLanguage('Klingon')).toBeUndefined()
  })

  it('reads prices with codes and symbols, and says when a symbol was assumed', () => {
    expect(readPrice('US$25.00 (print)')).toEqual({ price: { amount: 25, currency: 'USD' } })
    expect(readPrice('EUR 1,200.50')).toEqual({ price: { amount: 1200.5, currency: 'EUR' } })
    expect(readPrice('30 GBP')).toEqual({ price: { amount: 30, currency: 'GBP' } })
    expect(readPrice('$9')?.assumed).toBe('"$" read as US dollars')
    expect(readPrice('Free')).toBeUndefined()
  })

  it('reads DOIs bare, from a name or a URL', () => {
    expect(bareDoi('https://doi.org/10.1234/ABC-1')).toBe('10.1234/ABC-1')
    expect(bareDoi('doi:10.1234/x')).toBe('10.1234/x')
    expect(bareDoi('not a doi')).toBeUndefined()
  })
})

describe('identifiers', () => {
  it('splits at commas outside parentheses', () => {
    expect(splitOutsideParentheses('a (x, y), b; c')).toEqual(['a (x, y)', 'b', 'c'])
  })

  it('reads ISBNs with forms, in parentheses or from the label, and lists a guessed form', () => {
    const ctx = new PageContext()
    addIsbns(ctx, '978-1-7391-0412-2 (paperback), ISBN 978-1-7391-0413-9 (e-book)', 3)
    addIsbns(ctx, '1-7391-0420-X', 4)
    addIsbns(ctx, '978-1-7391-0418-4', 5, 'web')
    expect(ctx.draft.isbn).toEqual([
      { value: '978-1-7391-0412-2', form: 'print' },
      { value: '978-1-7391-0413-9', form: 'ebook' },
      { value: '1-7391-0420-X', form: 'print' },
      { value: '978-1-7391-0418-4', form: 'web' },
    ])
    expect(ctx.inferred).toEqual([
      { field: 'identifiers.isbn[0].form', why: '"paperback" read as print', line: 3 },
      { field: 'identifiers.isbn[1].form', why: '"e-book" read as ebook', line: 3 },
      { field: 'identifiers.isbn[2].form', why: 'the page gives no form; print assumed', line: 4 },
    ])
  })

  it('lists an ISBN with a wrong check digit as unplaced, with the reason', () => {
    const ctx = new PageContext()
    addIsbns(ctx, '978-1-7391-0412-3 (print)', 7)
    expect(ctx.draft.isbn).toBeUndefined()
    expect(ctx.unplaced).toEqual([
      {
        line: 7,
        text: '978-1-7391-0412-3 (print)',
        why: 'ISBN 978-1-7391-0412-3: check digit should be 2',
      },
    ])
  })

  it('reads ISSNs with forms', () => {
    const ctx = new PageContext()
    addIssns(ctx, '3041-5527 (print), 3041-5535 (electronic)', 2)
    expect(ctx.draft.issn).toEqual([
      { value: '3041-5527', form: 'print' },
      { value: '3041-5535', form: 'online' },
    ])
  })
})

describe('authors', () => {
  it('reads family-first names separated by semicolons or "and"', () => {
    const ctx = new PageContext()
    addAuthors(ctx, 'Okonkwo, Adaeze; Lindqvist, Mateo', 1)
    addAuthors(ctx, 'Reyes, Dana and Haddad, Omar', 2)
    expect(ctx.draft.authors).toEqual([
      { family: 'Okonkwo', given: 'Adaeze' },
      { family: 'Lindqvist', given: 'Mateo' },
      { family: 'Reyes', given: 'Dana' },
      { family: 'Haddad', given: 'Omar' },
    ])
  })

  it('reads a name without a comma as an organization, and says so', () => {
    const ctx = new PageContext()
    addAuthors(ctx, 'Institute for Delta Studies', 4)
    expect(ctx.draft.authors).toEqual([{ name: 'Institute for Delta Studies' }])
    expect(ctx.inferred[0]?.field).toBe('authors[0]')
  })
})

describe('countries', () => {
  it.each([
    ['Viet Nam', 'VN'],
    ['Lao PDR', 'LA'],
    ['Korea, Republic of', 'KR'],
    ['Taipei,China', 'TW'],
    ['Hong Kong, China', 'HK'],
    ['Kyrgyz Republic', 'KG'],
    ['Micronesia, Federated States of', 'FM'],
    ["Côte d'Ivoire", 'CI'],
    ['Saint Lucia', 'LC'],
    ['The Gambia', 'GM'],
    ['Türkiye', 'TR'],
    ['PH', 'PH'],
  ])('%s is %s', (name, code) => {
    expect(countryCode(name)).toBe(code)
  })

  it('knows a region is not a country', () => {
    expect(countryCode('Southeast Asia')).toBeUndefined()
  })

  it('keeps names with commas whole when splitting a list', () => {
    expect(splitCountries('Cambodia, Korea, Republic of, Taipei,China')).toEqual([
      'Cambodia',
      'Korea, Republic of',
      'Taipei, China',
    ])
  })
})

describe('titles', () => {
  it('splits at a colon or a spaced dash when both parts have two words', () => {
    expect(splitTitle('Rivers of Trade: Ports and Growth')).toEqual({
      title: 'Rivers of Trade',
      subtitle: 'Ports and Growth',
      separator: 'a colon',
    })
    expect(splitTitle('Quiet Engines — Small Hydropower')?.separator).toBe('a dash')
    expect(splitTitle('Asia: Outlook')).toBeUndefined()
    expect(splitTitle('Low-Carbon Cities')).toBeUndefined()
  })

  it('makes slugs from the part before the colon', () => {
    expect(shortTitle('Beyond Factory Asia: Fuelling Growth in a Changing World')).toBe(
      'Beyond Factory Asia',
    )
  })
})

describe('vocabularies', () => {
  const types = { reports: { label: 'Reports' }, 'working-papers': { label: 'Working Papers' } }

  it('matches keys and labels without regard to case', () => {
    expect(matchVocabulary(types, 'reports')).toMatchObject({ key: 'reports', rule: 'key' })
    expect(matchVocabulary(types, 'WORKING PAPERS')).toMatchObject({
      key: 'working-papers',
      rule: 'key',
    })
    expect(matchVocabulary({ wp: { label: 'Working Papers' } }, 'working papers')).toMatchObject({
      key: 'wp',
      rule: 'label',
    })
  })

  it('matches a singular, listing it', () => {
    expect(matchVocabulary(types, 'Working Paper')).toMatchObject({
      key: 'working-papers',
      rule: 'inflection',
      inferred: '"Working Paper" read as Working Papers (singular or plural)',
    })
  })

  it("matches the publisher's words: aliases, singular and plural labels, --map", () => {
    const words = {
      reports: { label: 'Reports', singular: 'Report', aliases: ['Publication'] },
      'evaluation-reports': { label: 'Evaluation Reports', plural: 'Evaluations' },
      'papers-and-briefs': { label: 'Papers and Briefs' },
    }
    expect(matchVocabulary(words, 'publication')).toMatchObject({ key: 'reports', rule: 'alias' })
    expect(matchVocabulary(words, 'Report')).toMatchObject({ key: 'reports', rule: 'singular' })
    expect(matchVocabulary(words, 'Evaluations')).toMatchObject({
      key: 'evaluation-reports',
      rule: 'plural',
    })
    const run = new Map([['policy note', 'papers-and-briefs']])
    expect(matchVocabulary(words, 'Policy Note', run)).toMatchObject({
      key: 'papers-and-briefs',
      rule: 'map',
    })
    // A run map to a key the vocabulary lacks is no match.
    expect(matchVocabulary(words, 'Policy Note', new Map([['policy note', 'x']])).key).toBe(
      undefined,
    )
  })

  it('reads a close spelling, and a distinctive word shared with one entry only', () => {
    const words = {
      reports: { label: 'Reports' },
      'evaluation-reports': { label: 'Evaluation Reports' },
      'working-papers': { label: 'Working Papers' },
      'papers-and-briefs': { label: 'Papers and Briefs' },
    }
    expect(matchVocabulary(words, 'Reprots')).toMatchObject({ key: 'reports', rule: 'close' })
    expect(matchVocabulary(words, 'Evaluation Document')).toMatchObject({
      key: 'evaluation-reports',
      rule: 'word',
    })
    // "Paper" is shared by two entries: no match, and the closest keys are listed.
    const paper = matchVocabulary(words, 'Discussion Paper')
    expect(paper.key).toBeUndefined()
    expect(paper.closest).toHaveLength(3)
  })

  it('names the closest keys for an unknown word', () => {
    const unknown = matchVocabulary(types, 'Cookbooks')
    expect(unknown.key).toBeUndefined()
    expect(unknown.suggestion).toBeUndefined()
    expect(unknown.closest).toEqual(['reports', 'working-papers'])
  })

  it('splits a series number off the series name', () => {
    expect(splitSeries('Economics Working Paper Series No. 345')).toEqual({
      name: 'Economics Working Paper Series',
      number: '345',
    })
    expect(splitSeries('Delta Briefs, Number 7')).toEqual({ name: 'Delta Briefs', number: '7' })
    expect(splitSeries('Delta Briefs')).toEqual({ name: 'Delta Briefs' })
  })
})
