// The CLI end to end: the real bin (through tsx) for exit codes and output, in a child
// process, on real files.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  copyCatalogue,
  ERROR_FIXTURES,
  REAL_CATALOGUE,
  readTree,
  tempDir,
} from '../test-support.ts'
import { main } from './main.ts'

const BIN = fileURLToPath(new URL('../../bin/colophon.js', import.meta.url))
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url))

async function colophon(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd: PACKAGE,
      env: { ...process.env, NO_COLOR: '1', GITHUB_WORKSPACE: '', ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** Runs `main` in this process, capturing what it prints. */
async function run(args: string[], cwd = PACKAGE) {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    cwd,
    stdout: {
      write(text: string) {
        stdout += text
      },
    },
    stderr: {
      write(text: string) {
        stderr += text
      },
    },
  })
  return { code, stdout, stderr }
}

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

describe('colophon check', () => {
  it('prints every problem with file:line:column and exits 1 (the real bin)', async () => {
    const { code, stderr } = await colophon(['check', '--dir', 'fixtures/errors'])
    expect(code).toBe(1)
    expect(stderr).toContain(
      'fixtures/errors/reports/bad-isbn.md:9:14 - error identifiers.isbn[1].value: ISBN 978-92-9254-047-1: check digit should be 0\n  9 |     - value: 978-92-9254-047-1\n    |              ^',
    )
    for (const where of [
      'reports/missing-title.md:2:1 - error title: required',
      'reports/bad-date.md:3:12 - error published:',
      'reports/unknown-type.md:4:7 - error type:',
      'reports/2014/duplicate.md:1:1 - error slug:',
      'reports/same-isbn.md:7:14 - error identifiers.isbn[0].value:',
      'reports/broken-yaml.md:4:15 - error YAML:',
      'reports/unknown-field.md:2:1 - error titel: unknown field, did you mean title?',
      'reports/dangling-related.md:6:5 - error related[0]:',
    ]) {
      expect(stderr).toContain(`fixtures/errors/${where}`)
    }
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('Found 10 problems in 9 files.')
  })

  it('--format json prints one document on stdout', async () => {
    const { code, stdout } = await run(['check', '--dir', 'fixtures/errors', '--format', 'json'])
    expect(code).toBe(1)
    const report = JSON.parse(stdout)
    expect(report.ok).toBe(false)
    expect(report.problemCount).toBe(10)
    expect(report.fileCount).toBe(12)
    expect(report.problems[0]).toEqual({
      file: 'fixtures/errors/reports/2014/duplicate.md',
      line: 1,
      column: 1,
      path: 'slug',
      message: 'slug "duplicate" is already used (fixtures/errors/reports/2013/duplicate.md:1:1)',
      code: 'catalogue',
      related: [{ file: 'fixtures/errors/reports/2013/duplicate.md', line: 1, column: 1 }],
    })
  })

  it('--format github prints workflow commands, paths relative to the workspace', async () => {
    const { code, stdout } = await colophon(
      ['check', '--dir', 'fixtures/errors', '--format', 'github'],
      {
        GITHUB_WORKSPACE: join(PACKAGE, '../..'),
      },
    )
    expect(code).toBe(1)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(11)
    expect(lines).toContain(
      '::error file=packages/content/fixtures/errors/reports/bad-isbn.md,line=9,col=14,title=colophon%3A identifiers.isbn[1].value::ISBN 978-92-9254-047-1: check digit should be 0',
    )
    expect(lines.at(-1)).toBe('Found 10 problems in 9 files.')
  })

  it('passes the real catalogue', async () => {
    const { code, stdout } = await run(['check'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^✓ 1 report checked, no problems \(2 files, \d+ ms\)\n$/)
  })

  it('rejects an unknown format and an unknown option with exit code 2', async () => {
    expect((await run(['check', '--format', 'xml'])).code).toBe(2)
    const { code, stderr } = await run(['check', '--dri', 'x'])
    expect(code).toBe(2)
    expect(stderr).toContain("Unknown option '--dri'")
    expect((await run(['chekc'])).stderr).toContain('unknown command "chekc"')
  })
})

describe('colophon build', () => {
  it('writes the output; on failure writes nothing and says so', async () => {
    const dir = await copyCatalogue(REAL_CATALOGUE, join(temp.path, 'catalogue'))
    const out = join(temp.path, 'out')
    const ok = await run(['build', '--dir', dir, '--out', out])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(
      /✓ 1 report compiled into .*out \(\d+ files, content hash [\w-]{43}, \d+ ms\)/,
    )
    const before = await readTree(out)
    await copyCatalogue(
      join(ERROR_FIXTURES, 'reports', 'unknown-field.md'),
      join(dir, 'reports', 'x.md'),
    )
    const failed = await run(['build', '--dir', dir, '--out', out])
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('Nothing written;')
    expect(await readTree(out)).toEqual(before)
  })
})

describe('colophon new', () => {
  it('scaffolds a report that passes check, and refuses to overwrite it', async () => {
    const dir = await copyCatalogue(REAL_CATALOGUE, join(temp.path, 'catalogue'))
    const created = await run([
      'new',
      'green-growth',
      '--dir',
      dir,
      '--published',
      '2024-02',
      '--type',
      'guides',
    ])
    expect(created.code).toBe(0)
    const text = await readFile(join(dir, 'reports', 'green-growth.md'), 'utf8')
    expect(text).toContain('title: Green Growth\npublished: 2024-02\ntype: guides\n')
    expect((await run(['check', '--dir', dir])).code).toBe(0)
    expect((await run(['new', 'green-growth', '--dir', dir])).code).toBe(1)
    expect((await run(['new', 'Green Growth', '--dir', dir])).code).toBe(2)
    expect((await run(['new', 'x', '--dir', dir, '--type', 'novels'])).stderr).toContain(
      '--type novels: expected one of reports, books',
    )
  })
})

describe('colophon stats', () => {
  it('counts the real catalogue', async () => {
    const { code, stdout } = await run(['stats', '--format', 'json'])
    expect(code).toBe(0)
    const stats = JSON.parse(stdout)
    expect(stats.reports).toBe(1)
    expect(stats.isbns).toBe(2)
    expect(stats.types.find((t: { key: string }) => t.key === 'reports').count).toBe(1)
    expect(stats.years).toEqual({ from: 2013, to: 2013 })
  })
})
