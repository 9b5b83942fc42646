import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from './build.ts'
import { cacheDir, readBuildCache } from './build-cache.ts'
import { generateCatalogue } from './generate.ts'
import { readTree, tempDir } from './test-support.ts'

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

describe('the build cache', () => {
  it('writes nothing when nothing changed, and says so', async () => {
    const dir = join(temp.path, 'c')
    const out = join(temp.path, 'out')
    await generateCatalogue(dir, { count: 40, seed: 2 })
    const first = await build({ dir, out })
    expect(first.ok && !first.upToDate).toBe(true)
    const before = await stat(join(out, 'manifest.json'))
    const again = await build({ dir, out })
    expect(again).toMatchObject({ ok: true, upToDate: true, reportCount: 40 })
    expect(again.contentHash).toBe(first.contentHash)
    // The output folder was not swapped: the same manifest file, not a copy.
    expect((await stat(join(out, 'manifest.json'))).ino).toBe(before.ino)
  })

  it('after one changed file, gives byte for byte what a build without the cache gives', async () => {
    const dir = join(temp.path, 'c')
    const out = join(temp.path, 'out')
    await generateCatalogue(dir, { count: 40, seed: 2 })
    await build({ dir, out })
    const cached = await readBuildCache(out)
    expect(cached.parsed.size).toBe(40)
    const file = join(
      dir,
      'reports',
      (await import('node:fs')).readdirSync(join(dir, 'reports'))[3] as string,
    )
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace(/^title: .*$/m, 'title: Changed Since The Last Build'))
    const changed = await build({ dir, out })
    expect(changed.ok && !changed.upToDate).toBe(true)
    const fresh = join(temp.path, 'fresh')
    await build({ dir, out: fresh, cache: false })
    expect(await readTree(out)).toEqual(await readTree(fresh))
    expect(JSON.stringify([...(await readTree(out)).values()])).toContain(
      'Changed Since The Last Build',
    )
  })

  it('builds again when the output was removed or changed, even with the same inputs', async () => {
    const dir = join(temp.path, 'c')
    const out = join(temp.path, 'out')
    await generateCatalogue(dir, { count: 10, seed: 4 })
    await build({ dir, out })
    await rm(out, { recursive: true })
    const rebuilt = await build({ dir, out })
    expect(rebuilt.upToDate).toBeUndefined()
    expect((await readTree(out)).has('manifest.json')).toBe(true)
    expect(cacheDir(out)).toBe(join(temp.path, '.out.cache'))
  })

  it('does not cache a file with a problem: it is reported again', async () => {
    const dir = join(temp.path, 'c')
    const out = join(temp.path, 'out')
    await generateCatalogue(dir, { count: 10, seed: 4 })
    await build({ dir, out })
    await writeFile(
      join(dir, 'reports', 'broken.md'),
      '---\ntitle: Broken\npublished: 2020\ntype: nope\n---\n',
    )
    expect((await build({ dir, out })).ok).toBe(false)
    const again = await build({ dir, out })
    expect(again.ok).toBe(false)
    expect(again.problems.map((p) => [p.file.endsWith('broken.md'), p.path])).toEqual([
      [true, 'type'],
    ])
  })
})
