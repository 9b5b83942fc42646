import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { Catalogue } from './catalogue.ts'
import { explainIssues, formatPath, formatProblems } from './problems.ts'
import { Report } from './report.ts'
import { type Editable, problemsOf } from './test-support/problems-of.ts'
import { referenceReport } from './test-support/reference-report.ts'

test('formatPath writes paths as an editor reads them', () => {
  expect(formatPath(['contents', 2, 'children', 0, 'title'])).toBe('contents[2].children[0].title')
  expect(formatPath(['identifiers', 'isbn', 0, 'value'])).toBe('identifiers.isbn[0].value')
  expect(formatPath([0, 'title'])).toBe('[0].title')
  expect(formatPath([])).toBe('')
})

describe('explainIssues', () => {
  test('gives path, message and code for each problem', () => {
    const data = structuredClone(referenceReport) as Editable
    data.identifiers.isbn[0].value = '978-92-9254-047-1'
    data.contents[2].children = [{ title: '' }]
    data.titel = 'x'
    const result = Report.safeParse(data)
    expect(result.success).toBe(false)
    expect(explainIssues(result.error as z.ZodError, data)).toEqual([
      {
        path: ['identifiers', 'isbn', 0, 'value'],
        message: 'ISBN 978-92-9254-047-1: check digit should be 0',
        code: 'custom',
      },
      {
        path: ['contents', 2, 'children', 0, 'title'],
        message: 'must not be empty',
        code: 'invalid_format',
      },
      { path: ['titel'], message: 'unknown field, did you mean title?', code: 'unrecognized_keys' },
    ])
  })

  test('formatProblems writes one "path: message" line per problem', () => {
    const data = { ...referenceReport, published: '2013-02-30', countries: ['XX'] }
    const result = Report.safeParse(data)
    expect(formatProblems(result.error as z.ZodError, data)).toBe(
      [
        'published: date 2013-02-30: February 2013 has 28 days',
        'countries[0]: country "XX": not an ISO 3166-1 alpha-2 code (two letters, e.g. PH, IN, VN)',
      ].join('\n'),
    )
  })

  test('a problem at the root has no path prefix', () => {
    expect(problemsOf(Report, [])).toEqual(['expected a mapping of fields, found a list'])
  })
})

describe('never a bare "Invalid input"', () => {
  test('fallbacks for checks that carry no message of their own', () => {
    const Sample = z.strictObject({
      kind: z.enum(['a', 'b']),
      version: z.literal(3),
      count: z.number().max(10),
      exclusive: z.number().gt(0),
      tags: z.array(z.string()).min(1).max(2),
      code: z.string().min(2),
      step: z.number().multipleOf(5),
      email: z.email(),
    })
    expect(
      problemsOf(Sample, {
        kind: 'c',
        version: 4,
        count: 11,
        exclusive: 0,
        tags: [],
        code: 'x',
        step: 7,
        email: 'nobody',
      }),
    ).toEqual([
      'kind: expected "a" or "b", found text "c"',
      'version: expected 3, found number 4',
      'count: must be at most 10',
      'exclusive: must be more than 0',
      'tags: needs at least 1 item(s)',
      'code: needs at least 2 character(s)',
      'step: must be a multiple of 5',
      'email: Invalid email address (found text "nobody")',
    ])
    expect(problemsOf(Sample.shape.tags, ['a', 'b', 'c'])).toEqual(['at most 2 item(s)'])
  })

  test('across a corpus of broken reports and catalogues', () => {
    const broken: [z.ZodType, unknown][] = [
      [Report, {}],
      [Report, null],
      [Report, 'report'],
      [Report, { ...referenceReport, authors: [{}, { family: 'x', name: 'y' }, 'name', null] }],
      [Report, { ...referenceReport, identifiers: { isbn: [{ value: 42 }], issn: 'x', doi: 7 } }],
      [Report, { ...referenceReport, contents: [{ title: 'A', children: [{ page: 'x' }] }] }],
      [Report, { ...referenceReport, translations: [{ language: 'fr' }, null] }],
      [Report, { ...referenceReport, files: [{ url: 1, mediaType: null, size: 'big' }] }],
      [Report, { ...referenceReport, series: 'adb', price: { amount: 'free' }, source: [] }],
      [Catalogue, { reports: [{}] }],
      [Catalogue, { schemaVersion: '1', vocabularies: { types: { 'Bad Key': { label: '' } } } }],
    ]
    for (const [schema, data] of broken) {
      const lines = problemsOf(schema, data)
      expect(lines.length, JSON.stringify(data)).toBeGreaterThan(0)
      for (const line of lines) expect(line).not.toMatch(/Invalid input|^Invalid|: Invalid/)
    }
  })
})
