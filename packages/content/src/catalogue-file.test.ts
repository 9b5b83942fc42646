import { describe, expect, it } from 'vitest'
import { parseCatalogueFile } from './catalogue-file.ts'
import { CatalogueCompiler } from './compiler.ts'

const GOOD = `schemaVersion: 1
name: Test
baseUrl: https://colophon.example.org
defaultPublisher: Asian Development Bank
language: en
vocabularies:
  types:
    reports:
      label: Reports
`

describe('parseCatalogueFile', () => {
  it('reads valid settings', () => {
    const { settings, problems } = parseCatalogueFile(GOOD, 'catalogue.yaml')
    expect(problems).toEqual([])
    expect(settings?.vocabularies.types.reports?.label).toBe('Reports')
  })

  it('locates each problem in the settings', () => {
    const text = GOOD.replace('schemaVersion: 1', 'schemaVersion: 2')
      .replace('baseUrl: https://', 'baseUrl: ftp://')
      .replace('      label: Reports', '      lable: Reports')
    const problems = parseCatalogueFile(text, 'catalogue.yaml').problems.map(
      ({ line, column, path, message }) => [line, column, path, message],
    )
    expect(problems).toEqual([
      [1, 16, 'schemaVersion', 'expected schemaVersion 1'],
      [3, 10, 'baseUrl', 'expected an absolute http(s) URL, not a ftp: URL'],
      [9, 7, 'vocabularies.types.reports.label', 'required'],
      [9, 7, 'vocabularies.types.reports.lable', 'unknown field, did you mean label?'],
    ])
  })
})

describe('CatalogueCompiler without valid settings', () => {
  it('still reports every report problem, and no vocabulary noise', () => {
    const compiler = new CatalogueCompiler()
    compiler.setCatalogueFile('catalogue.yaml', GOOD.replace('language: en', 'language: 1'))
    compiler.setReportFile(
      'reports/a.md',
      '---\ntitle: A\npublished: 2013-13\ntype: anything\n---\n',
    )
    compiler.setReportFile('reports/b.md', '---\ntitle: B\npublished: 2013\ntype: anything\n---\n')
    const result = compiler.compile()
    expect(result.ok).toBe(false)
    expect(result.problems.map((p) => [p.file, p.path])).toEqual([
      ['catalogue.yaml', 'language'],
      ['reports/a.md', 'published'],
    ])
  })

  it('says when the catalogue file is missing', () => {
    const compiler = new CatalogueCompiler()
    compiler.setReportFile('reports/b.md', '---\ntitle: B\npublished: 2013\ntype: x\n---\n')
    expect(compiler.compile().problems.map((p) => p.message)).toEqual([
      'the catalogue file catalogue.yaml is missing',
    ])
  })
})
