import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from './build.ts'
import { generateCatalogue, syntheticSettings } from './generate.ts'
import { copyCatalogue, REAL_CATALOGUE, readTree, tempDir } from './test-support.ts'
import { type WatchEvent, watchCatalogue } from './watch.ts'

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

/** Starts watching; `next()` resolves with the next event. */
function startWatching(dir: string, out: string) {
  const controller = new AbortController()
  const queue: WatchEvent[] = []
  let wake: (() => void) | undefined
  const done = watchCatalogue({
    dir,
    out,
    displayPath: (file) => relative(dir, file),
    signal: controller.signal,
    debounceMs: 30,
    fullDelayMs: 50,
    onEvent(event) {
      queue.push(event)
      wake?.()
    },
  })
  const next = async (): Promise<WatchEvent> => {
    const deadline = Date.now() + 10_000
    while (queue.length === 0) {
      if (Date.now() > deadline) throw new Error('no watch event within 10 s')
      await new Promise<void>((resolve) => {
        wake = resolve
        setTimeout(resolve, 100)
      })
    }
    return queue.shift() as WatchEvent
  }
  /** The events until none has come for `quietMs` (at least one, within 10 s). */
  const settle = async (quietMs: number): Promise<WatchEvent[]> => {
    const events = [await next()]
    for (;;) {
      const count = queue.length
      await new Promise((resolve) => setTimeout(resolve, quietMs))
      if (queue.length === count) break
    }
    return [...events, ...queue.splice(0)]
  }
  return { next, settle, stop: () => controller.abort(), done }
}

describe('watch mode', () => {
  it('recompiles only what changed, says what changed, keeps the last good output', async () => {
    const dir = await copyCatalogue(REAL_CATALOGUE, join(temp.path, 'catalogue'))
    const out = join(temp.path, 'out')
    const report = join(dir, 'reports', 'beyond-factory-asia.md')
    const watcher = startWatching(dir, out)
    try {
      const first = await watcher.next()
      expect(first.result.ok).toBe(true)
      expect(first.changed).toEqual([])
      expect(first.written).toContain('reports/beyond-factory-asia.json')

      // A change to one field rewrites that report and the files that list it (not, here,
      // the vocabulary counts: the year is the same) at once...
      const text = await readFile(report, 'utf8')
      await writeFile(report, text.replace('published: 2013-04', 'published: 2013-05'))
      const changed = await watcher.next()
      expect(changed.stage).toBe('change')
      expect(changed.changed).toEqual(['reports/beyond-factory-asia.md'])
      expect(changed.searchPending).toBe(true)
      expect(changed.written.sort()).toEqual(
        [
          // The date columns: the report's date changed.
          'columns/dateHi',
          'columns/dateLo',
          'manifest.json',
          'report-blocks/0.json',
          'reports/beyond-factory-asia.json',
          'summaries/0.json',
        ].sort(),
      )
      // ...then, once edits pause, the search index and the typed entry.
      const followUp = await watcher.next()
      expect(followUp.stage).toBe('follow-up')
      // The typed entry inlines the pieces; the search pieces did not change (the date is
      // not indexed text), so nothing else is rewritten.
      expect(followUp.written.sort()).toEqual(['index.js'])
      const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
      expect(manifest.reportCount).toBe(1)
      const compiled = JSON.parse(
        await readFile(join(out, 'reports/beyond-factory-asia.json'), 'utf8'),
      )
      expect(compiled.published).toBe('2013-05')

      // A new report adds its file.
      await writeFile(
        join(dir, 'reports', 'second.md'),
        '---\ntitle: Second\npublished: 2020\ntype: books\n---\n',
      )
      const added = await watcher.next()
      expect(added.changed).toEqual(['reports/second.md'])
      expect(added.written).toContain('reports/second.json')
      expect((await watcher.next()).stage).toBe('follow-up')
      const good = await readTree(out)

      // A broken file is reported; the output stays as it was.
      await writeFile(
        join(dir, 'reports', 'second.md'),
        '---\ntitle: Second\npublished: 2020\ntype: bookz\n---\n',
      )
      const broken = await watcher.next()
      expect(broken.result.ok).toBe(false)
      expect(broken.written).toEqual([])
      expect(broken.result.problems.map((p) => [p.file, p.line, p.column, p.path])).toEqual([
        ['reports/second.md', 4, 7, 'type'],
      ])
      expect(await readTree(out)).toEqual(good)

      // Removing the broken file fixes the catalogue: its output file goes.
      await rm(join(dir, 'reports', 'second.md'))
      const removed = await watcher.next()
      expect(removed.removed).toEqual(['reports/second.md'])
      expect(removed.result.ok).toBe(true)
      expect(removed.deleted).toEqual(['reports/second.json'])
      expect((await readTree(out)).has('reports/second.json')).toBe(false)
      expect((await watcher.next()).stage).toBe('follow-up')
    } finally {
      watcher.stop()
      await watcher.done
    }
  })

  it('ignores a save that does not change the text', async () => {
    const dir = await copyCatalogue(REAL_CATALOGUE, join(temp.path, 'catalogue'))
    const watcher = startWatching(dir, join(temp.path, 'out'))
    try {
      await watcher.next()
      const report = join(dir, 'reports', 'beyond-factory-asia.md')
      await writeFile(report, await readFile(report, 'utf8'))
      await writeFile(
        join(dir, 'catalogue.yaml'),
        (await readFile(join(dir, 'catalogue.yaml'), 'utf8')).replace(
          'name: Colophon',
          'name: Renamed',
        ),
      )
      const event = await watcher.next()
      expect(event.stage).toBe('change')
      expect(event.changed).toEqual(['catalogue.yaml'])
      expect(event.written).toContain('catalogue.json')
      expect(event.written).not.toContain('reports/beyond-factory-asia.json')
    } finally {
      watcher.stop()
      await watcher.done
    }
  })
})

