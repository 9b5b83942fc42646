import { describe, expect, test } from 'vitest'
import { normalizeIsbn } from './isbn.ts'
import { formatPartialDate } from './partial-date.ts'
import {
  Author,
  CompiledReport,
  isPerson,
  Report,
  type ReportInput,
  ReportSummary,
  toSummary,
} from './report.ts'
import { type Editable, problemsOf } from './test-support/problems-of.ts'
import { referenceReport } from './test-support/reference-report.ts'

/** The reference report with `change` applied to a deep copy. */
function variant(change: (report: Editable) => void): unknown {
  const copy = structuredClone(referenceReport) as Editable
  change(copy)
  return copy
}

const minimal = {
  slug: 'minimal',
  title: 'Minimal',
  published: '2020',
  type: 'reports',
} satisfies ReportInput

describe('the reference report (Beyond Factory Asia)', () => {
  const report = Report.parse(referenceReport)

  test('parses, unchanged', () => {
    expect(report).toEqual(referenceReport)
  })

  test('keeps every fact of its public page', () => {
    expect(report.slug).toBe('beyond-factory-asia')
    expect(report.title).toBe('Beyond Factory Asia: Fuelling Growth in a Changing World')
    expect(report.subtitle).toBe("Beyond Factory Asia: Moving from the World's Workshop to Global")
    expect(report.published).toBe('2013-04')
    expect(formatPartialDate(report.published)).toBe('April 2013')
    expect(report.type).toBe('reports')
    expect(report.identifiers?.isbn).toEqual([
      { value: '978-92-9254-047-0', form: 'print' },
      { value: '978-92-9254-048-7', form: 'web' },
    ])
    expect(report.identifiers?.isbn?.map((e) => normalizeIsbn(e.value))).toEqual([
      '9789292540470',
      '9789292540487',
    ])
    const paragraphs = report.description?.split('\n\n') ?? []
    expect(paragraphs).toHaveLength(2)
    expect(paragraphs[0]).toMatch(/^Asia’s phenomenal growth over the past few decades/)
    expect(paragraphs[1]).toMatch(/quest for a new Factory Asia model\.$/)
    expect(report.keyFindings).toHaveLength(8)
    expect(report.keyFindings?.[0]).toMatch(/^while changing global trends/)
    expect(report.keyFindings?.[7]).toMatch(/sustain Asia’s growth in the future\.$/)
    expect(report.contents?.map((entry) => entry.title)).toEqual([
      'Foreword',
      'Introduction',
      'Asian Manufacturing and Global Production Networks',
      'Key Issues and Challenges in Moving Beyond Factory Asia',
      'Beyond Factory Asia',
      'Conclusion',
      'Appendix: Role of the Services Sector',
      'References',
    ])
  })

  test('its summary has the list fields only', () => {
    const compiled = {
      ...report,
      publisher: 'Asian Development Bank',
      language: 'en',
      modified: '2024-05-01T09:30:00Z',
    }
    expect(toSummary(compiled)).toEqual({
      slug: 'beyond-factory-asia',
      title: 'Beyond Factory Asia: Fuelling Growth in a Changing World',
      subtitle: "Beyond Factory Asia: Moving from the World's Workshop to Global",
      published: '2013-04',
      type: 'reports',
      language: 'en',
      identifiers: report.identifiers,
      modified: '2024-05-01T09:30:00Z',
    })
    expect(ReportSummary.parse(toSummary(compiled))).toEqual(toSummary(compiled))
  })
})

describe('required fields and types', () => {
  test('a minimal report needs slug, title, published and type', () => {
    expect(Report.parse(minimal)).toEqual(minimal)
    expect(problemsOf(Report, {})).toEqual([
      'slug: required',
      'title: required',
      'published: required',
      'type: required',
    ])
  })

  test('wrong types say what was expected and what was found', () => {
    expect(problemsOf(Report, { ...minimal, title: 42 })).toEqual([
      'title: expected text, found number 42',
    ])
    expect(problemsOf(Report, { ...minimal, keyFindings: 'one finding' })).toEqual([
      'keyFindings: expected a list, found text "one finding"',
    ])
    expect(problemsOf(Report, { ...minimal, edition: 1.5 })).toEqual([
      'edition: expected a whole number, found number 1.5',
    ])
    expect(problemsOf(Report, { ...minimal, pages: 0 })).toEqual(['pages: must be at least 1'])
    expect(problemsOf(Report, null)).toEqual(['expected a mapping of fields, found null'])
  })

  test('empty titles and over-long text are refused', () => {
    expect(problemsOf(Report, { ...minimal, title: '  ' })).toEqual(['title: must not be empty'])
    expect(problemsOf(Report, { ...minimal, summary: 'x'.repeat(401) })).toEqual([
      'summary: at most 400 characters',
    ])
  })

  test('unknown fields get "did you mean", at any depth', () => {
    expect(problemsOf(Report, { ...minimal, titel: 'x', publised: '2013' })).toEqual([
      'titel: unknown field, did you mean title?',
      'publised: unknown field, did you mean published?',
    ])
    expect(
      problemsOf(Report, {
        ...minimal,
        identifiers: { isnb: [] },
        contents: [{ title: 'A', pgae: 1 }],
      }),
    ).toEqual([
      'identifiers.isnb: unknown field, did you mean isbn?',
      'contents[0].pgae: unknown field, did you mean page?',
    ])
  })
})

