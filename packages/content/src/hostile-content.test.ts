// Hostile catalogue folders, each on real files: links out of the catalogue, links to
// nothing, pipes, skipped names, YAML aliases, prototype keys, bytes that are not UTF-8,
// control characters, oversized files. Each is a problem at file:line:col (or a warning),
// never a crash, and nothing of a refused file's content is printed.
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compile } from './build.ts'
import { parseReport } from './compiler.ts'
import { formatGithub, formatHuman } from './format-problems.ts'
import type { ContentProblem } from './problem.ts'
import { parseReportFile } from './report-file.ts'
import { readSourceFile } from './source-files.ts'
import { MAX_SOURCE_BYTES } from './source-text.ts'
import { copyCatalogue, REAL_CATALOGUE, tempDir } from './test-support.ts'

const SECRET = 'root:x:0:0:SECRET-LINE'
let work: Awaited<ReturnType<typeof tempDir>>
let dir: string
let outside: string

beforeEach(async () => {
  work = await tempDir('colophon-hostile-')
  dir = await copyCatalogue(REAL_CATALOGUE, join(work.path, 'catalogue'))
  outside = join(work.path, 'outside')
  await mkdir(outside)
  await writeFile(join(outside, 'passwd'), `${SECRET}\n`)
  await writeFile(join(outside, 'valid.md'), await reportText())
})
afterEach(() => work.dispose())

const reportText = () => readFile(join(REAL_CATALOGUE, 'reports/beyond-factory-asia.md'), 'utf8')

/** A valid report under another slug, with `edit` applied to its text. */
async function variant(slug: string, edit: (text: string) => string = (t) => t) {
  // Without identifiers: two reports may not share an ISBN.
  const text = (await reportText()).replace(/^identifiers:\n(?:\s+.*\n)*/m, '')
  await writeFile(join(dir, 'reports', `${slug}.md`), edit(text))
}

async function compiled() {
  const result = await compile({ dir, displayPath: (file) => relative(dir, file) })
  const shown = [
    JSON.stringify(result.problems),
    formatHuman(result.problems),
    formatGithub(result.problems),
  ].join('\n')
  return { ...result, shown }
}

const at = (problems: readonly ContentProblem[], file: string) =>
  problems
    .filter((p) => p.file === file)
    .map(({ line, column, message }) => ({ line, column, message }))

