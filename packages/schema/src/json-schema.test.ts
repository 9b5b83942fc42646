// The JSON Schemas generated from the Zod model, checked with Ajv (draft 2020-12): both agree
// on a corpus of documents, except for the rules JSON Schema cannot express, each listed by
// name below as a known difference (Zod rejects, Ajv accepts).
import Ajv2020 from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { z } from 'zod'
import { Catalogue } from './catalogue.ts'
import { Doi, HttpUrl, Isbn, Issn, LanguageTag, Orcid, PartialDate, Slug } from './fields.ts'
import { catalogueJsonSchema, reportJsonSchema } from './json-schema.ts'
import { Report } from './report.ts'
import * as arb from './test-support/arbitraries.ts'
import { referenceReport } from './test-support/reference-report.ts'

// format is an annotation in 2020-12 (validators need not assert it), so Ajv is told not to;
// the URL rule JSON Schema carries is its `pattern`.
const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false })
const reportSchema = reportJsonSchema()
const catalogueSchema = catalogueJsonSchema()
const validateReport = ajv.compile(reportSchema)
const validateCatalogue = ajv.compile(catalogueSchema)

describe('the generated schemas', () => {
  test('are valid draft 2020-12 schemas with stable ids', () => {
    expect(ajv.validateSchema(reportSchema)).toBe(true)
    expect(ajv.validateSchema(catalogueSchema)).toBe(true)
    expect(reportSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://colophon.dev/schema/v1/report.schema.json',
      $ref: '#/$defs/Report',
    })
    expect(catalogueSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://colophon.dev/schema/v1/catalogue.schema.json',
      $ref: '#/$defs/Catalogue',
    })
    expect(Object.keys(reportSchema.$defs as object).sort()).toEqual(['ContentsEntry', 'Report'])
  })

  test('are deterministic (the build writes the same file every time)', () => {
    expect(JSON.stringify(reportJsonSchema())).toBe(JSON.stringify(reportSchema))
    expect(JSON.stringify(catalogueJsonSchema())).toBe(JSON.stringify(catalogueSchema))
  })

  test('a report document validates against the top level of report.schema.json', () => {
    expect(validateReport(referenceReport), JSON.stringify(validateReport.errors)).toBe(true)
  })

  test('carry the rules JSON Schema can express', () => {
    const report = (reportSchema.$defs as Record<string, { properties: Record<string, unknown> }>)
      .Report?.properties
    expect(report?.topics).toMatchObject({ uniqueItems: true })
    expect(report?.countries).toMatchObject({
      uniqueItems: true,
      items: { enum: expect.arrayContaining(['PH']) },
    })
    expect(report?.published).toMatchObject({ pattern: expect.stringContaining('1[0-2]') })
    expect(report?.translations).toMatchObject({
      items: { anyOf: [{ required: ['slug'] }, { required: ['url'] }] },
    })
  })
})

type Case = {
  name: string
  data: unknown
  /** Whether Zod accepts it; Ajv agrees unless `difference` names why it cannot. */
  valid: boolean
  difference?: string
}

const minimal = { slug: 'minimal', title: 'Minimal', published: '2020', type: 'reports' }
const withIsbn = (...values: string[]) => ({
  ...minimal,
  identifiers: {
    isbn: values.map((value, i) => ({ value, form: ['print', 'web', 'pdf', 'ebook'][i] })),
  },
})

