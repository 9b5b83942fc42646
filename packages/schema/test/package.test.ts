// The published package, as a consumer gets it: `pnpm pack` (so publishConfig applies), lint
// the tarball (publint, arethetypeswrong), install it with npm into a scratch project outside
// the workspace, then use it from plain Node, Deno, Bun and strict TypeScript (nodenext and
// bundler). The steps are the shared helper's (test-support/pack.ts at the repository root).
// Needs a build; builds first when dist/ is missing or older than src/.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  attwProblems,
  ensureBuilt,
  type ModuleResolution,
  type Packed,
  pack,
  publintMessages,
  runBun,
  runDeno,
  runNode,
  scratchProject,
  typecheck,
} from '../../../test-support/pack.ts'
import {
  catalogueJsonSchema,
  compiledReportJsonSchema,
  reportJsonSchema,
} from '../src/json-schema.ts'
import { referenceReport } from '../src/test-support/reference-report.ts'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
// packing, npm install and tsc take tens of seconds on a busy machine
const slow = { timeout: 240_000 }

let work: string
let tarball: string
let files: string[]
let manifest: Packed['manifest']

beforeAll(() => {
  ensureBuilt(packageDir, ['report.schema.json', 'compiled-report.schema.json', 'index.js'])
  work = mkdtempSync(join(tmpdir(), 'colophon-schema-pack-'))
  ;({ tarball, files, manifest } = pack(packageDir, work))
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
      'package/dist/compiled-report.schema.json',
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
    expect(manifest.exports['./compiled-report.schema.json']).toBe(
      './dist/compiled-report.schema.json',
    )
    expect(manifest.exports['./catalogue.schema.json']).toBe('./dist/catalogue.schema.json')
    expect(Object.keys(manifest.dependencies)).toEqual(['zod'])
    expect(JSON.stringify(manifest)).not.toMatch(/catalog:|workspace:/)
  })

  test('ships the JSON Schemas the model generates', () => {
    const read = (name: string) => JSON.parse(readFileSync(join(packageDir, 'dist', name), 'utf8'))
    expect(read('report.schema.json')).toEqual(reportJsonSchema())
    expect(read('compiled-report.schema.json')).toEqual(compiledReportJsonSchema())
    expect(read('catalogue.schema.json')).toEqual(catalogueJsonSchema())
  })

  test('publint finds nothing, not even suggestions', async () => {
    expect(await publintMessages(tarball)).toEqual([])
  })

  test('arethetypeswrong (profile esm-only) finds no problem', slow, () => {
    const { problems, status } = attwProblems(tarball)
    expect(problems).toEqual([])
    expect(status).toBe(0)
  })
})

describe('a scratch project outside the workspace', () => {
  let project: string

  beforeAll(() => {
    project = scratchProject([tarball], 'schema-consumer')
  }, 240_000)
  // Only what setup made: a failed install leaves no project to remove.
  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true })
  })

  const check = `import { readFileSync } from 'node:fs'
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
`
  const expected = {
    accepted: true,
    title: 'Beyond Factory Asia: Fuelling Growth in a Changing World',
    date: 'April 2013',
    isbn: '9789292540470',
    rejected: true,
    problems: 'identifiers.isbn[0].value: ISBN 978-92-9254-047-1: check digit should be 0',
    schemaId: 'https://colophon.dev/schema/v1/report.schema.json',
  }

  for (const [runtime, runIn] of [
    ['plain Node', runNode],
    ['Deno', runDeno],
    ['Bun', runBun],
  ] as const) {
    test(`imports the package in ${runtime}`, slow, () => {
      writeFileSync(join(project, 'seed.json'), JSON.stringify(referenceReport))
      writeFileSync(join(project, 'check.mjs'), check)
      const { status, output, stdout } = runIn(project, 'check.mjs')
      expect(status, output).toBe(0)
      expect(JSON.parse(stdout)).toEqual(expected)
    })
  }

  const good = `import { Report, type ReportInput, type CatalogueIssue, type Problem, catalogueRules, explainIssues, normalizeIsbn } from 'colophon-schema'
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
`
  // the types are real: a wrong field type and an unknown form are errors
  const bad = `import type { Report } from 'colophon-schema'
export const report: Report = { slug: 1, title: 'x', published: '2013', type: 'reports', identifiers: { isbn: [{ value: '1', form: 'hardback' }] } }
`

  for (const resolution of ['nodenext', 'bundler'] as ModuleResolution[]) {
    test(
      `typechecks against the published .d.ts, strict, moduleResolution ${resolution}`,
      slow,
      () => {
        writeFileSync(join(project, 'good.ts'), good)
        writeFileSync(join(project, 'bad.ts'), bad)
        const passes = typecheck(project, ['good.ts'], resolution)
        expect(passes.output).toBe('')
        expect(passes.status).toBe(0)
        const fails = typecheck(project, ['bad.ts'], resolution, { skipLibCheck: true })
        expect(fails.status).not.toBe(0)
        expect(fails.output).toMatch(
          /bad\.ts\(2,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/,
        )
        expect(fails.output).toMatch(/"hardback"/)
      },
    )
  }
})
