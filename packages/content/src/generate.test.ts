import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { normalizeIsbn, Report } from 'colophon-schema'
import { describe, expect, it } from 'vitest'
import { compile } from './build.ts'
import { main } from './cli/main.ts'
import { generateReports } from './generate.ts'
import { englishWords, random, zipf } from './generate-text.ts'
import { tokenize } from './search/tokenize.ts'
import { tempDir } from './test-support.ts'

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

  it('gives every identifier kind, valid and unique: ISBN-13 and ISBN-10, ISSN, DOI, stock number', () => {
    const reports = generateReports(2_000, 5).map((r) => Report.parse(r.report))
    const isbns = reports.flatMap((r) => r.identifiers?.isbn ?? []).map((i) => i.value)
    expect(isbns.some((v) => v.replace(/-/g, '').length === 10)).toBe(true)
    expect(isbns.some((v) => v.replace(/-/g, '').length === 13)).toBe(true)
    expect(new Set(isbns.map(normalizeIsbn)).size).toBe(isbns.length)
    const dois = reports.flatMap((r) => (r.identifiers?.doi ? [r.identifiers.doi] : []))
    expect(dois.length).toBeGreaterThan(100)
    expect(new Set(dois).size).toBe(dois.length)
    expect(reports.some((r) => r.identifiers?.issn?.length)).toBe(true)
    expect(reports.some((r) => r.identifiers?.stockNumber)).toBe(true)
  })

  it('draws its text from a Zipf distribution: common words hit most reports, most words few', () => {
    const reports = generateReports(1_000, 42)
    const df = new Map<string, number>()
    for (const { report } of reports) {
      const text = [report.title, report.summary, report.description, ...(report.keyFindings ?? [])]
      for (const word of new Set(tokenize(text.join(' ')).words))
        df.set(word, (df.get(word) ?? 0) + 1)
    }
    const counts = [...df.values()].sort((a, b) => b - a)
    expect(df.size).toBeGreaterThan(5_000)
    expect(counts[0]).toBeGreaterThan(900) // "the"
    const median = counts[Math.floor(counts.length / 2)] as number
    expect(median).toBeLessThanOrEqual(5)
    // Reports a typical word (rank 1,000) hits: a few percent, not half the catalogue.
    expect(counts[1_000]).toBeLessThan(100)
  })
})

describe('zipf', () => {
  it('samples rank r about 1/(r + q) as often as rank 0 scaled', () => {
    const r = random(3)
    const sample = zipf(englishWords().length)
    const hits = new Uint32Array(10)
    for (let i = 0; i < 100_000; i++) {
      const rank = sample(r.next())
      if (rank < 10) hits[rank] = (hits[rank] as number) + 1
    }
    // P(0) / P(9) = (9 + 2.7) / 2.7 ≈ 4.3
    const ratio = (hits[0] as number) / (hits[9] as number)
    expect(ratio).toBeGreaterThan(3.5)
    expect(ratio).toBeLessThan(5.2)
  })
})

describe('colophon generate', () => {
  const run = async (args: string[], cwd: string) => {
    let stdout = ''
    let stderr = ''
    const code = await main(args, {
      cwd,
      stdout: {
        write(t: string) {
          stdout += t
        },
      },
      stderr: {
        write(t: string) {
          stderr += t
        },
      },
    })
    return { code, stdout, stderr }
  }

  it('writes a catalogue that compiles, the same for the same seed', async () => {
    const temp = await tempDir()
    try {
      const a = await run(['generate', '--count', '25', '--seed', '3', '--out', 'a'], temp.path)
      expect(a).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/generated 25 reports \(seed 3\)/),
      })
      await run(['generate', '--count', '25', '--seed', '3', '--out', 'b'], temp.path)
      const names = await readdir(join(temp.path, 'a', 'reports'))
      expect(names).toHaveLength(25)
      expect(await readdir(join(temp.path, 'b', 'reports'))).toEqual(names)
      const result = await compile({ dir: join(temp.path, 'a') })
      expect(result.problems).toEqual([])
      expect(result.ok).toBe(true)
      // Nothing left beside the target.
      expect((await readdir(temp.path)).sort()).toEqual(['a', 'b'])
    } finally {
      await temp.dispose()
    }
  })

  it('refuses a folder that is not empty, and bad numbers', async () => {
    const temp = await tempDir()
    try {
      await writeFile(join(temp.path, 'keep.md'), 'mine')
      const full = await run(['generate', '--count', '5', '--out', '.'], temp.path)
      expect(full.code).toBe(1)
      expect(full.stderr).toMatch(/exists and is not empty/)
      expect(await readdir(temp.path)).toEqual(['keep.md'])
      const bad = await run(['generate', '--count', 'ten', '--out', 'x'], temp.path)
      expect(bad.code).toBe(2)
      expect(bad.stderr).toMatch(/--count: expected a whole number/)
      expect((await run(['generate', '--out', 'x'], temp.path)).stderr).toMatch(
        /--count is required/,
      )
    } finally {
      await temp.dispose()
    }
  })
})
