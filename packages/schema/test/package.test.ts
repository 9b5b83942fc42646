// The published package, as a consumer gets it: `pnpm pack` (so publishConfig applies), lint
// the tarball (publint, arethetypeswrong), install it with npm into a scratch project outside
// the workspace, import it in plain Node and typecheck a TypeScript file against it.
// Needs a build; builds first when dist/ is missing or older than src/ (turbo's `test`
// depends on `build`, so under turbo the build is already there).
import { execFileSync, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { catalogueJsonSchema, reportJsonSchema } from '../src/json-schema.ts'
import type { Editable } from '../src/test-support/problems-of.ts'
import { referenceReport } from '../src/test-support/reference-report.ts'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const isWindows = process.platform === 'win32'
// packing, npm install and tsc take tens of seconds on a busy machine
const slow = { timeout: 240_000 }

function findBin(name: string): string {
  for (let dir = packageDir; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name)
    if (existsSync(bin)) return bin
    if (dirname(dir) === dir) return name
  }
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    shell: isWindows,
    timeout: 240_000,
  })
  if (result.error) throw result.error
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** Builds unless dist/ holds a build newer than every source file. */
function ensureBuilt() {
  const marker = join(packageDir, 'dist', 'report.schema.json')
  const fresh =
    existsSync(marker) &&
    existsSync(join(packageDir, 'dist', 'index.js')) &&
    statSync(marker).mtimeMs >= newestMtime(join(packageDir, 'src'))
  if (fresh) return
  const { status, output } = run(findBin('pnpm'), ['run', 'build'], packageDir)
  if (status !== 0) throw new Error(`build failed:\n${output}`)
}

let work: string
let tarball: string
let files: string[]
let manifest: Editable

beforeAll(() => {
  ensureBuilt()
  work = mkdtempSync(join(tmpdir(), 'colophon-schema-pack-'))
  const packed = run(findBin('pnpm'), ['pack', '--pack-destination', work], packageDir)
  if (packed.status !== 0) throw new Error(`pnpm pack failed:\n${packed.output}`)
  const name = readdirSync(work).find((f) => f.endsWith('.tgz'))
  if (!name) throw new Error(`no tarball in ${work}:\n${packed.output}`)
  tarball = join(work, name)
  files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean)
  mkdirSync(join(work, 'unpacked'))
  execFileSync('tar', ['-xzf', tarball, '-C', join(work, 'unpacked')])
  manifest = JSON.parse(readFileSync(join(work, 'unpacked', 'package', 'package.json'), 'utf8'))
}, 240_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('the tarball', () => {
  test('contains the ESM build, its types and both JSON Schemas', () => {
    for (const file of [
      'package/package.json',
      'package/README.md',
      'package/dist/index.js',
      'package/dist/index.d.ts',
      'package/dist/report.schema.json',
      'package/dist/catalogue.schema.json',
      'package/src/index.ts',
    ]) {
      expect(files).toContain(file)
    }
  })

  test('leaves out tests, test support and build scripts', () => {
    expect(files.filter((f) => /\.test\.|test-support|^package\/(scripts|test)\//.test(f))).toEqual(
      [],
    )
  })

  test('has the published manifest: exports at dist, ESM, no side effects, real versions', () => {
    expect(manifest.type).toBe('module')
    expect(manifest.sideEffects).toBe(false)
    expect(manifest.exports['.']).toEqual({
      types: './dist/index.d.ts',
      default: './dist/index.js',
    })
    expect(manifest.exports['./report.schema.json']).toBe('./dist/report.schema.json')
    expect(manifest.exports['./catalogue.schema.json']).toBe('./dist/catalogue.schema.json')
    expect(Object.keys(manifest.dependencies)).toEqual(['zod'])
    expect(JSON.stringify(manifest)).not.toMatch(/catalog:|workspace:/)
  })

  test('ships the JSON Schemas the model generates', () => {
    const read = (name: string) =>
      JSON.parse(readFileSync(join(work, 'unpacked', 'package', 'dist', name), 'utf8'))
    expect(read('report.schema.json')).toEqual(reportJsonSchema())
    expect(read('catalogue.schema.json')).toEqual(catalogueJsonSchema())
  })

  test('publint finds nothing, not even suggestions', async () => {
    const { messages, pkg } = await publint({
      pack: { tarball: readFileSync(tarball).buffer as ArrayBuffer },
      level: 'suggestion',
      strict: true,
    })
    expect(messages.map((m) => formatMessage(m, pkg) ?? m.code)).toEqual([])
  })

  test('arethetypeswrong (profile esm-only) finds no problem', slow, () => {
    const attw = require.resolve('@arethetypeswrong/cli/package.json')
    const bin = join(dirname(attw), JSON.parse(readFileSync(attw, 'utf8')).bin.attw)
    const { status, output } = run(
      process.execPath,
      [bin, tarball, '--profile', 'esm-only', '--format', 'json'],
      work,
    )
    const report: { problems?: Record<string, { resolutionKind?: string }[]> } = JSON.parse(
      output.slice(output.indexOf('{')),
    )
    // esm-only ignores node10 and require() from CommonJS: this package is ESM only
    const problems = Object.values(report.problems ?? {})
      .flat()
      .filter(
        (p: { resolutionKind?: string }) =>
          !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''),
      )
    expect(problems).toEqual([])
    expect(status).toBe(0)
  })
})

