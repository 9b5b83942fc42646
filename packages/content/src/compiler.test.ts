import { describe, expect, it } from 'vitest'
import { CatalogueCompiler } from './compiler.ts'
import { asTexts } from './test-support.ts'

const SETTINGS = `schemaVersion: 1
name: Test
baseUrl: https://colophon.example.org
defaultPublisher: Asian Development Bank
language: en
vocabularies:
  types:
    reports:
      label: Reports
`
const report = (title: string, isbn: string) =>
  `---\ntitle: ${title}\npublished: 2013\ntype: reports\nidentifiers:\n  isbn:\n    - value: ${isbn}\n      form: print\n---\n`

describe('CatalogueCompiler, compiling again after changes', () => {
  it('rechecks the rules across files whenever what they read changes', () => {
    const compiler = new CatalogueCompiler({ entry: false })
    compiler.setCatalogueFile('catalogue.yaml', SETTINGS)
    compiler.setReportFile('reports/a.md', report('A', '978-92-9254-047-0'))
    compiler.setReportFile('reports/b.md', report('B', '978-92-9254-048-7'))
    expect(compiler.compile().ok).toBe(true)

    // A new title only: still fine (and the rules across files are not run again).
    compiler.setReportFile('reports/b.md', report('B, revised', '978-92-9254-048-7'))
    expect(compiler.compile({ quick: true }).ok).toBe(true)

    // Now b takes a's ISBN: caught, even though only one file changed.
    compiler.setReportFile('reports/b.md', report('B, revised', '978-92-9254-047-0'))
    const clash = compiler.compile({ quick: true })
    expect(clash.ok).toBe(false)
    expect(clash.problems.map((p) => [p.file, p.line, p.column, p.path])).toEqual([
      ['reports/b.md', 7, 14, 'identifiers.isbn[0].value'],
    ])

    // Fixed again.
    compiler.setReportFile('reports/b.md', report('B', '978-92-9254-048-7'))
    expect(compiler.compile().ok).toBe(true)

    // A third file with a's ISBN: caught (the set of files changed).
    compiler.setReportFile('reports/c.md', report('C', '9789292540470'))
    expect(compiler.compile().problems.map((p) => p.file)).toEqual(['reports/c.md'])
    compiler.removeReportFile('reports/c.md')
    expect(compiler.compile().ok).toBe(true)
  })

  it('gives the same output whether a report was changed in place or compiled afresh', () => {
    const changed = new CatalogueCompiler({ entry: false })
    changed.setCatalogueFile('catalogue.yaml', SETTINGS)
    changed.setReportFile('reports/a.md', report('A', '978-92-9254-047-0'))
    changed.compile()
    changed.setReportFile('reports/a.md', report('A2', '978-92-9254-047-0'))
    const afterChange = asTexts(changed.compile().output?.files ?? new Map())

    const fresh = new CatalogueCompiler({ entry: false })
    fresh.setCatalogueFile('catalogue.yaml', SETTINGS)
    fresh.setReportFile('reports/a.md', report('A2', '978-92-9254-047-0'))
    const files = asTexts(fresh.compile().output?.files ?? new Map())
    for (const name of ['index.json', 'reports/a.json', 'vocabularies.json', 'catalogue.json']) {
      expect(afterChange.get(name)).toBe(files.get(name))
    }
  })
})
