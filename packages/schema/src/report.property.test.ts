// Property-based tests: generated valid reports parse unchanged and survive JSON; each
// mutation breaks exactly one rule and is rejected with the path of the broken field.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { Catalogue } from './catalogue.ts'
import { explainIssues, type PathSegment } from './problems.ts'
import { Report, type ReportInput } from './report.ts'
import {
  type ContentsInput,
  completeReport,
  isbn10Check,
  isbnKey,
  report as reportArb,
} from './test-support/arbitraries.ts'

const runs = { numRuns: 200 }

describe('valid reports', () => {
  test('every generated report parses, unchanged', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        expect(Report.parse(report)).toEqual(report)
      }),
      runs,
    )
  })

  test('every parsed report survives JSON.stringify, JSON.parse and parse unchanged', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const parsed = Report.parse(report)
        const again = Report.parse(JSON.parse(JSON.stringify(parsed)))
        expect(again).toEqual(parsed)
        expect(JSON.stringify(again)).toBe(JSON.stringify(parsed))
      }),
      runs,
    )
  })
})

// biome-ignore lint/suspicious/noExplicitAny: mutations edit generated JSON-like data freely
type Data = Record<string, any>
type Mutation = (report: Data, pick: number) => PathSegment[]

/** The item of `list` that `pick` chooses, and its index. */
function at<T>(list: readonly T[], pick: number): [T, number] {
  const index = pick % list.length
  return [list[index] as T, index]
}

function entryPaths(entries: ContentsInput[], prefix: PathSegment[]): PathSegment[][] {
  return entries.flatMap((entry, i) => {
    const path = [...prefix, i]
    return [path, ...entryPaths(entry.children ?? [], [...path, 'children'])]
  })
}

function get(root: Data, path: readonly PathSegment[]): Data {
  return path.reduce<Data>((value, key) => value[key], root)
}

const compact = (isbn: string) => isbn.replace(/[^0-9Xx]/g, '').toUpperCase()

/** Each mutation breaks one rule of a complete report and returns the broken field's path. */
const mutations: Record<string, Mutation> = {
  'ISBN with a wrong check digit': (r, pick) => {
    const [entry, i] = at<Data>(r.identifiers.isbn, pick)
    const value: string = entry.value
    const last = compact(value).at(-1)
    const wrong = String((Number(last === 'X' ? 0 : last) + 1 + (pick % 9)) % 10)
    entry.value = value.slice(0, -1) + (wrong === last ? String((Number(wrong) + 1) % 10) : wrong)
    return ['identifiers', 'isbn', i, 'value']
  },
  'the same ISBN listed twice, in another notation': (r, pick) => {
    const [entry] = at<Data>(r.identifiers.isbn, pick)
    const digits = compact(entry.value)
    let other: string
    if (digits.length === 13 && digits.startsWith('978')) {
      const first9 = [...digits.slice(3, 12)].map(Number)
      other = first9.join('') + isbn10Check(first9) // its ISBN-10
    } else {
      other = digits === entry.value ? `${digits.slice(0, 3)}-${digits.slice(3)}` : digits
    }
    r.identifiers.isbn.push({ value: other, form: 'pdf' })
    return ['identifiers', 'isbn', r.identifiers.isbn.length - 1, 'value']
  },
  'an empty title deep in the contents': (r, pick) => {
    const [path] = at(entryPaths(r.contents, ['contents']), pick)
    get(r, path).title = pick % 2 ? '' : ' \t'
    return [...path, 'title']
  },
  'a page 0 in the contents': (r, pick) => {
    const [path] = at(entryPaths(r.contents, ['contents']), pick)
    get(r, path).page = 0
    return [...path, 'page']
  },
  'an impossible date': (r, pick) => {
    const year = r.published.slice(0, 4)
    r.published = at(
      [`${year}-02-30`, `${year}-13`, `${year}-04-31`, `${year}-00`, `${year}-06-00`],
      pick,
    )[0]
    return ['published']
  },
  'an unknown field': (r, pick) => {
    const targets: PathSegment[][] = [
      [],
      ['identifiers'],
      ['series'],
      ['price'],
      ['source'],
      ...entryPaths(r.contents, ['contents']),
      ...r.authors.map((_: unknown, i: number) => ['authors', i]),
      ...r.files.map((_: unknown, i: number) => ['files', i]),
    ]
    const [target] = at(targets, pick)
    const [key] = at(['titel', 'colour', 'isnb', 'pgae', 'nmae', 'ISBN'], pick)
    get(r, target)[key] = 'x'
    return [...target, key]
  },
  'a country that is not ISO 3166-1': (r, pick) => {
    r.countries.push(at(['XX', 'UK', 'ph', 'PHL', 'eu'], pick)[0])
    return ['countries', r.countries.length - 1]
  },
  'a topic listed twice': (r, pick) => {
    r.topics.push(at(r.topics, pick)[0])
    return ['topics', r.topics.length - 1]
  },
  'a javascript: URL for a file': (r, pick) => {
    const [file, i] = at<Data>(r.files, pick)
    file.url = 'javascript:alert(1)'
    return ['files', i, 'url']
  },
  'an ORCID with a wrong check digit': (r, pick) => {
    const [, i] = at(r.authors, pick)
    r.authors[i] = { family: 'Carberry', orcid: '0000-0002-1825-0098' }
    return ['authors', i, 'orcid']
  },
  'a slug with capitals and spaces': (r) => {
    r.slug = `${r.slug.toUpperCase()} Report`
    return ['slug']
  },
  'a report superseding itself': (r) => {
    r.supersedes = r.slug
    return ['supersedes']
  },
  'an empty key finding': (r, pick) => {
    const [, i] = at(r.keyFindings, pick)
    r.keyFindings[i] = '   '
    return ['keyFindings', i]
  },
  'a language name instead of a BCP 47 tag': (r, pick) => {
    r.language = at(['english', 'en_GB', 'French', 'e'], pick)[0]
    return ['language']
  },
  'a translation with neither slug nor url': (r, pick) => {
    const [translation, i] = at<Data>(r.translations, pick)
    r.translations[i] = { language: translation.language }
    return ['translations', i]
  },
  'a person without a family name': (r, pick) => {
    const [, i] = at(r.authors, pick)
    r.authors[i] = { given: 'Haruhiko' }
    return ['authors', i, 'family']
  },
}