const reportCases: Case[] = [
  // valid
  { name: 'the reference report', data: referenceReport, valid: true },
  { name: 'a minimal report', data: minimal, valid: true },
  { name: 'ISBN-10 ending in X, spaces', data: withIsbn('0 8044 2957 X'), valid: true },
  {
    name: 'ISBN with no-break spaces',
    data: withIsbn('978\u00a092\u00a09254\u00a0047\u00a00'),
    valid: true,
  },
  { name: '979 ISBN, compact', data: withIsbn('9791090636071'), valid: true },
  {
    name: 'day precision on 29 February of a leap year',
    data: { ...minimal, published: '2012-02-29' },
    valid: true,
  },
  {
    name: 'persons and organizations',
    data: {
      ...minimal,
      authors: [{ family: 'Kuroda', orcid: '0000-0002-1825-0097' }, { name: 'ADB' }],
    },
    valid: true,
  },
  {
    name: 'nested contents',
    data: {
      ...minimal,
      contents: [{ title: 'A', page: 3, children: [{ title: 'B', children: [{ title: 'C' }] }] }],
    },
    valid: true,
  },
  {
    name: 'a translation by url only',
    data: { ...minimal, translations: [{ language: 'fr', url: 'https://example.org/fr' }] },
    valid: true,
  },
  // invalid for both
  { name: 'no title', data: { ...minimal, title: undefined }, valid: false },
  { name: 'an unknown field', data: { ...minimal, titel: 'x' }, valid: false },
  {
    name: 'an empty title deep in the contents',
    data: { ...minimal, contents: [{ title: 'A', children: [{ title: ' ' }] }] },
    valid: false,
  },
  { name: 'an ISBN with letters', data: withIsbn('978-92-9254-04A-0'), valid: false },
  { name: 'an ISBN with 12 digits', data: withIsbn('978-92-9254-047'), valid: false },
  { name: 'an ISBN-13 starting 123', data: withIsbn('1234567890128'), valid: false },
  { name: 'an ISBN with double hyphens', data: withIsbn('978--92-9254-047-0'), valid: false },
  { name: 'month 13', data: { ...minimal, published: '2013-13' }, valid: false },
  { name: 'day 32', data: { ...minimal, published: '2013-01-32' }, valid: false },
  { name: 'a three-digit year', data: { ...minimal, published: '0999' }, valid: false },
  { name: 'a month without leading zero', data: { ...minimal, published: '2013-4' }, valid: false },
  {
    name: 'a javascript: URL',
    data: { ...minimal, files: [{ url: 'javascript:alert(1)', mediaType: 'application/pdf' }] },
    valid: false,
  },
  {
    name: 'a relative URL',
    data: { ...minimal, files: [{ url: '/r.pdf', mediaType: 'application/pdf' }] },
    valid: false,
  },
  {
    name: 'a URL with a leading space',
    data: { ...minimal, source: { url: ' https://example.org' } },
    valid: false,
  },
  { name: 'country XX', data: { ...minimal, countries: ['XX'] }, valid: false },
  { name: 'a lower-case country', data: { ...minimal, countries: ['ph'] }, valid: false },
  { name: 'a language name', data: { ...minimal, language: 'english' }, valid: false },
  { name: 'a slug with capitals', data: { ...minimal, slug: 'Beyond-Factory' }, valid: false },
  {
    name: 'an author both person and organization',
    data: { ...minimal, authors: [{ family: 'X', name: 'Y' }] },
    valid: false,
  },
  {
    name: 'an ISBN form that does not exist',
    data: { ...minimal, identifiers: { isbn: [{ value: '9789292540470', form: 'hardback' }] } },
    valid: false,
  },
  {
    name: 'a DOI URL',
    data: { ...minimal, identifiers: { doi: 'https://doi.org/10.22617/TCS135555' } },
    valid: false,
  },
  {
    name: 'an ORCID URL',
    data: {
      ...minimal,
      authors: [{ family: 'X', orcid: 'https://orcid.org/0000-0002-1825-0097' }],
    },
    valid: false,
  },
  { name: 'the same topic twice', data: { ...minimal, topics: ['trade', 'trade'] }, valid: false },
  {
    name: 'a translation with neither slug nor url',
    data: { ...minimal, translations: [{ language: 'fr' }] },
    valid: false,
  },
  {
    name: 'a negative file size',
    data: {
      ...minimal,
      files: [{ url: 'https://e.org/r.pdf', mediaType: 'application/pdf', size: -1 }],
    },
    valid: false,
  },
  { name: 'edition 1.5', data: { ...minimal, edition: 1.5 }, valid: false },
  { name: 'a list where a mapping is expected', data: [], valid: false },
  // rejected by Zod only: rules JSON Schema cannot express
  {
    name: 'ISBN 978-92-9254-047-1',
    data: withIsbn('978-92-9254-047-1'),
    valid: false,
    difference: 'ISBN check digit',
  },
  {
    name: 'ISBN-10 0-306-40615-3',
    data: withIsbn('0-306-40615-3'),
    valid: false,
    difference: 'ISBN check digit',
  },
  {
    name: 'ISSN 0378-5954',
    data: { ...minimal, identifiers: { issn: [{ value: '0378-5954', form: 'print' }] } },
    valid: false,
    difference: 'ISSN check digit',
  },
  {
    name: 'ORCID 0000-0002-1825-0098',
    data: { ...minimal, authors: [{ family: 'X', orcid: '0000-0002-1825-0098' }] },
    valid: false,
    difference: 'ORCID check digit',
  },
  {
    name: '2013-02-30',
    data: { ...minimal, published: '2013-02-30' },
    valid: false,
    difference: 'days in the month',
  },
  {
    name: '2013-04-31',
    data: { ...minimal, published: '2013-04-31' },
    valid: false,
    difference: 'days in the month',
  },
  {
    name: '2013-02-29 (not a leap year)',
    data: { ...minimal, published: '2013-02-29' },
    valid: false,
    difference: 'days in the month',
  },
  {
    name: 'the same ISBN as 13 and as 10 digits',
    data: withIsbn('978-92-9254-047-0', '92-9254-047-5'),
    valid: false,
    difference: 'duplicates in different notations',
  },
  {
    name: 'the same ISBN with and without hyphens',
    data: withIsbn('978-92-9254-047-0', '9789292540470'),
    valid: false,
    difference: 'duplicates in different notations',
  },
  {
    name: 'the same ISSN with and without hyphen',
    data: {
      ...minimal,
      identifiers: {
        issn: [
          { value: '0378-5955', form: 'print' },
          { value: '03785955', form: 'online' },
        ],
      },
    },
    valid: false,
    difference: 'duplicates in different notations',
  },
  {
    name: 'the same file URL with two labels',
    data: {
      ...minimal,
      files: [
        { url: 'https://e.org/r.pdf', mediaType: 'application/pdf' },
        { url: 'https://e.org/r.pdf', mediaType: 'application/pdf', label: 'again' },
      ],
    },
    valid: false,
    difference: 'uniqueness by one field of an item',
  },
  {
    name: 'two translations in French',
    data: {
      ...minimal,
      translations: [
        { language: 'fr', slug: 'a' },
        { language: 'fr', slug: 'b' },
      ],
    },
    valid: false,
    difference: 'uniqueness by one field of an item',
  },
  {
    name: 'a report superseding itself',
    data: { ...minimal, supersedes: 'minimal' },
    valid: false,
    difference: 'comparison between fields',
  },
  {
    name: 'a report related to itself',
    data: { ...minimal, related: ['minimal'] },
    valid: false,
    difference: 'comparison between fields',
  },
  {
    name: "a translation in the report's own language",
    data: { ...minimal, language: 'fr', translations: [{ language: 'fr', slug: 'a' }] },
    valid: false,
    difference: 'comparison between fields',
  },
  {
    name: 'a URL the WHATWG URL parser refuses',
    data: { ...minimal, source: { url: 'https://exa[mple.org' } },
    valid: false,
    difference: 'URL parsing beyond the ^https?:// pattern',
  },
]

