import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Report } from 'colophon-schema'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { generateReports } from './generate.ts'
import { parseReportFile, serializeReportFile } from './report-file.ts'

const seedFile = fileURLToPath(
  new URL('../catalogue/reports/beyond-factory-asia.md', import.meta.url),
)
const seedText = readFileSync(seedFile, 'utf8')

function problems(text: string, file = 'reports/x.md') {
  return parseReportFile(text, file).problems.map(({ line, column, path, message }) => ({
    line,
    column,
    path,
    message,
  }))
}

describe('parseReportFile', () => {
  it('takes the slug from the file name and the overview from the body', () => {
    const { report, problems } = parseReportFile(
      '---\ntitle: T\npublished: 2013-04\ntype: reports\n---\n\nOverview.\n',
      'catalogue/reports/my-report.md',
    )
    expect(problems).toEqual([])
    expect(report).toEqual({
      slug: 'my-report',
      title: 'T',
      published: '2013-04',
      type: 'reports',
      description: 'Overview.',
    })
  })

  it('reads a plain year, a series number and a numeric title as the text written', () => {
    const { report, problems } = parseReportFile(
      '---\ntitle: 1984\npublished: 2013\ntype: reports\nseries:\n  key: s\n  number: 07\n---\n',
      'reports/x.md',
    )
    expect(problems).toEqual([])
    expect(report?.published).toBe('2013')
    expect(report?.title).toBe('1984')
    expect(report?.series).toEqual({ key: 's', number: '07' })
  })

  it('still rejects numbers where the schema wants numbers, and quoted non-dates', () => {
    expect(problems('---\ntitle: T\npublished: "13"\ntype: reports\npages: ten\n---\n')).toEqual([
      {
        line: 3,
        column: 12,
        path: 'published',
        message: 'date 13: expected YYYY, YYYY-MM or YYYY-MM-DD',
      },
      { line: 5, column: 8, path: 'pages', message: 'expected a number, found text "ten"' },
    ])
  })

  it('locates problems deep in the contents tree', () => {
    const text = [
      '---',
      'title: T',
      'published: 2013-04',
      'type: reports',
      'contents:',
      '  - title: One',
      '  - title: Two',
      '  - title: Three',
      '    children:',
      '      - page: 3',
      '      - title: "  "',
      '---',
    ].join('\n')
    expect(problems(text)).toEqual([
      { line: 10, column: 9, path: 'contents[2].children[0].title', message: 'required' },
      { line: 11, column: 16, path: 'contents[2].children[1].title', message: 'must not be empty' },
    ])
  })

  it('points a missing nested field at its parent, and an empty value at its key', () => {
    const text =
      '---\ntitle:\npublished: 2013-04\ntype: reports\nidentifiers:\n  isbn:\n    - form: print\n---\n'
    expect(problems(text)).toEqual([
      { line: 2, column: 1, path: 'title', message: 'expected text, found null' },
      { line: 7, column: 7, path: 'identifiers.isbn[0].value', message: 'required' },
    ])
  })

  it('rejects a slug that does not match the file name', () => {
    expect(problems('---\nslug: other\ntitle: T\npublished: 2013\ntype: reports\n---\n')).toEqual([
      {
        line: 2,
        column: 7,
        path: 'slug',
        message:
          'slug "other" does not match the file name x.md: rename one of them (or drop the slug: the file name is the slug)',
      },
    ])
  })

  it('rejects a file name that is not a slug', () => {
    expect(
      problems('---\ntitle: T\npublished: 2013\ntype: reports\n---\n', 'reports/My Report.md'),
    ).toEqual([
      {
        line: 1,
        column: 1,
        path: 'slug',
        message:
          'file name: slug "My Report": use lowercase letters, digits and single hyphens, e.g. "my-report"',
      },
    ])
  })

  it('rejects an overview written twice', () => {
    expect(
      problems('---\ntitle: T\npublished: 2013\ntype: reports\ndescription: A\n---\nB\n'),
    ).toEqual([
      {
        line: 5,
        column: 1,
        path: 'description',
        message:
          'the overview is written twice, in the frontmatter and as the Markdown body: keep one',
      },
    ])
  })

  it('explains a file without frontmatter, or with an unclosed one', () => {
    expect(problems('# Title\n')).toEqual([
      {
        line: 1,
        column: 1,
        path: '',
        message: 'expected YAML frontmatter: the file must start with a line "---"',
      },
    ])
    expect(problems('---\ntitle: T\n')).toEqual([
      {
        line: 1,
        column: 1,
        path: '',
        message: 'the frontmatter is not closed: add a line "---" after it',
      },
    ])
  })

  it('reports duplicate keys as YAML errors at the second key', () => {
    expect(problems('---\ntitle: A\ntitle: B\npublished: 2013\ntype: reports\n---\n')).toEqual([
      { line: 3, column: 1, path: '', message: 'YAML: Map keys must be unique' },
    ])
  })

  it('counts lines in files with CRLF line ends', () => {
    const text = '---\r\ntitle: T\r\npublished: 2013-14\r\ntype: reports\r\n---\r\n'
    expect(problems(text)).toEqual([
      { line: 3, column: 12, path: 'published', message: 'date 2013-14: month should be 01 to 12' },
    ])
  })
})

describe('serializeReportFile', () => {
  it('writes the seed report so that it reads back the same', () => {
    const seed = parseReportFile(seedText, seedFile).report as Report
    const text = serializeReportFile(seed)
    expect(text.startsWith('---\ntitle: ')).toBe(true)
    expect(text).not.toContain('slug:')
    expect(parseReportFile(text, seedFile).report).toEqual(seed)
  })

  it('round-trips 100 varied synthetic reports, fast path and slow path agreeing', () => {
    for (const { slug, report } of generateReports(100, 7)) {
      const text = serializeReportFile(report)
      const parsed = parseReportFile(text, `reports/${slug}.md`)
      expect(parsed.problems).toEqual([])
      expect(parsed.report).toEqual(Report.parse(report))
      // The positions parser (yaml) reads the same value as the fast one (js-yaml).
      const frontmatter = text.slice(4, text.indexOf('\n---\n') + 1)
      const slow = parseDocument(frontmatter).toJS()
      for (const [key, value] of Object.entries(slow)) {
        if (typeof value !== 'number' || key === 'edition' || key === 'pages') {
          expect(parsed.report?.[key as keyof Report]).toEqual(value)
        }
      }
    }
  })
})