describe('contents tree', () => {
  test('nests to any depth', () => {
    const deep = { title: 'Level 4' }
    const contents = [
      {
        title: 'A',
        page: 1,
        children: [{ title: 'B', children: [{ title: 'C', children: [deep] }] }],
      },
    ]
    expect(Report.parse({ ...minimal, contents }).contents).toEqual(contents)
  })

  test('no empty title at any depth, with the path of the entry', () => {
    const data = variant((r) => {
      r.contents[2].children = [{ title: '' }]
    })
    expect(problemsOf(Report, data)).toEqual(['contents[2].children[0].title: must not be empty'])
    const deeper = variant((r) => {
      r.contents[0].children = [
        { title: 'A', children: [{ title: 'B', children: [{ title: ' ' }] }] },
      ]
    })
    expect(problemsOf(Report, deeper)).toEqual([
      'contents[0].children[0].children[0].children[0].title: must not be empty',
    ])
    expect(
      problemsOf(
        Report,
        variant((r) => {
          r.contents[7] = {}
        }),
      ),
    ).toEqual(['contents[7].title: required'])
  })

  test('pages are whole numbers from 1', () => {
    expect(problemsOf(Report, { ...minimal, contents: [{ title: 'A', page: 0 }] })).toEqual([
      'contents[0].page: must be at least 1',
    ])
  })
})

describe('authors', () => {
  test('persons and organizations, in order', () => {
    const authors = [
      { family: 'Kuroda', given: 'Haruhiko' },
      { name: 'Asian Development Bank' },
      { family: 'Carberry', given: 'Josiah', orcid: '0000-0002-1825-0097', affiliation: 'ADB' },
    ]
    const report = Report.parse({ ...minimal, authors })
    expect(report.authors).toEqual(authors)
    expect(report.authors?.map(isPerson)).toEqual([true, false, true])
  })

  test('an author is one or the other, and the message follows the closest', () => {
    expect(problemsOf(Author, { family: 'Kuroda', name: 'ADB' })).toEqual(['name: unknown field'])
    expect(problemsOf(Author, { name: '' })).toEqual(['name: must not be empty'])
    expect(problemsOf(Author, { given: 'Haruhiko' })).toEqual(['family: required'])
    expect(
      problemsOf(Report, { ...minimal, authors: [{ family: 'X', orcid: '0000-0002-1825-0098' }] }),
    ).toEqual(['authors[0].orcid: ORCID 0000-0002-1825-0098: check digit should be 7'])
    expect(problemsOf(Report, { ...minimal, authors: ['Kuroda'] })).toEqual([
      'authors[0]: expected a mapping of fields, found text "Kuroda"',
    ])
  })
})