const settings = {
  schemaVersion: 1,
  name: 'Colophon',
  baseUrl: 'https://reports.example.org',
  defaultPublisher: 'Asian Development Bank',
  language: 'en',
  vocabularies: { types: { reports: { label: 'Reports' } }, topics: { trade: { label: 'Trade' } } },
}
const other = { ...minimal, slug: 'other' }

const catalogueCases: Case[] = [
  {
    name: 'settings and two reports',
    data: { ...settings, reports: [referenceReport, other] },
    valid: true,
  },
  { name: 'no reports', data: { ...settings, reports: [] }, valid: true },
  { name: 'schemaVersion 2', data: { ...settings, schemaVersion: 2, reports: [] }, valid: false },
  {
    name: 'a vocabulary key with capitals',
    data: { ...settings, vocabularies: { types: { Reports: { label: 'R' } } }, reports: [] },
    valid: false,
  },
  {
    name: 'a report with an unknown field',
    data: { ...settings, reports: [{ ...other, colour: 'red' }] },
    valid: false,
  },
  {
    name: 'a report with a bad ISBN check digit',
    data: { ...settings, reports: [withIsbn('978-92-9254-047-1')] },
    valid: false,
    difference: 'ISBN check digit',
  },
  {
    name: 'a slug used twice',
    data: { ...settings, reports: [minimal, minimal] },
    valid: false,
    difference: 'rules across reports',
  },
  {
    name: 'an ISBN used by two reports',
    data: {
      ...settings,
      reports: [withIsbn('978-92-9254-047-0'), { ...withIsbn('92-9254-047-5'), slug: 'other' }],
    },
    valid: false,
    difference: 'rules across reports',
  },
  {
    name: 'a type missing from the vocabulary',
    data: { ...settings, reports: [{ ...minimal, type: 'books' }] },
    valid: false,
    difference: 'rules across reports',
  },
  {
    name: 'a related report that does not exist',
    data: { ...settings, reports: [{ ...minimal, related: ['nowhere'] }] },
    valid: false,
    difference: 'rules across reports',
  },
]