describe('the compile stays inside the catalogue', () => {
  it('refuses a linked file or folder that leads outside, printing none of its bytes', async () => {
    await symlink(join(outside, 'passwd'), join(dir, 'reports', 'passwd.md'))
    await symlink(join(outside, 'valid.md'), join(dir, 'reports', 'stolen.md'))
    await symlink(outside, join(dir, 'reports', 'elsewhere'))
    const result = await compiled()
    expect(result.ok).toBe(false)
    for (const file of ['reports/passwd.md', 'reports/stolen.md', 'reports/elsewhere']) {
      expect(at(result.problems, file)).toEqual([
        { line: 1, column: 1, message: expect.stringMatching(/outside the catalogue folder/) },
      ])
    }
    expect(result.shown).not.toContain('SECRET')
    expect(result.problems).toHaveLength(3)
  })

  it('prints no excerpt through a link out, and does not hang on a pipe (CLI)', async () => {
    const { main } = await import('./cli/main.ts')
    await symlink(join(outside, 'passwd'), join(dir, 'reports', 'passwd.md'))
    execFileSync('mkfifo', [join(dir, 'reports', 'pipe.md')])
    let stderr = ''
    const code = await main(['check', '--dir', dir], {
      cwd: work.path,
      stdout: { write: () => {} },
      stderr: {
        write: (text: string) => {
          stderr += text
        },
      },
    })
    expect(code).toBe(1)
    expect(stderr).toContain('catalogue/reports/passwd.md:1:1 - error')
    expect(stderr).toContain('catalogue/reports/pipe.md:1:1 - error')
    expect(stderr).not.toContain('SECRET')
  })

  it('refuses the same on worker threads', async () => {
    await symlink(join(outside, 'passwd'), join(dir, 'reports', 'passwd.md'))
    await symlink(join(outside, 'gone.md'), join(dir, 'reports', 'dangling.md'))
    await writeFile(
      join(dir, 'reports', 'latin.md'),
      Buffer.from('---\ntitle: Caf\u00e9\n---\n', 'latin1'),
    )
    const result = await compile({ dir, displayPath: (file) => relative(dir, file), threads: 2 })
    expect(result.problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ['reports/dangling.md', 1, 1],
      ['reports/latin.md', 2, 11],
      ['reports/passwd.md', 1, 1],
    ])
    expect(JSON.stringify(result.problems)).not.toContain('SECRET')
  })

  it('follows a link that stays inside the catalogue', async () => {
    await mkdir(join(dir, 'drafts'))
    await variant('inside-draft')
    await writeFile(
      join(dir, 'drafts', 'linked.md'),
      await readFile(join(dir, 'reports', 'inside-draft.md'), 'utf8'),
    )
    await symlink(join(dir, 'drafts', 'linked.md'), join(dir, 'reports', 'linked.md'))
    const result = await compiled()
    expect(result.problems.filter((p) => p.file === 'reports/linked.md')).toEqual([])
  })

  it('reports a link to nothing and a pipe as problems, without crashing or hanging', async () => {
    await symlink(join(outside, 'gone.md'), join(dir, 'reports', 'dangling.md'))
    execFileSync('mkfifo', [join(dir, 'reports', 'pipe.md')])
    const result = await compiled()
    expect(at(result.problems, 'reports/dangling.md')).toEqual([
      { line: 1, column: 1, message: expect.stringMatching(/symbolic link to nothing/) },
    ])
    expect(at(result.problems, 'reports/pipe.md')).toEqual([
      { line: 1, column: 1, message: expect.stringMatching(/not a regular file/) },
    ])
  })

  it('turns a file that cannot be read into a problem, not a crash', async () => {
    await writeFile(join(work.path, 'plain'), 'x')
    expect(await readSourceFile(join(work.path, 'plain', 'x.md'), work.path)).toEqual({
      problem: { line: 1, column: 1, message: 'this file cannot be read (ENOTDIR)' },
    })
  })

  it('refuses a catalogue.yaml linked from outside', async () => {
    await writeFile(join(outside, 'catalogue.yaml'), await readFile(join(dir, 'catalogue.yaml')))
    const { rm } = await import('node:fs/promises')
    await rm(join(dir, 'catalogue.yaml'))
    await symlink(join(outside, 'catalogue.yaml'), join(dir, 'catalogue.yaml'))
    const result = await compiled()
    expect(at(result.problems, 'catalogue.yaml')).toEqual([
      { line: 1, column: 1, message: expect.stringMatching(/outside the catalogue folder/) },
    ])
  })

  it('names files skipped by name in a warning', async () => {
    await variant('upper')
    const { rename } = await import('node:fs/promises')
    await rename(join(dir, 'reports', 'upper.md'), join(dir, 'reports', 'upper.MD'))
    await writeFile(join(dir, 'reports', '..md'), 'x')
    await writeFile(join(dir, 'reports', '.hidden.md'), 'x')
    const result = await compiled()
    expect(result.ok).toBe(true)
    expect(result.warnings?.map((w) => [w.file, w.message])).toEqual([
      ['reports/..md', expect.stringMatching(/starts with a dot/)],
      ['reports/.hidden.md', expect.stringMatching(/starts with a dot/)],
      ['reports/upper.MD', expect.stringMatching(/rename it to upper\.md/)],
    ])
  })

  it('keeps a file name with a line break on one line of output', async () => {
    await variant('a\nb')
    const result = await compiled()
    const human = formatHuman(result.problems).split('\n')
    expect(human[0]).toMatch(/^reports\/a\\nb\.md:1:1 - error /)
    const github = formatGithub(result.problems).trim().split('\n')
    expect(github).toHaveLength(2)
    expect(github[0]).toMatch(/^::error file=reports\/a%0Ab\.md,line=1,col=1/)
  })
})

