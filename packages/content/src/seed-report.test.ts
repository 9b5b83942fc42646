// The real catalogue's first report, compiled, against the reference typed in from the seed
// page (packages/schema/src/test-support/reference-report.ts), field by field.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CompiledReport, Report } from 'colophon-schema'
import { describe, expect, it } from 'vitest'
import { referenceReport } from '../../schema/src/test-support/reference-report.ts'
import { compile } from './build.ts'
import { parseReportFile } from './report-file.ts'

const dir = fileURLToPath(new URL('../catalogue', import.meta.url))
const result = await compile({ dir })
const compiled = result.output?.files.get('reports/beyond-factory-asia.json')
const report = CompiledReport.parse(JSON.parse((compiled as string | undefined) ?? 'null'))

describe('the real catalogue', () => {
  it('compiles without problems', () => {
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.reportCount).toBe(1)
  })

  it('carries every fact of the seed page, field by field', () => {
    expect(report.slug).toBe(referenceReport.slug)
    expect(report.title).toBe('Beyond Factory Asia: Fuelling Growth in a Changing World')
    expect(report.subtitle).toBe(referenceReport.subtitle)
    expect(report.published).toBe('2013-04')
    expect(report.type).toBe('reports')
    expect(report.identifiers).toEqual({
      isbn: [
        { value: '978-92-9254-047-0', form: 'print' },
        { value: '978-92-9254-048-7', form: 'web' },
      ],
    })
    expect(report.description).toBe(referenceReport.description)
    expect(report.keyFindings).toEqual(referenceReport.keyFindings)
    expect(report.keyFindings).toHaveLength(8)
    expect(report.contents).toEqual(referenceReport.contents)
    expect(report.contents?.map((c) => c.title).at(-1)).toBe('References')
    expect(JSON.stringify(report)).not.toContain('\u00a0')
  })

  it('resolves publisher and language from the catalogue defaults', () => {
    expect(report.publisher).toBe('Asian Development Bank')
    expect(report.language).toBe('en')
  })

  it('renders the two-paragraph overview to HTML', () => {
    expect(report.descriptionHtml).toBe(
      referenceReport.description
        .split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('\n'),
    )
  })

  it('adds nothing the page does not carry', () => {
    const facts = new Set([
      ...Object.keys(referenceReport),
      'publisher',
      'language',
      'descriptionHtml',
      // The record's date of change (from git), not a fact of the page.
      'modified',
    ])
    expect(Object.keys(report).filter((key) => !facts.has(key))).toEqual([])
  })

  it('reads back from its source file as the reference report', () => {
    const file = `${dir}/reports/beyond-factory-asia.md`
    const parsed = parseReportFile(readFileSync(file, 'utf8'), file)
    expect(parsed.report).toEqual(Report.parse(referenceReport))
  })
})
