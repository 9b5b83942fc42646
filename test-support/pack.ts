// The published packages as a consumer gets them: `pnpm pack` (publishConfig applies), the
// tarball linted (publint, arethetypeswrong), installed by npm into a scratch project outside
// the workspace (other dependencies from the npm registry), then used from TypeScript (strict,
// nodenext and bundler resolution), plain Node, Deno and Bun. Shared by every publishable
// package's test/package.test.ts.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { runtimeBinary } from './runtime-binaries.ts'

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const isWindows = process.platform === 'win32'
const require = createRequire(import.meta.url)

export interface RunResult {
  status: number | null
  output: string
  stdout: string
}

/** Runs a command to completion; output is stdout then stderr. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): RunResult {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    shell: isWindows,
    timeout: 240_000,
    env: { ...process.env, ...env },
  })
  if (result.error) throw result.error
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
    stdout: result.stdout,
  }
}

function findBin(name: string): string {
  for (let dir = REPO_ROOT; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name)
    if (existsSync(bin)) return bin
    if (dirname(dir) === dir) return name
  }
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** Builds `packageDir` unless each of `outputs` (in dist/) is newer than every source file. */
export function ensureBuilt(packageDir: string, outputs: string[]): void {
  const source = newestMtime(join(packageDir, 'src'))
  const fresh = outputs.every((file) => {
    const path = join(packageDir, 'dist', file)
    return existsSync(path) && statSync(path).mtimeMs >= source
  })
  if (fresh) return
  const { status, output } = run(findBin('pnpm'), ['run', 'build'], packageDir)
  if (status !== 0) throw new Error(`build of ${packageDir} failed:\n${output}`)
}

export interface Packed {
  tarball: string
  /** Paths inside the tarball (package/…). */
  files: string[]
  /** The published package.json. */
  manifest: {
    [key: string]: unknown
    exports: Record<string, unknown>
    dependencies: Record<string, string>
  }
}

/** `pnpm pack` into `destination`, listed and its manifest read. */
export function pack(packageDir: string, destination: string): Packed {
  const before = new Set(existsSync(destination) ? readdirSync(destination) : [])
  mkdirSync(destination, { recursive: true })
  const packed = run(findBin('pnpm'), ['pack', '--pack-destination', destination], packageDir)
  if (packed.status !== 0) throw new Error(`pnpm pack failed:\n${packed.output}`)
  const name = readdirSync(destination).find((f) => f.endsWith('.tgz') && !before.has(f))
  if (!name) throw new Error(`no tarball in ${destination}:\n${packed.output}`)
  const tarball = join(destination, name)
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  )
  return { tarball, files, manifest }
}

/** publint's messages on the tarball, suggestions included, as text. */
export async function publintMessages(tarball: string): Promise<string[]> {
  const { publint } = await import(pathToFileURL(require.resolve('publint')).href)
  const { formatMessage } = await import(pathToFileURL(require.resolve('publint/utils')).href)
  const { messages, pkg } = await publint({
    pack: { tarball: readFileSync(tarball).buffer as ArrayBuffer },
    level: 'suggestion',
    strict: true,
  })
  return messages.map((m: { code: string }) => formatMessage(m, pkg) ?? m.code)
}

/**
 * arethetypeswrong's problems on the tarball (profile esm-only: node10 and require() from
 * CommonJS do not apply to an ESM-only package), and its exit status.
 */
export function attwProblems(tarball: string): { problems: unknown[]; status: number | null } {
  const manifest = require.resolve('@arethetypeswrong/cli/package.json')
  const bin = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.attw)
  const { status, output } = run(
    process.execPath,
    [bin, tarball, '--profile', 'esm-only', '--format', 'json'],
    dirname(tarball),
  )
  const report: { problems?: Record<string, { resolutionKind?: string }[]> } = JSON.parse(
    output.slice(output.indexOf('{')),
  )
  const problems = Object.values(report.problems ?? {})
    .flat()
    .filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''))
  return { problems, status }
}

/**
 * A new project in the system's temporary directory with `tarballs` installed by npm; their
 * other dependencies come from the npm registry.
 */
export function scratchProject(tarballs: string[], name = 'consumer'): string {
  const project = mkdtempSync(join(tmpdir(), `colophon-${name}-`))
  if (!relative(REPO_ROOT, project).startsWith('..')) {
    throw new Error(`${project} is inside the workspace`)
  }
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name, private: true, type: 'module' }, null, 2),
  )
  const npm = run(
    isWindows ? 'npm.cmd' : 'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...tarballs],
    project,
  )
  if (npm.status !== 0) throw new Error(`npm install failed:\n${npm.output}`)
  return project
}

export type ModuleResolution = 'nodenext' | 'bundler'

/**
 * Typechecks `files` in `project` with strict TypeScript and the given resolution, checking
 * the packages' own .d.ts too (no skipLibCheck).
 */
export function typecheck(
  project: string,
  files: string[],
  resolution: ModuleResolution,
  extra: Record<string, unknown> = {},
): RunResult {
  const config = `tsconfig.${resolution}.json`
  writeFileSync(
    join(project, config),
    JSON.stringify({
      compilerOptions: {
        module: resolution === 'nodenext' ? 'nodenext' : 'esnext',
        moduleResolution: resolution,
        target: 'es2022',
        lib: ['es2023', 'dom'],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noPropertyAccessFromIndexSignature: true,
        noEmit: true,
        types: [],
        skipLibCheck: false,
        ...extra,
      },
      files,
    }),
  )
  const tsc = require.resolve('typescript/bin/tsc')
  return run(process.execPath, [tsc, '-p', config], project)
}

export const runNode = (project: string, file: string, env?: Record<string, string>) =>
  run(process.execPath, [file], project, env)

export const runBun = (project: string, file: string, env?: Record<string, string>) =>
  run(runtimeBinary('bun'), ['run', file], project, env)

export const runDeno = (project: string, file: string, env?: Record<string, string>) =>
  run(runtimeBinary('deno'), ['run', '--allow-read', '--allow-env', '--allow-net', file], project, {
    DENO_NO_UPDATE_CHECK: '1',
    ...env,
  })