describe('bounded parsing', () => {
  it('refuses YAML aliases on the fast path, at the alias', async () => {
    await variant('aliases', (t) =>
      t.replace(/^title: (.*)$/m, 'title: &t $1').replace(/^subtitle: .*$/m, 'subtitle: *t'),
    )
    const result = await compiled()
    const problems = at(result.problems, 'reports/aliases.md')
    expect(problems).toEqual([
      {
        line: 3,
        column: 11,
        message: 'YAML: alias *t is not allowed in a catalogue file; write the value out instead',
      },
    ])
  })

  it('refuses a billion laughs in an unknown field without expanding it', async () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i)
      const name = String.fromCharCode(97 + i)
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    const yaml = laughs.map((l) => `  ${l}`).join('\n')
    await variant('laughs', (t) => t.replace(/^---\n/, `---\nlaughs:\n${yaml}\n`))
    const result = await compiled()
    const problems = at(result.problems, 'reports/laughs.md')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((p) => /alias \*[a-h] is not allowed/.test(p.message))).toBe(true)
    expect(problems[0]).toMatchObject({ line: 4 })
  })

  it('refuses aliases and a __proto__ key in catalogue.yaml; constructor works like any key', async () => {
    const settings = await readFile(join(dir, 'catalogue.yaml'), 'utf8')
    // The line of `  types:` in the bundled file, whatever comes before it.
    const types = settings.split('\n').indexOf('  types:') + 1
    await writeFile(
      join(dir, 'catalogue.yaml'),
      settings.replace(
        /^ {2}types:\n/m,
        '  types:\n    __proto__:\n      label: Prototype\n    constructor: &c\n      label: Constructor\n    copy: *c\n',
      ),
    )
    const result = await compiled()
    expect(at(result.problems, 'catalogue.yaml')).toEqual([
      {
        line: types + 1,
        column: 5,
        message: 'YAML: "__proto__" cannot be a key; choose another name',
      },
      { line: types + 5, column: 11, message: expect.stringMatching(/alias \*c is not allowed/) },
    ])
  })

  it('takes constructor as a vocabulary key like any other, and only when defined', async () => {
    await variant('built', (t) => t.replace(/^type: .*$/m, 'type: constructor'))
    const undefinedKey = await compiled()
    expect(at(undefinedKey.problems, 'reports/built.md')).toEqual([
      {
        line: expect.any(Number),
        column: 7,
        message: expect.stringMatching(/"constructor" is not in the types vocabulary/),
      },
    ])
    const settings = await readFile(join(dir, 'catalogue.yaml'), 'utf8')
    await writeFile(
      join(dir, 'catalogue.yaml'),
      settings.replace(/^ {2}types:\n/m, '  types:\n    constructor:\n      label: Builders\n'),
    )
    const defined = await compiled()
    expect(defined.problems).toEqual([])
    const report = JSON.parse(String(defined.output?.files.get('reports/built.json') ?? '{}'))
    expect(report.type).toBe('constructor')
  })

  it('refuses a report file over the maximum size before reading it', async () => {
    await variant('huge', (t) => `${t}\n${'x'.repeat(MAX_SOURCE_BYTES)}\n`)
    const result = await compiled()
    expect(at(result.problems, 'reports/huge.md')).toEqual([
      {
        line: 1,
        column: 1,
        message: expect.stringMatching(/may be at most 1,048,576 bytes \(1 MiB\)/),
      },
    ])
    expect(
      parseReportFile(`---\n${'y'.repeat(MAX_SOURCE_BYTES)}`, 'x.md').problems[0]?.message,
    ).toMatch(/at most/)
  })

  it('refuses bytes that are not UTF-8 (Latin-1), at their place', async () => {
    const text = (await reportText()).replace(/^title: .*$/m, 'title: Caf\u00e9 economics')
    const bytes = Buffer.from(text, 'latin1')
    await writeFile(join(dir, 'reports', 'latin.md'), bytes)
    const line = text.split('\n').findIndex((l) => l.startsWith('title:')) + 1
    const result = await compiled()
    expect(at(result.problems, 'reports/latin.md')).toEqual([
      { line, column: 11, message: expect.stringMatching(/^not UTF-8: byte 0xE9/) },
    ])
  })

  it('refuses NUL, escape and other control characters, at their place', async () => {
    await variant('binary', (t) => `${t}\n\u0000\u0001\u0002`)
    await variant('escape', (t) => t.replace(/^title: (.*)$/m, 'title: "a \u001b]0;pwned\u0007 b"'))
    const result = await compiled()
    const binary = at(result.problems, 'reports/binary.md')
    expect(binary[0]?.message).toBe(
      'control character U+0000 (NUL): not allowed in a catalogue file; remove it',
    )
    const escaped = at(result.problems, 'reports/escape.md')
    expect(escaped.map((p) => p.message)).toEqual([
      expect.stringMatching(/U\+001B \(escape\)/),
      expect.stringMatching(/U\+0007 \(bell\)/),
    ])
    expect(escaped[0]).toMatchObject({ column: 11 })
  })

  it('escapes control characters in every human and GitHub message and excerpt', () => {
    const problem: ContentProblem = {
      file: 'reports/x\u001b]0;t\u0007.md',
      line: 1,
      column: 3,
      path: 'title',
      message: 'bad value "\u001b]0;pwned\u0007\u009b"',
      code: 'custom',
    }
    const human = formatHuman([problem], { sourceLine: () => 'title: \u001b]0;pwned\u0007' })
    const github = formatGithub([problem])
    for (const text of [human, github]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
      expect(text).toContain('\\u001b]0;')
    }
  })

  it('normalises CRLF line breaks: no carriage return reaches the output', async () => {
    await variant('windows', (t) => t.replace(/\n/g, '\r\n'))
    const result = await compiled()
    expect(result.problems).toEqual([])
    const report = String(result.output?.files.get('reports/windows.json') ?? '')
    expect(JSON.parse(report).description).toBeTruthy()
    expect(report).not.toContain('\\r')
  })

  it('prints an unexpected error on one line, without a stack trace', async () => {
    const { main } = await import('./cli/main.ts')
    await writeFile(join(work.path, 'a-file'), 'x')
    let stderr = ''
    const output = {
      write: (text: string) => {
        stderr += text
      },
    }
    const code = await main(['build', '--dir', dir, '--out', join(work.path, 'a-file', 'out')], {
      cwd: work.path,
      stdout: { write: () => {} },
      stderr: output,
    })
    expect(code).toBe(1)
    expect(stderr).toMatch(/^colophon build: unexpected error: Error: E[A-Z]+: /)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('turns an unexpected error into a problem naming the file', () => {
    const parsed = parseReport('reports/odd.md', 42 as unknown as string)
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        file: 'reports/odd.md',
        line: 1,
        column: 1,
        message: expect.stringMatching(/could not be compiled \(TypeError: /),
      }),
    ])
  })
})
