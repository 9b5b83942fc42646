import { describe, expect, test } from 'vitest'
import {
  Catalogue,
  type CatalogueInput,
  CatalogueSettings,
  catalogueRules,
  SCHEMA_VERSION,
} from './catalogue.ts'
import { Report, type ReportInput } from './report.ts'
import { type Editable, problemsOf } from './test-support/problems-of.ts'
import { referenceReport } from './test-support/reference-report.ts'

const settings = {
  schemaVersion: 1,
  name: 'Colophon',
  baseUrl: 'https://reports.example.org',
  defaultPublisher: 'Asian Development Bank',
  language: 'en',
  vocabularies: {
    types: { reports: { label: 'Reports' }, 'working-papers': { label: 'Working Papers' } },
    series: { 'adb-economics': { label: 'ADB Economics Working Paper Series' } },
    topics: { industry: { label: 'Industry and trade' }, finance: { label: 'Finance' } },
  },
} satisfies Omit<CatalogueInput, 'reports'>

const second = {
  slug: 'asian-development-outlook-2013',
  title: 'Asian Development Outlook 2013',
  published: '2013-04',
  type: 'reports',
  identifiers: { isbn: [{ value: '978-92-9254-049-4', form: 'print' }], doi: '10.22617/ADO2013' },
  topics: ['finance'],
  related: ['beyond-factory-asia'],
} satisfies ReportInput

function rules(reports: ReportInput[]) {
  return catalogueRules(
    settings,
    reports.map((r) => Report.parse(r)),
  )
}

describe('CatalogueSettings', () => {
  test('parses settings and keeps the vocabulary order', () => {
    const parsed = CatalogueSettings.parse(settings)
    expect(parsed).toEqual(settings)
    expect(Object.keys(parsed.vocabularies.types)).toEqual(['reports', 'working-papers'])
    expect(SCHEMA_VERSION).toBe(1)
  })

  test('says what is wrong', () => {
    expect(problemsOf(CatalogueSettings, { ...settings, schemaVersion: 2 })).toEqual([
      'schemaVersion: expected schemaVersion 1',
    ])
    expect(problemsOf(CatalogueSettings, { ...settings, baseUrl: 'reports.example.org' })).toEqual([
      'baseUrl: expected an absolute http(s) URL',
    ])
    expect(
      problemsOf(CatalogueSettings, {
        ...settings,
        vocabularies: { types: { Reports: { label: 'Reports' } } },
      }),
    ).toEqual([
      'vocabularies.types.Reports: key "Reports": slug "Reports": use lowercase letters, digits and single hyphens, e.g. "reports"',
    ])
    expect(
      problemsOf(CatalogueSettings, { ...settings, vocabularies: { types: { reports: {} } } }),
    ).toEqual(['vocabularies.types.reports.label: required'])
    expect(problemsOf(CatalogueSettings, { ...settings, vocabularies: { tpyes: {} } })).toEqual([
      'vocabularies.types: required',
      'vocabularies.tpyes: unknown field, did you mean types?',
    ])
  })
})