describe('identifiers', () => {
  test('the bad ISBN is refused, naming the check digit', () => {
    const data = variant((r) => {
      r.identifiers.isbn[0].value = '978-92-9254-047-1'
    })
    expect(problemsOf(Report, data)).toEqual([
      'identifiers.isbn[0].value: ISBN 978-92-9254-047-1: check digit should be 0',
    ])
  })

  test('forms: print, web, pdf, ebook for ISBNs; print, online for ISSNs', () => {
    const identifiers = {
      isbn: [
        { value: '978-92-9254-047-0', form: 'print' },
        { value: '978-92-9254-048-7', form: 'web' },
        { value: '0-306-40615-2', form: 'pdf' },
        { value: '979-10-90636-07-1', form: 'ebook' },
      ],
      issn: [
        { value: '0378-5955', form: 'print' },
        { value: '2434-561X', form: 'online' },
      ],
      doi: '10.22617/TCS135555',
      stockNumber: 'BKK135555',
    }
    expect(Report.parse({ ...minimal, identifiers }).identifiers).toEqual(identifiers)
    expect(
      problemsOf(Report, {
        ...minimal,
        identifiers: { isbn: [{ value: '0-306-40615-2', form: 'hardback' }] },
      }),
    ).toEqual(['identifiers.isbn[0].form: expected one of print, web, pdf, ebook'])
    expect(
      problemsOf(Report, {
        ...minimal,
        identifiers: { issn: [{ value: '0378-5955', form: 'web' }] },
      }),
    ).toEqual(['identifiers.issn[0].form: expected print or online'])
    expect(
      problemsOf(Report, {
        ...minimal,
        identifiers: { doi: 'https://doi.org/10.22617/TCS135555' },
      }),
    ).toEqual([
      'identifiers.doi: DOI https://doi.org/10.22617/TCS135555: write the bare DOI, starting with "10."',
    ])
  })
})

describe('rules inside one report', () => {
  test('no ISBN listed twice, also as the ISBN-10 of the same book', () => {
    const twice = variant((r) => {
      r.identifiers.isbn.push({ value: '9789292540470', form: 'pdf' })
    })
    expect(problemsOf(Report, twice)).toEqual([
      'identifiers.isbn[2].value: ISBN 9789292540470 is listed twice (same as 978-92-9254-047-0 at isbn[0])',
    ])
    const asIsbn10 = variant((r) => {
      r.identifiers.isbn.push({ value: '92-9254-047-5', form: 'ebook' })
    })
    expect(problemsOf(Report, asIsbn10)).toEqual([
      'identifiers.isbn[2].value: ISBN 92-9254-047-5 is listed twice (same as 978-92-9254-047-0 at isbn[0])',
    ])
  })

  test('no ISSN listed twice', () => {
    const issn = [
      { value: '0378-5955', form: 'print' },
      { value: '03785955', form: 'online' },
    ]
    expect(problemsOf(Report, { ...minimal, identifiers: { issn } })).toEqual([
      'identifiers.issn[1].value: ISSN 0378-5955 is listed twice',
    ])
  })

  test('no repeated topic, country, related report, copublisher or finding', () => {
    expect(problemsOf(Report, { ...minimal, topics: ['trade', 'industry', 'trade'] })).toEqual([
      'topics[2]: "trade" is listed twice',
    ])
    expect(problemsOf(Report, { ...minimal, countries: ['PH', 'PH'] })).toEqual([
      'countries[1]: "PH" is listed twice',
    ])
    expect(problemsOf(Report, { ...minimal, related: ['a', 'b', 'a'] })).toEqual([
      'related[2]: "a" is listed twice',
    ])
    expect(problemsOf(Report, { ...minimal, copublishers: ['IDB', 'IDB'] })).toEqual([
      'copublishers[1]: "IDB" is listed twice',
    ])
    expect(
      problemsOf(
        Report,
        variant((r) => r.keyFindings.push(r.keyFindings[0])),
      ),
    ).toEqual([`keyFindings[8]: "${referenceReport.keyFindings[0]}" is listed twice`])
  })

  test('no file listed twice', () => {
    const file = { url: 'https://example.org/r.pdf', mediaType: 'application/pdf' }
    expect(problemsOf(Report, { ...minimal, files: [file, { ...file, label: 'again' }] })).toEqual([
      'files[1].url: https://example.org/r.pdf is listed twice',
    ])
  })

  test('no self-reference through supersedes or related', () => {
    expect(problemsOf(Report, { ...minimal, supersedes: 'minimal' })).toEqual([
      'supersedes: a report cannot supersede itself',
    ])
    expect(problemsOf(Report, { ...minimal, related: ['other', 'minimal'] })).toEqual([
      'related[1]: a report cannot be related to itself',
    ])
  })

  test('translations: a slug or a url, one per language, not the report’s own', () => {
    expect(problemsOf(Report, { ...minimal, translations: [{ language: 'fr' }] })).toEqual([
      'translations[0]: a translation needs a slug (in this catalogue) or a url',
    ])
    expect(
      problemsOf(Report, {
        ...minimal,
        translations: [
          { language: 'fr', slug: 'minimal-fr' },
          { language: 'fr', url: 'https://example.org/fr' },
        ],
      }),
    ).toEqual(['translations[1].language: two translations in fr'])
    expect(
      problemsOf(Report, {
        ...minimal,
        language: 'en',
        translations: [{ language: 'en', slug: 'x' }],
      }),
    ).toEqual([
      "translations[0].language: a translation cannot be in the report's own language (en)",
    ])
  })
})

