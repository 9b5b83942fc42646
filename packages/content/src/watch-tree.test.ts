import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from './test-support.ts'
import { watchTree } from './watch-tree.ts'

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

/** Watches `dir`; `seen(name)` resolves once an event names `name`. */
function record(dir: string, native: boolean) {
  const controller = new AbortController()
  const names: string[] = []
  const watcher = watchTree(dir, { signal: controller.signal, native })
  const closed = new Promise<void>((resolve) => watcher.on('close', resolve))
  watcher.on('change', (_type, name) => {
    names.push(String(name))
  })
  const seen = async (name: string) => {
    const deadline = Date.now() + 5000
    while (!names.includes(name)) {
      if (Date.now() > deadline) throw new Error(`no event for ${name}; got ${names.join(', ')}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
  return { names, seen, stop: () => controller.abort(), closed }
}

// Both ways on every platform (fs.watch's recursive mode is emulated by Node on Linux).
describe.each([
  ['one watcher per folder', false],
  ['fs.watch recursive', true],
])('watchTree (%s)', (_label, native) => {
  it('names changed files in folders below, also in folders made or renamed later', async () => {
    const dir = join(temp.path, 'catalogue')
    await mkdir(join(dir, 'reports', 'old'), { recursive: true })
    const watcher = record(dir, native)
    try {
      await writeFile(join(dir, 'reports', 'old', 'a.md'), 'a')
      await watcher.seen(join('reports', 'old', 'a.md'))
      await writeFile(join(dir, 'catalogue.yaml'), 'name: x')
      await watcher.seen('catalogue.yaml')

      // A folder made after the start, with a folder inside it.
      await mkdir(join(dir, 'reports', 'new', 'deeper'), { recursive: true })
      await watcher.seen(join('reports', 'new'))
      await new Promise((resolve) => setTimeout(resolve, 50))
      await writeFile(join(dir, 'reports', 'new', 'deeper', 'b.md'), 'b')
      await watcher.seen(join('reports', 'new', 'deeper', 'b.md'))

      // A folder renamed: its files are named under the new name.
      await rename(join(dir, 'reports', 'old'), join(dir, 'reports', 'moved'))
      await watcher.seen(join('reports', 'moved'))
      await new Promise((resolve) => setTimeout(resolve, 50))
      await writeFile(join(dir, 'reports', 'moved', 'a.md'), 'a, again')
      await watcher.seen(join('reports', 'moved', 'a.md'))

      // A folder removed, then one of the same name made again.
      await rm(join(dir, 'reports', 'new'), { recursive: true })
      await new Promise((resolve) => setTimeout(resolve, 50))
      await mkdir(join(dir, 'reports', 'new'))
      await new Promise((resolve) => setTimeout(resolve, 50))
      await writeFile(join(dir, 'reports', 'new', 'c.md'), 'c')
      await watcher.seen(join('reports', 'new', 'c.md'))
    } finally {
      watcher.stop()
      await watcher.closed
    }
    // Nothing named after the stop.
    const count = watcher.names.length
    await writeFile(join(dir, 'catalogue.yaml'), 'name: y')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(watcher.names).toHaveLength(count)
  })
})
