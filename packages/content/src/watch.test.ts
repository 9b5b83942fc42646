import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build, compile } from './build.ts'
import { generateCatalogue, syntheticSettings } from './generate.ts'
import { copyCatalogue, REAL_CATALOGUE, readTree, tempDir } from './test-support.ts'
import { type WatchEvent, watchCatalogue } from './watch.ts'

/** The manifest's summaries and report blocks (their names and hashes): the reports it holds. */
const reportPieces = (manifest: { pieces: Record<string, string> } | undefined) =>
  JSON.stringify(
    Object.entries(manifest?.pieces ?? {}).filter(([name]) =>
      /^(summaries|report-blocks)\//.test(name),
    ),
  )

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

let saves = 0
/**
 * Saves a file as editors do, atomically (written beside the catalogue, renamed into place):
 * a plain writeFile truncates first, and on a busy machine the watcher may read the file
 * empty in between.
 */
async function save(path: string, text: string): Promise<void> {
  const part = join(temp.path, `.save-${saves++}`)
  await writeFile(part, text)
  await rename(part, path)
}

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
    // A bound for a watcher that is stuck, not a timing assumption: events normally come in ms.
    const deadline = Date.now() + 60_000
    while (queue.length === 0) {
      if (Date.now() > deadline) throw new Error('no watch event within 60 s')
      await new Promise<void>((resolve) => {
        wake = resolve
        setTimeout(resolve, 100)
      })
    }
    return queue.shift() as WatchEvent
  }
  /**
   * The events up to the follow-up that leaves `out` in the state `done` checks: a state
   * waited for, not a quiet time (a rename may come as one event or two, at any pace).
   */
  const settle = async (done: () => Promise<boolean>): Promise<WatchEvent[]> => {
    const events: WatchEvent[] = []
    for (;;) {
      const event = await next()
      events.push(event)
      if (event.stage === 'follow-up' && (await done())) return events
    }
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
      await save(report, text.replace('published: 2013-04', 'published: 2013-05'))
      const changed = await watcher.next()
      expect(changed.stage).toBe('change')
      expect(changed.changed).toEqual(['reports/beyond-factory-asia.md'])
      expect(changed.searchPending).toBe(true)
      expect(changed.written.sort()).toEqual(
        [
          // The date columns: the report's date changed, and with it (outside git) its
          // date of change, the start of its publication date.
          'columns/dateHi',
          'columns/dateLo',
          'columns/modified',
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
      await save(
        join(dir, 'reports', 'second.md'),
        '---\ntitle: Second\npublished: 2020\ntype: books\n---\n',
      )
      const added = await watcher.next()
      expect(added.changed).toEqual(['reports/second.md'])
      expect(added.written).toContain('reports/second.json')
      expect((await watcher.next()).stage).toBe('follow-up')
      const good = await readTree(out)

      // A broken file is reported; the output stays as it was.
      await save(
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
      await save(report, await readFile(report, 'utf8'))
      await save(
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
      save(path(name), (await readFile(path(name), 'utf8')).replace(from, to))

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
          save(
            path('added-in-watch-mode.md'),
            `---\ntitle: Added\npublished: 2030\ntype: ${type}\n---\n`,
          ),
        () => rename(path(last), path('renamed-in-watch-mode.md')),
        () => rm(path('renamed-in-watch-mode.md')),
      ]
      for (const step of steps) {
        await step()
        // The state to wait for: the reports a fresh compile of the folder gives, now.
        const want = reportPieces((await compile({ dir })).output?.manifest)
        const written = async () =>
          reportPieces(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))) === want
        const events = await watcher.settle(written)
        expect(events.map((e) => e.result.ok)).not.toContain(false)
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