describe('other fields', () => {
  test('countries are ISO 3166-1 codes', () => {
    expect(problemsOf(Report, { ...minimal, countries: ['PH', 'ph', 'XX'] })).toEqual([
      'countries[1]: country "ph": ISO 3166-1 codes are upper case, did you mean "PH"?',
      'countries[2]: country "XX": not an ISO 3166-1 alpha-2 code (two letters, e.g. PH, IN, VN)',
    ])
  })

  test('files: http(s) URL, media type, size, language', () => {
    const files = [
      {
        url: 'https://example.org/r.pdf',
        mediaType: 'application/pdf',
        size: 2_345_678,
        label: 'Full report',
        language: 'en',
      },
    ]
    expect(Report.parse({ ...minimal, files }).files).toEqual(files)
    expect(
      problemsOf(Report, {
        ...minimal,
        files: [{ url: 'javascript:alert(1)', mediaType: 'application/pdf' }],
      }),
    ).toEqual(['files[0].url: expected an absolute http(s) URL, not a javascript: URL'])
    expect(
      problemsOf(Report, {
        ...minimal,
        files: [{ url: 'https://example.org/r.pdf', mediaType: 'PDF', size: -1 }],
      }),
    ).toEqual([
      'files[0].mediaType: expected a media type such as application/pdf',
      'files[0].size: must be at least 0',
    ])
  })

  test('series, edition, price, source, language', () => {
    const full = {
      ...minimal,
      series: { key: 'adb-reports', number: '12' },
      edition: 2,
      supersedes: 'minimal-first-edition',
      price: { amount: 25, currency: 'USD' },
      source: {
        url: 'https://www.adb.org/publications/beyond-factory-asia',
        retrieved: '2024-05-01',
        note: 'imported',
      },
      language: 'en',
      license: 'CC-BY-3.0-IGO',
      pages: 120,
    }
    expect(Report.parse(full)).toEqual(full)
    expect(problemsOf(Report, { ...minimal, series: { number: '1' } })).toEqual([
      'series.key: required',
    ])
    expect(problemsOf(Report, { ...minimal, edition: 0 })).toEqual(['edition: must be at least 1'])
    expect(problemsOf(Report, { ...minimal, price: { amount: -5, currency: 'usd' } })).toEqual([
      'price.amount: must be at least 0',
      'price.currency: expected an ISO 4217 currency code such as USD',
    ])
    expect(problemsOf(Report, { ...minimal, published: '2013-13' })).toEqual([
      'published: date 2013-13: month should be 01 to 12',
    ])
    expect(problemsOf(Report, { ...minimal, type: 'Reports' })).toEqual([
      'type: slug "Reports": use lowercase letters, digits and single hyphens, e.g. "reports"',
    ])
  })
})

test('CompiledReport requires the resolved publisher, language and date of change', () => {
  expect(problemsOf(CompiledReport, minimal)).toEqual([
    'publisher: required',
    'language: required',
    'modified: required',
  ])
  const compiled = {
    ...minimal,
    publisher: 'Asian Development Bank',
    language: 'en',
    modified: '2024-05-01T09:30:00Z',
    descriptionHtml: '<p>x</p>',
  }
  expect(CompiledReport.parse(compiled)).toEqual(compiled)
})

test('a date of change is a UTC instant at second precision; a withdrawal needs a date and a reason', () => {
  expect(problemsOf(Report, { ...minimal, modified: '2024-05-01' })).toEqual([
    'modified: expected a UTC date and time at second precision, like 2024-05-01T09:30:00Z',
  ])
  expect(problemsOf(Report, { ...minimal, modified: '2024-05-01T09:30:00+02:00' })).toHaveLength(1)
  expect(Report.parse({ ...minimal, modified: '2024-05-01T09:30:00Z' }).modified).toBe(
    '2024-05-01T09:30:00Z',
  )
  expect(problemsOf(Report, { ...minimal, withdrawn: { date: '2024-02' } })).toEqual([
    'withdrawn.reason: required',
  ])
  expect(
    Report.parse({ ...minimal, withdrawn: { date: '2024-02', reason: 'Superseded' } }).withdrawn,
  ).toEqual({ date: '2024-02', reason: 'Superseded' })
})
