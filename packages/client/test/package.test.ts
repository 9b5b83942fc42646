// The published client, as an integrator gets it: colophon-schema and colophon-client packed
// with `pnpm pack`, linted (publint, arethetypeswrong), installed by npm into a scratch project
// outside the workspace (hono and zod from the npm registry); then the README's example runs
// in plain Node, Deno and Bun against the server `npm start` starts, and typechecks under
// strict TypeScript (nodenext and bundler). Steps from test-support/pack.ts.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  attwProblems,
  ensureBuilt,
  type ModuleResolution,
  type Packed,
  pack,
  publintMessages,
  REPO_ROOT,
  runBun,
  runDeno,
  runNode,
  scratchProject,
  typecheck,
} from '../../../test-support/pack.ts'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const schemaDir = join(packageDir, '..', 'schema')
const slow = { timeout: 240_000 }
const README_URL = 'http://127.0.0.1:8787'

/** The README's example: the first ts block after its `<!-- example` marker. */
function readmeExample(): string {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8')
  const after = readme.slice(readme.indexOf('<!-- example'))
  const match = /```ts\n([\s\S]*?)```/.exec(after)
  if (!match?.[1]) throw new Error('README.md has no example block')
  return match[1]
}

/** `npm start` (install if needed, build, serve) on a free port; resolves with its URL. */
function npmStart(): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group: npm, pnpm and the server stop together
    detached: true,
  })
  let output = ''
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.pid === undefined) return resolve()
      child.once('exit', () => resolve())
      process.kill(-child.pid, 'SIGTERM')
    })
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /API: (http:\/\/\S+)\/v1/.exec(output)
      if (match?.[1]) resolve({ url: match[1], stop })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)))
  })
}

let work: string
let client: Packed
let schema: Packed
let project: string
let server: { url: string; stop(): Promise<void> } | undefined

beforeAll(async () => {
  const starting = npmStart()
  ensureBuilt(schemaDir, ['report.schema.json', 'compiled-report.schema.json', 'index.js'])
  ensureBuilt(packageDir, ['index.js', 'index.d.ts', 'api.generated.d.ts'])
  work = mkdtempSync(join(tmpdir(), 'colophon-client-pack-'))
  schema = pack(schemaDir, work)
  client = pack(packageDir, work)
  project = scratchProject([schema.tarball, client.tarball], 'client-consumer')
  server = await starting
}, 600_000)

afterAll(async () => {
  await server?.stop()
  for (const dir of [work, project]) if (dir) rmSync(dir, { recursive: true, force: true })
}, 60_000)

describe('the tarball', () => {
  test('holds the ESM build and its types, no tests, no scripts', () => {
    for (const file of ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']) {
      expect(client.files).toContain(`package/${file}`)
    }
    expect(client.files.filter((f) => /\.test\.|^package\/(scripts|test)\//.test(f))).toEqual([])
  })

  test('depends on colophon-schema and hono only, with real versions', () => {
    expect(client.manifest.dependencies).toEqual({
      'colophon-schema': `^${schema.manifest.version}`,
      hono: expect.stringMatching(/^\^4\./),
    })
    expect(client.manifest.exports['.']).toEqual({
      types: './dist/index.d.ts',
      default: './dist/index.js',
    })
    expect(JSON.stringify(client.manifest)).not.toMatch(/catalog:|workspace:/)
  })

  test('its JavaScript imports no server code and no catalogue', () => {
    const js = client.files.filter((f) => f.endsWith('.js'))
    for (const file of js) {
      const text = readFileSync(join(packageDir, file.replace('package/', '')), 'utf8')
      expect(text).not.toMatch(/colophon-(api|content)|@hono\/zod-openapi/)
    }
  })

  test('publint finds nothing, not even suggestions', async () => {
    expect(await publintMessages(client.tarball)).toEqual([])
  })

  test('arethetypeswrong (profile esm-only) finds no problem', slow, () => {
    const { problems, status } = attwProblems(client.tarball)
    expect(problems).toEqual([])
    expect(status).toBe(0)
  })
})

describe("the README's example, from a scratch project, against npm start", () => {
  async function expectedLines(): Promise<string[]> {
    const base = server?.url
    const list = await (await fetch(`${base}/v1/reports?q=factory+asia&per_page=5`)).json()
    const report = await (await fetch(`${base}/v1/reports/beyond-factory-asia`)).json()
    return [
      `${list.total} found; first: ${list.items[0]?.title}`,
      [report.title, report.published, report.identifiers?.isbn?.[0]?.value].join(' '),
      'sort',
    ]
  }

  const source = () => readmeExample().replace(README_URL, server?.url ?? README_URL)

  test('names the URL npm start prints', () => {
    expect(readmeExample()).toContain(`createClient('${README_URL}')`)
  })

  for (const [runtime, runIn, file] of [
    ['plain Node', runNode, 'example.mjs'],
    ['Deno', runDeno, 'example.ts'],
    ['Bun', runBun, 'example.ts'],
  ] as const) {
    test(`runs in ${runtime}`, slow, async () => {
      const code =
        file === 'example.mjs'
          ? ts.transpileModule(source(), {
              compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
            }).outputText
          : source()
      writeFileSync(join(project, file), code)
      const { status, output, stdout } = runIn(project, file)
      expect(status, output).toBe(0)
      expect(stdout.trim().split('\n')).toEqual(await expectedLines())
    })
  }

  for (const resolution of ['nodenext', 'bundler'] as ModuleResolution[]) {
    test(`typechecks, strict, moduleResolution ${resolution}`, slow, () => {
      writeFileSync(join(project, 'example.ts'), readmeExample())
      const passes = typecheck(project, ['example.ts'], resolution)
      expect(passes.output).toBe('')
      expect(passes.status).toBe(0)
    })
  }

  test('the types are real: a wrong query value and a misspelt field are errors', slow, () => {
    writeFileSync(
      join(project, 'wrong.ts'),
      `import { createClient } from 'colophon-client'
const api = createClient('${README_URL}')
await api.v1.reports.$get({ query: { sort: 'popular' } })
const res = await api.v1.reports[':slug'].$get({ param: { slug: 'x' } })
if (res.status === 200) console.log((await res.json()).titel)
if (res.status === 404) console.log((await res.json()).detail.length)
`,
    )
    const fails = typecheck(project, ['wrong.ts'], 'nodenext', { skipLibCheck: true })
    expect(fails.status).not.toBe(0)
    expect(fails.output).toMatch(/wrong\.ts\(3,\d+\): error TS2322: Type '"popular"'/)
    expect(fails.output).toMatch(
      /wrong\.ts\(5,\d+\): error TS2551: Property 'titel' does not exist/,
    )
    // detail is optional in a Problem: strict mode wants it checked
    expect(fails.output).toMatch(/wrong\.ts\(6,\d+\): error TS2532: Object is possibly .undefined./)
  })
})
