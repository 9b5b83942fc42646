import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from './build.ts'
import { buildStatePath, cacheDir, compilerFingerprint } from './build-cache.ts'
import { currentState, readBuildState } from './build-state.ts'
import { generateCatalogue } from './generate.ts'
import { readTree, tempDir } from './test-support.ts'

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

/** A catalogue of 250 reports (three blocks), built once with the cache. */
async function builtCatalogue() {
  const dir = join(temp.path, 'c')
  const out = join(temp.path, 'out')
  await generateCatalogue(dir, { count: 250, seed: 17 })
  const first = await build({ dir, out, threads: 1 })
  expect(first).toMatchObject({ ok: true })
  expect(first.updatedInPlace).toBeUndefined()
  const names = (await readdir(join(dir, 'reports'))).sort()
  const edit = async (index: number, change: (text: string) => string) => {
    const file = join(dir, 'reports', names[index] as string)
    await writeFile(file, change(await readFile(file, 'utf8')))
  }
  /** The output a build without any cache makes of the same files. */
  const fresh = async () => {
    const other = join(temp.path, `fresh-${Math.random().toString(36).slice(2)}`)
    expect(await build({ dir, out: other, cache: false, threads: 1 })).toMatchObject({ ok: true })
    return readTree(other)
  }
  return { dir, out, edit, fresh }
}

/** The state `out`'s cache holds, as current (the changes since state.bin in place). */
async function stateOf(out: string) {
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
  const loaded = await readBuildState(buildStatePath(out), {
    fingerprint: compilerFingerprint(),
    contentHash: manifest.contentHash,
  })
  return loaded && currentState(loaded)
}

/** `out`'s state is the one a full build of `dir` leaves (the size the typed entry counts too). */
async function expectStateOfFullBuild(dir: string, out: string) {
  const other = join(temp.path, `full-${Math.random().toString(36).slice(2)}`)
  await build({ dir, out: other, threads: 1 })
  const updated = await stateOf(out)
  expect(updated).toBeDefined()
  expect(updated).toEqual(await stateOf(other))
}

const retitle = (title: string) => (text: string) =>
  text.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`)

describe('a build that changed a few reports', () => {
  it('updates the last output in place, byte for byte what a full build writes', async () => {
    const { dir, out, edit, fresh } = await builtCatalogue()
    // New words (placed in the term order), one report's text, another's title.
    await edit(3, retitle('Quixotically Zygomorphic Edits of Quangos'))
    await edit(120, (t) => t.replace(/^summary: .*$/m, 'summary: Nothing but unheardof words.'))
    const result = await build({ dir, out, threads: 1 })
    expect(result).toMatchObject({ ok: true, reportCount: 250 })
    expect(result.updatedInPlace).toBeGreaterThan(0)
    expect(await readTree(out)).toEqual(await fresh())
    expect(JSON.stringify([...(await readTree(out)).values()])).toContain(
      'Quixotically Zygomorphic',
    )
    // The state it leaves is the one a full build leaves (the size the typed entry counts, too).
    await expectStateOfFullBuild(dir, out)
    // And again from the state that update left (state.bin and the changes since): the next
    // one builds on both, the report changed twice among them.
    await edit(3, retitle('Plainly Retitled'))
    await edit(200, retitle('Another Report Retitled'))
    const again = await build({ dir, out, threads: 1 })
    expect(again.updatedInPlace).toBeGreaterThan(0)
    expect(await readTree(out)).toEqual(await fresh())
    await expectStateOfFullBuild(dir, out)
  })

  it('writes the whole state again once many reports changed since it was written', async () => {
    const { dir, out, edit, fresh } = await builtCatalogue()
    const changes = join(cacheDir(out), 'state-changes.json')
    for (const round of [0, 1]) {
      for (let i = 0; i < 40; i++) await edit(round * 100 + i, retitle(`Round ${round} edit ${i}`))
      const result = await build({ dir, out, threads: 1 })
      expect(result.updatedInPlace).toBeGreaterThan(0)
      expect(await readTree(out)).toEqual(await fresh())
      await expectStateOfFullBuild(dir, out)
      // 40 changes are kept as changes; 80 are more than that is worth.
      expect(
        await stat(changes).then(
          () => true,
          () => false,
        ),
      ).toBe(round === 0)
    }
  })

  it('builds in full when a report moves in the list, or the settings change', async () => {
    const { dir, out, edit, fresh } = await builtCatalogue()
    // A new publication date moves the report among the doc ids.
    await edit(5, (t) => t.replace(/^published: .*$/m, 'published: 1999-01'))
    const moved = await build({ dir, out, threads: 1 })
    expect(moved).toMatchObject({ ok: true })
    expect(moved.updatedInPlace).toBeUndefined()
    expect(await readTree(out)).toEqual(await fresh())
    const settings = join(dir, 'catalogue.yaml')
    await writeFile(settings, `${await readFile(settings, 'utf8')}\n# a comment\n`)
    await edit(6, retitle('Changed With The Settings'))
    const withSettings = await build({ dir, out, threads: 1 })
    expect(withSettings.updatedInPlace).toBeUndefined()
    expect(await readTree(out)).toEqual(await fresh())
  })

  it('leaves a report with a problem to the full build, which writes nothing', async () => {
    const { dir, out, edit } = await builtCatalogue()
    const before = await readTree(out)
    await edit(9, (t) => t.replace(/^published: .*$/m, 'published: someday'))
    const failed = await build({ dir, out, threads: 1 })
    expect(failed.ok).toBe(false)
    expect(failed.problems[0]).toMatchObject({ path: 'published' })
    expect(await readTree(out)).toEqual(before)
  })

  it('after an update that failed halfway, builds in full and swaps the result in', async () => {
    const { dir, out, edit, fresh } = await builtCatalogue()
    // The changed report's file cannot be replaced: a folder (not empty) has its name.
    const names = (await readdir(join(out, 'reports'))).sort()
    await edit(0, retitle('Blocked Halfway'))
    const blockedBy = join(out, 'reports', names[0] as string)
    const slugOfFirst = JSON.parse(
      await readFile(join(out, 'reports', names[0] as string), 'utf8'),
    ).slug
    expect(slugOfFirst).toBe((names[0] as string).replace(/\.json$/, ''))
    await rm(blockedBy)
    await mkdir(join(blockedBy, 'inside'), { recursive: true })
    await expect(build({ dir, out, threads: 1 })).rejects.toThrow()
    // The record of the last build is gone: the output is no build's until one is made.
    await expect(stat(join(cacheDir(out), 'last.json'))).rejects.toThrow()
    await rm(blockedBy, { recursive: true })
    const next = await build({ dir, out, threads: 1 })
    expect(next).toMatchObject({ ok: true })
    expect(next.updatedInPlace).toBeUndefined()
    expect(await readTree(out)).toEqual(await fresh())
  })
})