function check(
  kind: string,
  schema: z.ZodType,
  validate: (data: unknown) => boolean,
  cases: Case[],
) {
  describe(`${kind}: Zod and Ajv agree`, () => {
    for (const c of cases) {
      const expectation = c.difference
        ? `Zod rejects, Ajv accepts (known difference: ${c.difference})`
        : c.valid
          ? 'both accept'
          : 'both reject'
      test(`${c.name}: ${expectation}`, () => {
        expect(schema.safeParse(c.data).success).toBe(c.valid)
        expect(validate(c.data)).toBe(c.difference ? true : c.valid)
      })
    }
  })
}

check('report', Report, validateReport, reportCases)
check('catalogue', Catalogue, validateCatalogue, catalogueCases)

test('the known differences are exactly the rules JSON Schema cannot express', () => {
  const named = new Set([...reportCases, ...catalogueCases].flatMap((c) => c.difference ?? []))
  expect([...named].sort()).toEqual([
    'ISBN check digit',
    'ISSN check digit',
    'ORCID check digit',
    'URL parsing beyond the ^https?:// pattern',
    'comparison between fields',
    'days in the month',
    'duplicates in different notations',
    'rules across reports',
    'uniqueness by one field of an item',
  ])
})

describe('JSON Schema is never stricter than Zod', () => {
  test('every generated valid report is valid for Ajv', () => {
    fc.assert(
      fc.property(arb.report, (report) => {
        expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  // For each ruled string: whatever Zod accepts, the pattern in the JSON Schema accepts.
  // Strings are half valid values (from the generators), half near misses.
  const chars = (alphabet: string, maxLength: number) =>
    fc.string({ unit: fc.constantFrom(...alphabet), maxLength })
  const url = fc
    .tuple(
      fc.oneof(
        { arbitrary: fc.constantFrom('https://', 'http://'), weight: 4 },
        fc.constantFrom('HTTPS://', 'https:', ' https://', 'ftp://', ''),
      ),
      chars('exampl.org/[]%?#: ', 20),
    )
    .map(([scheme, rest]) => scheme + rest)
  const fields: [string, z.ZodType, fc.Arbitrary<string>][] = [
    ['ISBN', Isbn, fc.oneof(arb.isbn, chars('0123456789Xx -\u00a0', 18))],
    ['ISSN', Issn, fc.oneof(arb.issn, chars('0123456789Xx-', 10))],
    ['partial date', PartialDate, fc.oneof(arb.partialDate, chars('0123456789-', 11))],
    ['DOI', Doi, fc.oneof(arb.doi, chars('10./abc xyz', 14))],
    ['ORCID', Orcid, fc.oneof(arb.orcid, chars('0123456789X-', 19))],
    ['slug', Slug, fc.oneof(arb.slug, chars('ab1-A ', 10))],
    ['language tag', LanguageTag, fc.oneof(arb.languageTag, chars('enGBHat-x1_', 12))],
    ['URL', HttpUrl, url],
  ]
  for (const [name, schema, strings] of fields) {
    test(name, () => {
      const jsonSchema = { type: 'string', ...(schema.meta() as object) }
      const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(jsonSchema)
      let accepted = 0
      fc.assert(
        fc.property(strings, (value) => {
          if (!schema.safeParse(value).success) return
          accepted++
          expect(validate(value), value).toBe(true)
        }),
        { numRuns: 1000 },
      )
      // the property is only worth something if Zod accepted a good share of the strings
      expect(accepted).toBeGreaterThan(100)
    })
  }
})