describe('watch mode, many reports', () => {
  it('after edits, a new file, a renamed one and a deleted one, the output is a fresh build', async () => {
    const dir = join(temp.path, 'catalogue')
    await generateCatalogue(dir, { count: 40, seed: 5 })
    const out = join(temp.path, 'out')
    const reports = join(dir, 'reports')
    const names = (await readdir(reports)).sort()
    const path = (name: string) => join(reports, name)
    // Reports link only to earlier ones: the last can be renamed or deleted safely.
    const last = names.find((name) => name.endsWith('-40.md')) as string
    const type = Object.keys(syntheticSettings().vocabularies.types)[0]
    const edit = async (name: string, from: RegExp, to: string) =>
      writeFile(path(name), (await readFile(path(name), 'utf8')).replace(from, to))

    const watcher = startWatching(dir, out)
    try {
      expect((await watcher.next()).result.ok).toBe(true)
      const steps: (() => Promise<unknown>)[] = [
        // A new title (the list and the report change, not the order)...
        () => edit(names[0] as string, /^title: .*$/m, 'title: Retitled in watch mode'),
        // ...a new date (the report moves in the list; the year counts change)...
        () => edit(names[1] as string, /^published: .*$/m, "published: '1991-02'"),
        // ...a new report, one renamed (a new slug) and one deleted.
        () =>
          writeFile(
            path('added-in-watch-mode.md'),
            `---\ntitle: Added\npublished: 2030\ntype: ${type}\n---\n`,
          ),
        () => rename(path(last), path('renamed-in-watch-mode.md')),
        () => rm(path('renamed-in-watch-mode.md')),
      ]
      for (const step of steps) {
        await step()
        // A rename may come as one event or two: take them all, up to the last follow-up.
        const events = await watcher.settle(500)
        expect(events.map((e) => e.result.ok)).not.toContain(false)
        expect(events.at(-1)?.stage).toBe('follow-up')
      }
    } finally {
      watcher.stop()
      await watcher.done
    }

    const fresh = join(temp.path, 'fresh')
    expect((await build({ dir, out: fresh })).ok).toBe(true)
    const watched = await readTree(out)
    const built = await readTree(fresh)
    expect([...watched.keys()]).toEqual([...built.keys()])
    expect(watched.has('reports/added-in-watch-mode.json')).toBe(true)
    expect(watched.has('reports/renamed-in-watch-mode.json')).toBe(false)
    // Byte for byte: the follow-up builds the search index afresh, as a build does.
    expect(watched).toEqual(built)
  })
})
