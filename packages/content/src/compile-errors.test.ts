// One fixture file per kind of error (fixtures/errors/reports/*), all in one catalogue: one
// run must report every problem of every file with its file, line, column, path and message.
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compile } from './build.ts'
import type { ContentProblem } from './problem.ts'

const dir = fileURLToPath(new URL('../fixtures/errors', import.meta.url))
const result = await compile({ dir, displayPath: (file) => relative(dir, file) })

function problemsIn(file: string) {
  return result.problems
    .filter((p) => p.file === file)
    .map(({ file, line, column, path, message }) => ({ file, line, column, path, message }))
}

describe('a catalogue with one of each error', () => {
  it('fails, with every problem of every file in one run, in file order', () => {
    expect(result.ok).toBe(false)
    expect(result.output).toBeUndefined()
    expect(result.problems).toHaveLength(10)
    const files = result.problems.map((p) => p.file)
    expect(files).toEqual([...files].sort())
  })

  it('bad ISBN check digit: points at the value', () => {
    expect(problemsIn('reports/bad-isbn.md')).toEqual([
      {
        file: 'reports/bad-isbn.md',
        line: 9,
        column: 14,
        path: 'identifiers.isbn[1].value',
        message: 'ISBN 978-92-9254-047-1: check digit should be 0',
      },
    ])
  })

  it('missing title: points at the parent (the frontmatter mapping)', () => {
    expect(problemsIn('reports/missing-title.md')).toEqual([
      { file: 'reports/missing-title.md', line: 2, column: 1, path: 'title', message: 'required' },
    ])
  })

  it('bad date', () => {
    expect(problemsIn('reports/bad-date.md')).toEqual([
      {
        file: 'reports/bad-date.md',
        line: 3,
        column: 12,
        path: 'published',
        message: 'date 2013-13: month should be 01 to 12',
      },
    ])
  })

  it('unknown type key, with a suggestion', () => {
    expect(problemsIn('reports/unknown-type.md')).toEqual([
      {
        file: 'reports/unknown-type.md',
        line: 4,
        column: 7,
        path: 'type',
        message: '"report" is not in the types vocabulary, did you mean reports?',
      },
    ])
  })

  it('duplicate slug across two files: names both', () => {
    expect(problemsIn('reports/2013/duplicate.md')).toEqual([])
    const [problem] = result.problems.filter((p) => p.file === 'reports/2014/duplicate.md')
    expect(problem).toEqual({
      file: 'reports/2014/duplicate.md',
      line: 1,
      column: 1,
      path: 'slug',
      message: 'slug "duplicate" is already used (reports/2013/duplicate.md:1:1)',
      code: 'catalogue',
      related: [{ file: 'reports/2013/duplicate.md', line: 1, column: 1 }],
    } satisfies ContentProblem)
  })

  it('same ISBN in two files (in another form): names both, with the other place', () => {
    const [problem] = result.problems.filter((p) => p.file === 'reports/same-isbn.md')
    expect(problem).toEqual({
      file: 'reports/same-isbn.md',
      line: 7,
      column: 14,
      path: 'identifiers.isbn[0].value',
      message: 'ISBN 9789292540470 is already used by "good-report" (reports/good-report.md:7:14)',
      code: 'catalogue',
      related: [{ file: 'reports/good-report.md', line: 7, column: 14 }],
    } satisfies ContentProblem)
    expect(problemsIn('reports/good-report.md')).toEqual([])
  })

  it('broken YAML: the syntax error where the parser found it', () => {
    expect(problemsIn('reports/broken-yaml.md')).toEqual([
      {
        file: 'reports/broken-yaml.md',
        line: 4,
        column: 15,
        path: '',
        message:
          'YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ])
  })

  it('unknown field: points at the key, suggests the field meant', () => {
    expect(problemsIn('reports/unknown-field.md')).toEqual([
      {
        file: 'reports/unknown-field.md',
        line: 2,
        column: 1,
        path: 'titel',
        message: 'unknown field, did you mean title?',
      },
      { file: 'reports/unknown-field.md', line: 2, column: 1, path: 'title', message: 'required' },
    ])
  })

  it('dangling related link, with a suggestion', () => {
    expect(problemsIn('reports/dangling-related.md')).toEqual([
      {
        file: 'reports/dangling-related.md',
        line: 6,
        column: 5,
        path: 'related[0]',
        message: 'no report with slug "good-reprot", did you mean good-report?',
      },
    ])
  })
})
