// `colophon import` writing through planted links: the report lands as a regular file of its
// own and nothing outside the catalogue is touched (the old temporary name was predictable).
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../cli/main.ts'

const SEED = join(import.meta.dirname, '../../../../seeds/beyond-factory-asia.txt')
const REAL_CATALOGUE = join(import.meta.dirname, '../../catalogue')

let work: string
let reports: string
let victim: string
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'colophon-import-write-'))
  cpSync(join(REAL_CATALOGUE, 'catalogue.yaml'), join(work, 'catalogue', 'catalogue.yaml'))
  reports = join(work, 'catalogue', 'reports')
  mkdirSync(reports)
  cpSync(SEED, join(work, 'page.txt'))
  victim = join(work, 'victim.txt')
  writeFileSync(victim, 'untouched')
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

async function importPage(...extra: string[]) {
  let stderr = ''
  const sink = {
    write: (text: string) => {
      stderr += text
    },
  }
  const code = await main(['import', 'page.txt', '--catalogue', 'catalogue', ...extra], {
    cwd: work,
    stdout: { write: () => {} },
    stderr: sink,
  })
  return { code, stderr }
}

describe('colophon import writes safely', () => {
  it('is not redirected by a link planted at the temporary name', async () => {
    symlinkSync(victim, join(reports, `.beyond-factory-asia.md.${process.pid}.tmp`))
    const { code } = await importPage()
    expect(code).toBe(0)
    expect(readFileSync(victim, 'utf8')).toBe('untouched')
    const report = join(reports, 'beyond-factory-asia.md')
    expect(lstatSync(report).isFile()).toBe(true)
    expect(readFileSync(report, 'utf8')).toMatch(/^---\ntitle: /)
  })

  it('never writes through a link at the report itself', async () => {
    symlinkSync(victim, join(reports, 'beyond-factory-asia.md'))
    await importPage('--force')
    expect(readFileSync(victim, 'utf8')).toBe('untouched')
    expect(lstatSync(join(reports, 'beyond-factory-asia.md')).isSymbolicLink()).toBe(true)
  })
})