describe('a scratch project outside the workspace', () => {
  let project: string

  beforeAll(() => {
    project = join(work, 'consumer')
    mkdirSync(project)
    expect(relative(packageDir, project).startsWith('..')).toBe(true)
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
    )
    const npm = run(
      isWindows ? 'npm.cmd' : 'npm',
      ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball],
      project,
    )
    if (npm.status !== 0) throw new Error(`npm install failed:\n${npm.output}`)
  }, 240_000)

  test('imports the package in plain Node', slow, () => {
    writeFileSync(join(project, 'seed.json'), JSON.stringify(referenceReport))
    writeFileSync(
      join(project, 'check.mjs'),
      `import { readFileSync } from 'node:fs'
import { Report, formatProblems, normalizeIsbn, formatPartialDate } from 'colophon-schema'
import schema from 'colophon-schema/report.schema.json' with { type: 'json' }
const seed = JSON.parse(readFileSync('seed.json', 'utf8'))
const good = Report.safeParse(seed)
const bad = structuredClone(seed)
bad.identifiers.isbn[0].value = '978-92-9254-047-1'
const rejected = Report.safeParse(bad)
console.log(JSON.stringify({
  accepted: good.success,
  title: good.data?.title,
  date: formatPartialDate(good.data.published),
  isbn: normalizeIsbn('92-9254-047-5'),
  rejected: !rejected.success,
  problems: rejected.success ? '' : formatProblems(rejected.error, bad),
  schemaId: schema.$id,
}))
`,
    )
    const { status, output } = run(process.execPath, ['check.mjs'], project)
    expect(status, output).toBe(0)
    expect(JSON.parse(output)).toEqual({
      accepted: true,
      title: 'Beyond Factory Asia: Fuelling Growth in a Changing World',
      date: 'April 2013',
      isbn: '9789292540470',
      rejected: true,
      problems: 'identifiers.isbn[0].value: ISBN 978-92-9254-047-1: check digit should be 0',
      schemaId: 'https://colophon.dev/schema/v1/report.schema.json',
    })
  })

  test('typechecks against the published .d.ts with moduleResolution nodenext', slow, () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          types: [],
          skipLibCheck: false,
        },
        files: ['good.ts'],
      }),
    )
    writeFileSync(
      join(project, 'good.ts'),
      `import { Report, type ReportInput, type CatalogueIssue, type Problem, catalogueRules, explainIssues, normalizeIsbn } from 'colophon-schema'
const input: ReportInput = { slug: 'beyond-factory-asia', title: 'Beyond Factory Asia', published: '2013-04', type: 'reports' }
const result = Report.safeParse(input)
if (result.success) {
  const report: Report = result.data
  const issues: CatalogueIssue[] = catalogueRules({ vocabularies: { types: { reports: { label: 'Reports' } } } }, [report])
  const slug: string = report.slug
  console.log(slug, issues.length)
} else {
  const problems: Problem[] = explainIssues(result.error, input)
  console.log(problems.map((p) => p.path.join('.')))
}
const isbn: string | undefined = normalizeIsbn('978-92-9254-047-0')
console.log(isbn)
`,
    )
    const tsc = require.resolve('typescript/bin/tsc')
    const good = run(process.execPath, [tsc, '-p', 'tsconfig.json'], project)
    expect(good.output).toBe('')
    expect(good.status).toBe(0)

    // the types are real: a wrong field type and an unknown form are errors
    writeFileSync(
      join(project, 'bad.ts'),
      `import type { Report } from 'colophon-schema'
export const report: Report = { slug: 1, title: 'x', published: '2013', type: 'reports', identifiers: { isbn: [{ value: '1', form: 'hardback' }] } }
`,
    )
    writeFileSync(
      join(project, 'tsconfig.bad.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { skipLibCheck: true },
        files: ['bad.ts'],
      }),
    )
    const badCheck = run(process.execPath, [tsc, '-p', 'tsconfig.bad.json'], project)
    expect(badCheck.status).not.toBe(0)
    expect(badCheck.output).toMatch(
      /bad\.ts\(2,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/,
    )
    expect(badCheck.output).toMatch(/"hardback"/)
  })
})