describe('catalogueRules', () => {
  test('the reference report and a second report pass', () => {
    expect(rules([referenceReport, second])).toEqual([])
  })

  test('slugs are unique', () => {
    expect(
      rules([referenceReport, { ...second, slug: 'beyond-factory-asia', related: [] }]),
    ).toEqual([
      {
        path: ['reports', 1, 'slug'],
        message: 'slug "beyond-factory-asia" is already used',
        otherReport: 0,
      },
    ])
  })

  test('no ISBN shared by two reports, in any notation', () => {
    const sharing = {
      ...second,
      identifiers: { isbn: [{ value: '92-9254-048-3', form: 'web' as const }] },
    }
    // 92-9254-048-3 is the ISBN-10 of 978-92-9254-048-7, the reference report's web ISBN
    expect(rules([referenceReport, sharing])).toEqual([
      {
        path: ['reports', 1, 'identifiers', 'isbn', 0, 'value'],
        message: 'ISBN 92-9254-048-3 is already used by "beyond-factory-asia"',
        otherReport: 0,
      },
    ])
  })

  test('no DOI shared by two reports, case-insensitively', () => {
    const first = { ...second, related: [] }
    const third = { ...first, slug: 'third', identifiers: { doi: '10.22617/ado2013' } }
    expect(rules([first, third])).toEqual([
      {
        path: ['reports', 1, 'identifiers', 'doi'],
        message: 'DOI 10.22617/ado2013 is already used by "asian-development-outlook-2013"',
        otherReport: 0,
      },
    ])
  })

  test('vocabulary keys are defined, with a suggestion', () => {
    const report = {
      ...second,
      related: [],
      type: 'report',
      series: { key: 'adb-economic' },
      topics: ['finance', 'industyr', 'climate'],
    }
    expect(rules([report])).toEqual([
      {
        path: ['reports', 0, 'type'],
        message: '"report" is not in the types vocabulary, did you mean reports?',
      },
      {
        path: ['reports', 0, 'series', 'key'],
        message: '"adb-economic" is not in the series vocabulary, did you mean adb-economics?',
      },
      {
        path: ['reports', 0, 'topics', 1],
        message: '"industyr" is not in the topics vocabulary, did you mean industry?',
      },
      { path: ['reports', 0, 'topics', 2], message: '"climate" is not in the topics vocabulary' },
    ])
  })

  test('an absent optional vocabulary has no keys', () => {
    const issues = catalogueRules({ vocabularies: { types: { reports: { label: 'Reports' } } } }, [
      Report.parse({ ...second, related: [], topics: ['finance'] }),
    ])
    expect(issues).toEqual([
      { path: ['reports', 0, 'topics', 0], message: '"finance" is not in the topics vocabulary' },
    ])
  })

  test('related, supersedes and translation slugs resolve', () => {
    const report = {
      ...second,
      related: ['beyond-factory-asai', 'nowhere'],
      supersedes: 'asian-development-outlook-2012',
      translations: [{ language: 'fr', slug: 'beyond-factory-asia-fr' }],
    }
    expect(rules([referenceReport, report]).map((i) => [i.path.join('/'), i.message])).toEqual([
      [
        'reports/1/supersedes',
        'no report with slug "asian-development-outlook-2012", did you mean asian-development-outlook-2013?',
      ],
      [
        'reports/1/related/0',
        'no report with slug "beyond-factory-asai", did you mean beyond-factory-asia?',
      ],
      ['reports/1/related/1', 'no report with slug "nowhere"'],
      [
        'reports/1/translations/0/slug',
        'no report with slug "beyond-factory-asia-fr", did you mean beyond-factory-asia?',
      ],
    ])
  })
})

describe('Catalogue (one document)', () => {
  test('parses settings and reports', () => {
    const catalogue = { ...settings, reports: [referenceReport, second] }
    expect(Catalogue.parse(catalogue)).toEqual(catalogue)
  })

  test('applies the rules across reports with full paths', () => {
    const catalogue = {
      ...settings,
      reports: [referenceReport, { ...second, slug: 'beyond-factory-asia', type: 'book' }],
    }
    // the rule inside report 1 (related to itself, once renamed) comes first, then the
    // rules across reports
    expect(problemsOf(Catalogue, catalogue)).toEqual([
      'reports[1].related[0]: a report cannot be related to itself',
      'reports[1].slug: slug "beyond-factory-asia" is already used',
      'reports[1].type: "book" is not in the types vocabulary',
    ])
  })

  test('reports problems of a report inside the catalogue with their path', () => {
    const bad = structuredClone(referenceReport) as Editable
    bad.identifiers.isbn[0].value = '978-92-9254-047-1'
    expect(problemsOf(Catalogue, { ...settings, reports: [bad] })).toEqual([
      'reports[0].identifiers.isbn[0].value: ISBN 978-92-9254-047-1: check digit should be 0',
    ])
  })
})

describe('vocabulary words and defaults', () => {
  const base = {
    schemaVersion: 1,
    name: 'Test',
    baseUrl: 'https://reports.example.org',
    defaultPublisher: 'Example Institute',
    language: 'en',
  }
  test('takes aliases, singular and plural labels, and a default that names an entry', () => {
    const parsed = CatalogueSettings.parse({
      ...base,
      vocabularies: {
        types: {
          reports: {
            label: 'Reports',
            singular: 'Report',
            plural: 'Reports',
            aliases: ['Publication'],
          },
        },
      },
      defaults: { type: 'reports' },
    })
    expect(parsed.vocabularies.types.reports?.aliases).toEqual(['Publication'])
    expect(parsed.defaults).toEqual({ type: 'reports' })
  })
  test('refuses a default that names no entry, with the closest key', () => {
    const result = CatalogueSettings.safeParse({
      ...base,
      vocabularies: { types: { reports: { label: 'Reports' } } },
      defaults: { type: 'report' },
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: ['defaults', 'type'],
      message: '"report" is not in the types vocabulary, did you mean reports?',
    })
  })
})
