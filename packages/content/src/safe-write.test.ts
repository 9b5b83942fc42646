// Writing through planted links: each attempt is refused and nothing outside is touched.
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UnsafeWriteError, writeFileSafely } from './safe-write.ts'
import { tempDir } from './test-support.ts'

let work: Awaited<ReturnType<typeof tempDir>>
let reports: string
let victim: string
beforeEach(async () => {
  work = await tempDir('colophon-write-')
  reports = join(work.path, 'reports')
  await mkdir(reports)
  victim = join(work.path, 'victim.txt')
  await writeFile(victim, 'untouched')
})
afterEach(() => work.dispose())

describe('writeFileSafely', () => {
  it('writes a new file and replaces an existing one, leaving no temporary file', async () => {
    const file = join(reports, 'x.md')
    await writeFileSafely(file, 'one')
    await writeFileSafely(file, 'two')
    expect(await readFile(file, 'utf8')).toBe('two')
    expect((await lstat(file)).isFile()).toBe(true)
    expect(await readdir(reports)).toEqual(['x.md'])
  })

  it('refuses a symbolic link at the target and leaves its target alone', async () => {
    const file = join(reports, 'x.md')
    await symlink(victim, file)
    await expect(writeFileSafely(file, 'evil')).rejects.toThrow(UnsafeWriteError)
    await expect(writeFileSafely(file, 'evil')).rejects.toThrow(
      /symbolic link; nothing was written/,
    )
    expect(await readFile(victim, 'utf8')).toBe('untouched')
    expect((await lstat(file)).isSymbolicLink()).toBe(true)
  })

  it('is not redirected by links planted at the names the old importer used', async () => {
    const file = join(reports, 'x.md')
    // The old temporary name was predictable: .<name>.<pid>.tmp beside the target.
    for (const name of [`.x.md.${process.pid}.tmp`, '.x.md.tmp', 'x.md.tmp'])
      await symlink(victim, join(reports, name))
    await writeFileSafely(file, 'report')
    expect(await readFile(victim, 'utf8')).toBe('untouched')
    expect((await lstat(file)).isFile()).toBe(true)
    expect(await readFile(file, 'utf8')).toBe('report')
  })

  it('refuses a folder at the target', async () => {
    await mkdir(join(reports, 'x.md'))
    await expect(writeFileSafely(join(reports, 'x.md'), 'x')).rejects.toThrow(/not a regular file/)
  })
})
