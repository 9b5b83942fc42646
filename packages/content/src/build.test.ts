import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build, compile, loadCatalogue, writeOutputAtomic } from './build.ts'
import { generateCatalogue } from './generate.ts'
import { readCompiledCatalogue } from './read-catalogue.ts'
import {
  asTexts,
  copyCatalogue,
  ERROR_FIXTURES,
  REAL_CATALOGUE,
  readTree,
  tempDir,
} from './test-support.ts'

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

describe('atomic output', () => {
  it('a failed compile writes nothing and leaves the previous output intact', async () => {
    const dir = await copyCatalogue(REAL_CATALOGUE, join(temp.path, 'catalogue'))
    const out = join(temp.path, 'dist', 'catalogue')
    expect((await build({ dir, out })).ok).toBe(true)
    const before = await readTree(out)

    // Break the catalogue: one bad report among good ones.
    await copyCatalogue(
      join(ERROR_FIXTURES, 'reports', 'bad-isbn.md'),
      join(dir, 'reports', 'bad-isbn.md'),
    )
    const failed = await build({ dir, out })
    expect(failed.ok).toBe(false)
    expect(failed.problems.map((p) => p.path)).toEqual(['identifiers.isbn[1].value'])
    expect(await readTree(out)).toEqual(before)
    // No temporary folder is left beside the output either (the cache is kept there).
    expect(await readdir(join(temp.path, 'dist'))).toEqual(['.catalogue.cache', 'catalogue'])
  })

  it('a failed compile with no previous output creates nothing', async () => {
    const out = join(temp.path, 'dist', 'catalogue')
    expect((await build({ dir: ERROR_FIXTURES, out })).ok).toBe(false)
    await expect(readdir(join(temp.path, 'dist'))).rejects.toThrow(/ENOENT/)
  })

  it('a write that fails midway removes its temporary folder and keeps the old output', async () => {
    const out = join(temp.path, 'out')
    await writeOutputAtomic(out, new Map([['a.json', '1']]))
    // A file name that cannot be written (a folder is in the way) fails the second write.
    const files = new Map([
      ['b.json', '2'],
      ['b.json/c.json', '3'],
    ])
    await expect(writeOutputAtomic(out, files)).rejects.toThrow()
    expect(await readTree(out)).toEqual(new Map([['a.json', '1']]))
    expect(await readdir(temp.path)).toEqual(['out'])
  })

  it('replaces the whole output: files of removed reports disappear', async () => {
    const out = join(temp.path, 'out')
    await mkdir(out, { recursive: true })
    await writeFile(join(out, 'stale.json'), '{}')
    expect((await build({ dir: REAL_CATALOGUE, out })).ok).toBe(true)
    expect((await readdir(out)).includes('stale.json')).toBe(false)
    expect(await readdir(join(out, 'reports'))).toEqual(['beyond-factory-asia.json'])
  })
})