describe('mutations that break one rule are rejected at the broken field', () => {
  for (const [name, mutate] of Object.entries(mutations)) {
    test(name, () => {
      fc.assert(
        fc.property(completeReport, fc.nat(), (report, pick) => {
          const data = structuredClone(report) as Data
          const path = mutate(data, pick)
          const result = Report.safeParse(data)
          expect(result.success).toBe(false)
          const problems = explainIssues(result.error as never, data)
          expect(problems.map((p) => p.path)).toEqual([path])
          for (const problem of problems) expect(problem.message).not.toMatch(/Invalid input/)
        }),
        { numRuns: 100 },
      )
    })
  }
})

describe('catalogues', () => {
  // Generated reports link to slugs outside the catalogue ("other-…"); drop those links, and
  // keep catalogues whose reports share no ISBN or DOI.
  const standalone = reportArb.map((r) => {
    const { related, supersedes, translations, ...rest } = r
    return rest as ReportInput
  })
  const reports = fc
    .uniqueArray(standalone, { minLength: 2, maxLength: 5, selector: (r) => r.slug })
    .filter((list) => {
      const isbns = list.flatMap((r) => r.identifiers?.isbn?.map((e) => isbnKey(e.value)) ?? [])
      const dois = list.flatMap((r) =>
        r.identifiers?.doi ? [r.identifiers.doi.toLowerCase()] : [],
      )
      return new Set(isbns).size === isbns.length && new Set(dois).size === dois.length
    })
  const catalogue = reports.map((list) => {
    const vocabulary = (keys: (string | undefined)[]) =>
      Object.fromEntries(keys.flatMap((k) => (k ? [[k, { label: k.toUpperCase() }]] : [])))
    return {
      schemaVersion: 1,
      name: 'Generated',
      baseUrl: 'https://reports.example.org',
      defaultPublisher: 'Asian Development Bank',
      language: 'en',
      vocabularies: {
        types: vocabulary(list.map((r) => r.type)),
        series: vocabulary(list.map((r) => r.series?.key)),
        topics: vocabulary(list.flatMap((r) => r.topics ?? [])),
      },
      reports: list,
    }
  })

  test('every generated catalogue parses unchanged', () => {
    fc.assert(
      fc.property(catalogue, (c) => {
        expect(Catalogue.parse(c)).toEqual(c)
      }),
      { numRuns: 50 },
    )
  })

  const crossMutations: Record<string, (c: Data, pick: number) => PathSegment[]> = {
    'a slug used twice': (c, pick) => {
      const j = 1 + (pick % (c.reports.length - 1))
      c.reports[j].slug = c.reports[0].slug
      return ['reports', j, 'slug']
    },
    'a type missing from the vocabulary': (c, pick) => {
      const [report, j] = at<Data>(c.reports, pick)
      report.type = 'not-a-type'
      return ['reports', j, 'type']
    },
    'a related report that does not exist': (c, pick) => {
      const [report, j] = at<Data>(c.reports, pick)
      report.related = ['no-such-report']
      return ['reports', j, 'related', 0]
    },
    'an ISBN used by two reports': (c) => {
      const isbn = { value: '978-92-9254-047-0', form: 'print' }
      const last = c.reports.length - 1
      c.reports[0].identifiers = { isbn: [isbn] }
      c.reports[last].identifiers = { isbn: [{ ...isbn, value: '92-9254-047-5' }] }
      return ['reports', last, 'identifiers', 'isbn', 0, 'value']
    },
  }

  for (const [name, mutate] of Object.entries(crossMutations)) {
    test(`rejected across reports: ${name}`, () => {
      fc.assert(
        fc.property(catalogue, fc.nat(), (c, pick) => {
          const data = structuredClone(c) as Data
          const path = mutate(data, pick)
          const result = Catalogue.safeParse(data)
          expect(result.success).toBe(false)
          expect(explainIssues(result.error as never, data).map((p) => p.path)).toEqual([path])
        }),
        { numRuns: 50 },
      )
    })
  }
})
