import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../test-support.ts'
import type { CommandContext } from './command.ts'
import { catalogueLocations } from './paths.ts'

const temps: { dispose(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(temps.splice(0).map((t) => t.dispose()))
})

async function tree(files: Record<string, string>): Promise<string> {
  const temp = await tempDir()
  temps.push(temp)
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(temp.path, name, '..'), { recursive: true })
    await writeFile(join(temp.path, name), text)
  }
  return temp.path
}

function locate(cwd: string, values: CommandContext['values'] = {}) {
  const output = { write() {} }
  return catalogueLocations({ values, positionals: [], cwd, stdout: output, stderr: output })
}

const rootPackage = JSON.stringify({
  colophon: { catalogue: 'packages/content/catalogue', out: 'packages/content/dist/catalogue' },
})

describe('catalogueLocations', () => {
  it('uses ./catalogue when it holds a catalogue file', async () => {
    const root = await tree({
      'catalogue/catalogue.yaml': 'name: x\n',
      'package.json': rootPackage,
    })
    expect(locate(root)).toMatchObject({
      dir: join(root, 'catalogue'),
      out: join(root, 'dist/catalogue'),
    })
  })

  it('finds the catalogue named by the nearest package.json above', async () => {
    const root = await tree({ 'package.json': rootPackage, 'docs/notes.txt': '' })
    expect(locate(join(root, 'docs'))).toMatchObject({
      dir: join(root, 'packages/content/catalogue'),
      out: join(root, 'packages/content/dist/catalogue'),
    })
  })

  it('puts the output beside the configured catalogue when the field names no output', async () => {
    const root = await tree({
      'package.json': JSON.stringify({ colophon: { catalogue: 'content/catalogue' } }),
    })
    expect(locate(root).out).toBe(join(root, 'content/dist/catalogue'))
  })

  it('keeps an explicit --dir away from the configured output', async () => {
    const root = await tree({ 'package.json': rootPackage })
    expect(locate(root, { dir: 'fixtures/errors' })).toMatchObject({
      dir: join(root, 'fixtures/errors'),
      out: join(root, 'dist/catalogue'),
    })
  })

  it('falls back to ./catalogue when nothing names one', async () => {
    const root = await tree({ 'package.json': '{"name":"other"}' })
    expect(locate(root).dir).toBe(join(root, 'catalogue'))
  })
})
