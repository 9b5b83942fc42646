// The CLI bundle (scripts/bundle-cli.mjs) compiles exactly what the sources compile, its parse
// worker included; bin/colophon.js runs it only while what it was made from is unchanged.
import { execFile } from 'node:child_process'
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from '../build.ts'
import { generateCatalogue } from '../generate.ts'
import { readTree, tempDir } from '../test-support.ts'
import { bundleIsFresh } from './fresh-bundle.js'

const run = promisify(execFile)
const PACKAGE = join(import.meta.dirname, '..', '..')

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

describe('the CLI bundle', () => {
  it('builds the same output as the sources, on worker threads too', async () => {
    // Inside the package, so that the bundle's require() finds node_modules as dist/cli's does.
    const bundle = join(PACKAGE, `.bundle-test-${process.pid}`)
    try {
      await run(process.execPath, ['scripts/bundle-cli.mjs', '--out', bundle], { cwd: PACKAGE })
      const dir = join(temp.path, 'c')
      await generateCatalogue(dir, { count: 30, seed: 8 })
      const bundled = join(temp.path, 'bundled')
      const cli = join(bundle, 'colophon.js')
      const { stdout } = await run(
        process.execPath,
        [cli, 'build', '--threads', '2', '--no-cache', '--dir', dir, '--out', bundled],
        { cwd: temp.path },
      )
      expect(stdout).toContain('30 reports compiled')
      const sources = join(temp.path, 'sources')
      await build({ dir, out: sources, cache: false, threads: 1 })
      const tree = await readTree(bundled)
      expect(tree.size).toBeGreaterThan(30)
      expect(tree).toEqual(await readTree(sources))
      const help = await run(process.execPath, [cli, 'generate', '--help'])
      expect(help.stdout).toContain('Usage: colophon generate')
    } finally {
      await rm(bundle, { recursive: true, force: true })
    }
  })

  it('is fresh only while every input keeps its time and size', async () => {
    const root = pathToFileURL(`${temp.path}/`)
    const bundleDir = new URL('dist/', root)
    await mkdir(new URL(bundleDir), { recursive: true })
    const input = join(temp.path, 'a.ts')
    await writeFile(input, 'one')
    expect(bundleIsFresh(root, bundleDir)).toBe(false)
    const { statSync } = await import('node:fs')
    const record = () => {
      const { mtimeMs, size } = statSync(input)
      return writeFile(
        new URL('inputs.json', bundleDir),
        JSON.stringify({ files: [['a.ts', mtimeMs, size]] }),
      )
    }
    await record()
    expect(bundleIsFresh(root, bundleDir)).toBe(true)
    await writeFile(input, 'two!')
    expect(bundleIsFresh(root, bundleDir)).toBe(false)
    await record()
    await utimes(input, new Date(1_000_000), new Date(1_000_000))
    expect(bundleIsFresh(root, bundleDir)).toBe(false)
    await rm(input)
    expect(bundleIsFresh(root, bundleDir)).toBe(false)
  })
})
