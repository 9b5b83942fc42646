import { readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from './build.ts'
import { cacheDir, readBuildCache, statStamp } from './build-cache.ts'
import { generateCatalogue } from './generate.ts'
import { readTree, tempDir } from './test-support.ts'

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

/** Waits until every file under `dir/reports` last changed over a second ago (see statStamp). */
async function untilSettled(dir: string): Promise<void> {
  const names = await readdir(join(dir, 'reports'))
  for (;;) {
    const times = await Promise.all(
      names.map(async (n) => (await stat(join(dir, 'reports', n))).ctimeMs),
    )
    if (Date.now() - Math.max(...times) > 1100) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('the build cache', () => {
  it('sees that nothing changed from the files metadata alone, and a same-size edit all the same', async () => {
    const dir = join(temp.path, 'c')
    const out = join(temp.path, 'out')
    await generateCatalogue(dir, { count: 20, seed: 5 })
    await untilSettled(dir)
    const first = await build({ dir, out })
    expect(first.ok && !first.upToDate).toBe(true)
    const again = await build({ dir, out })
    expect(again).toMatchObject({ ok: true, upToDate: true, upToDateBy: 'metadata' })
    // Same size, same time of modification: only the time of change (ctime) tells.
    const name = (await readdir(join(dir, 'reports')))[2] as string
    const file = join(dir, 'reports', name)
    const text = await readFile(file, 'utf8')
    const title = /^title: (.*)$/m.exec(text)?.[1] as string
    const before = await stat(file)
    await writeFile(file, text.replace(title, 'X'.repeat(title.length)))
    await utimes(file, before.atime, before.mtime)
    const edited = await build({ dir, out })
    expect(edited.ok && !edited.upToDate).toBe(true)
    expect(JSON.stringify([...(await readTree(out)).values()])).toContain('X'.repeat(title.length))
  })

  it('stamps no file that just changed, nor a link', async () => {
    const dir = join(temp.path, 'c')
    await generateCatalogue(dir, { count: 3, seed: 6 })
    const names = (await readdir(join(dir, 'reports'))).map((n) => join(dir, 'reports', n))
    const now = BigInt(Date.now()) * 1_000_000n
    expect(statStamp(names, now)).toBeUndefined()
    const later = now + 5_000_000_000n
    expect(statStamp(names, later)).toMatch(/^[\w-]{43}$/)
    const link = join(dir, 'reports', 'link.md')
    await symlink(names[0] as string, link)
    expect(statStamp([...names, link], later)).toBeUndefined()
    expect(statStamp([...names, join(dir, 'gone.md')], later)).toBeUndefined()
  })

  it('a build up to date by the files texts keeps their new stamp for next time', async () => {
    const dir = join(temp.path, 'c')
    const out = join(temp.path, 'out')
    await generateCatalogue(dir, { count: 5, seed: 7 })
    await build({ dir, out })
    await untilSettled(dir)
    expect(await build({ dir, out })).toMatchObject({ upToDate: true, upToDateBy: 'text' })
    expect(await build({ dir, out })).toMatchObject({ upToDate: true, upToDateBy: 'metadata' })
  })

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

  it('reads only the files whose metadata changed, and gives what a build without the cache gives', async () => {
    const dir = join(temp.path, 'c')
    const out = join(temp.path, 'out')
    await generateCatalogue(dir, { count: 30, seed: 9 })
    await untilSettled(dir)
    expect(await build({ dir, out })).toMatchObject({ ok: true, filesRead: 30 })
    const names = await readdir(join(dir, 'reports'))
    const file = join(dir, 'reports', names[7] as string)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace(/^title: .*$/m, 'title: Read Again By Its Metadata'))
    const changed = await build({ dir, out })
    expect(changed).toMatchObject({ ok: true, filesRead: 1 })
    const fresh = join(temp.path, 'fresh')
    await build({ dir, out: fresh, cache: false })
    expect(await readTree(out)).toEqual(await readTree(fresh))
    expect(JSON.stringify([...(await readTree(out)).values()])).toContain(
      'Read Again By Its Metadata',
    )
    // A removed file is gone from the output, though nothing was read to see it.
    await rm(join(dir, 'reports', names[0] as string))
    await untilSettled(dir)
    const removed = await build({ dir, out })
    expect(removed).toMatchObject({ ok: true, reportCount: 29, filesRead: 1 })
    await build({ dir, out: fresh, cache: false })
    expect(await readTree(out)).toEqual(await readTree(fresh))
    // Known by their metadata but with no parse to reuse (the parses are lost, and with the
    // last output's state the build could not update it in place): read after all.
    await rm(join(cacheDir(out), 'parsed.bin'))
    await rm(join(cacheDir(out), 'state.bin'))
    await writeFile(file, text.replace(/^title: .*$/m, 'title: Parses Lost'))
    expect(await build({ dir, out })).toMatchObject({ ok: true, filesRead: 29 })
    await build({ dir, out: fresh, cache: false })
    expect(await readTree(out)).toEqual(await readTree(fresh))
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
