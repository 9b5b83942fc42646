import { Report } from 'colophon-schema'
import { describe, expect, it } from 'vitest'
import { generateReports } from './generate.ts'

describe('generateReports', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateReports(50, 9)).toEqual(generateReports(50, 9))
    expect(generateReports(50, 9)).not.toEqual(generateReports(50, 10))
  })

  it('makes valid, varied reports', () => {
    const reports = generateReports(400, 1).map((r) => Report.parse(r.report))
    expect(new Set(reports.map((r) => r.slug)).size).toBe(400)
    expect(new Set(reports.map((r) => r.published.length))).toEqual(new Set([4, 7, 10]))
    expect(reports.some((r) => (r.identifiers?.isbn?.length ?? 0) >= 2)).toBe(true)
    expect(reports.some((r) => r.contents?.some((c) => c.children?.some((d) => d.children)))).toBe(
      true,
    )
    expect(reports.some((r) => r.authors?.some((a) => 'name' in a))).toBe(true)
    expect(reports.some((r) => r.related?.length)).toBe(true)
    const lengths = reports.map((r) => r.description?.length ?? 0)
    expect(Math.max(...lengths)).toBeGreaterThan(4 * Math.min(...lengths))
  })
})