describe('determinism', () => {
  it('the same input gives byte-identical output, wherever it is built', async () => {
    const a = join(temp.path, 'a')
    const b = join(temp.path, 'b')
    await generateCatalogue(a, { count: 120, seed: 3 })
    await generateCatalogue(b, { count: 120, seed: 3 })
    const resultA = await build({ dir: a, out: join(a, 'out') })
    const resultB = await build({ dir: b, out: join(b, 'out') })
    expect(resultA.ok && resultB.ok).toBe(true)
    const treeA = await readTree(join(a, 'out'))
    // 120 report files and the pieces the manifest names, the manifest and the typed entry.
    const manifest = JSON.parse(treeA.get('manifest.json') as string)
    expect(treeA.size).toBe(120 + Object.keys(manifest.pieces).length + 3)
    expect(await readTree(join(b, 'out'))).toEqual(treeA)
    // And again, over the previous output.
    await build({ dir: a, out: join(a, 'out') })
    expect(await readTree(join(a, 'out'))).toEqual(treeA)
  })

  it('the same output whether files are parsed on worker threads or not', async () => {
    const dir = join(temp.path, 'c')
    await generateCatalogue(dir, { count: 600, seed: 8 })
    const one = await build({ dir, out: join(temp.path, 'one'), threads: 1 })
    const two = await build({ dir, out: join(temp.path, 'two'), threads: 2 })
    expect(one.ok && two.ok).toBe(true)
    expect(await readTree(join(temp.path, 'two'))).toEqual(await readTree(join(temp.path, 'one')))
  }, 120_000)

  it('a build (compiled once, written as it is emitted) gives the files a watching compiler keeps', async () => {
    const dir = join(temp.path, 'c')
    await generateCatalogue(dir, { count: 450, seed: 9 })
    const out = join(temp.path, 'out')
    expect((await build({ dir, out, threads: 1, cache: false })).ok).toBe(true)
    // loadCatalogue is what watch mode compiles with: texts, JSON and emit state kept.
    const kept = (await loadCatalogue({ dir, threads: 1 })).compile()
    const files = asTexts(kept.output?.files ?? new Map())
    const built = await readTree(out)
    expect([...built.keys()].sort()).toEqual([...files.keys()].sort())
    for (const [name, text] of built) {
      const expected = files.get(name) as string
      expect(
        expected.startsWith('bytes ')
          ? `bytes ${Buffer.from(await readFile(join(out, name))).toString('base64')}`
          : text,
        name,
      ).toBe(expected)
    }
  }, 120_000)

  it('workers report problems with positions too', async () => {
    const dir = await copyCatalogue(ERROR_FIXTURES, join(temp.path, 'errors'))
    const display = (file: string) => file.slice(dir.length + 1)
    const one = await compile({ dir, displayPath: display, threads: 1 })
    const two = await compile({ dir, displayPath: display, threads: 2 })
    expect(two.problems).toEqual(one.problems)
    expect(two.problems).toHaveLength(10)
  })

  it('a different seed gives a different catalogue (the comparison can fail)', async () => {
    await generateCatalogue(join(temp.path, 'a'), { count: 20, seed: 1 })
    await generateCatalogue(join(temp.path, 'b'), { count: 20, seed: 2 })
    const a = await build({ dir: join(temp.path, 'a'), out: join(temp.path, 'oa') })
    const b = await build({ dir: join(temp.path, 'b'), out: join(temp.path, 'ob') })
    expect(a.output?.manifest.contentHash).not.toBe(b.output?.manifest.contentHash)
  })
})

describe('output', () => {
  it('writes the files of the contract, with a hash per file in the manifest', async () => {
    const out = join(temp.path, 'out')
    await generateCatalogue(join(temp.path, 'c'), { count: 30, seed: 5 })
    const result = await build({ dir: join(temp.path, 'c'), out })
    const catalogue = readCompiledCatalogue(out)
    expect(catalogue.manifest.reportCount).toBe(30)
    expect(catalogue.manifest.format).toBe(2)
    const names = Object.keys(catalogue.manifest.pieces)
    for (const name of [
      'catalogue.json',
      'vocabularies.json',
      'summaries/0.json',
      'report-blocks/0.json',
      'slugs/0.json',
      'identifiers/0.json',
    ])
      expect(names).toContain(name)
    const { createHash } = await import('node:crypto')
    for (const [name, hash] of Object.entries(catalogue.manifest.pieces)) {
      const bytes = await readFile(join(out, name))
      expect(createHash('sha256').update(bytes).digest('base64url').slice(0, 22)).toBe(hash)
    }
    // Each report's own file, for integrators, hashes to the ETag its summary block carries.
    for (const { slug } of catalogue.summaries) {
      const text = await readFile(join(out, 'reports', `${slug}.json`), 'utf8')
      expect(createHash('sha256').update(text).digest('base64url')).toBe(catalogue.reportHash(slug))
      expect(JSON.parse(text)).toEqual(catalogue.report(slug))
    }
    // Summaries newest first, then by slug.
    const keys = catalogue.summaries.map((s) => `${s.published}|${s.slug}`)
    const sorted = [...catalogue.summaries]
      .sort((x, y) =>
        x.published === y.published
          ? x.slug < y.slug
            ? -1
            : 1
          : x.published < y.published
            ? 1
            : -1,
      )
      .map((s) => `${s.published}|${s.slug}`)
    expect(keys).toEqual(sorted)
    // Vocabulary counts add up.
    expect(catalogue.vocabularies.types.reduce((n, t) => n + t.count, 0)).toBe(30)
    expect(catalogue.vocabularies.years.reduce((n, y) => n + y.count, 0)).toBe(30)
    expect(result.output?.manifest).toEqual(catalogue.manifest)
  })
})
