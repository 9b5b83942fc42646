// Starts the API on each runtime it ships an entry for, over the bundled catalogue, on
// 127.0.0.1 and a free port: Node (src/node.ts through tsx, and the bundle `npm start` runs,
// dist/node.js), Bun (src/bun.ts), Deno (src/deno.ts), all as child processes, and workerd
// (src/worker.ts through wrangler's dev server).
import { type ChildProcess, spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runtimeBinary } from '../../../../test-support/runtime-binaries.ts'

export const API_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface RunningRuntime {
  name: string
  url: string
  stop(): Promise<void>
}

/** Runs `command` until it prints `API: <url>/v1`; resolves with that URL. */
function startProcess(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<RunningRuntime> {
  const child: ChildProcess = spawn(command, args, {
    cwd: API_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /API: (http:\/\/\S+)\/v1/.exec(output)
      if (match?.[1]) resolve({ name, url: match[1], stop })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('error', reject)
    child.once('exit', (code) =>
      reject(new Error(`${name} exited (${code}) before listening:\n${output}`)),
    )
  })
}

export function startNode(env: Record<string, string> = {}) {
  return startProcess('node', process.execPath, ['--import', 'tsx', 'src/node.ts'], env)
}

/** The bundle that `npm start` runs (`pnpm --filter colophon-api build` makes it). */
export function startNodeBundle(env: Record<string, string> = {}) {
  return startProcess('node bundle', process.execPath, ['dist/node.js'], env)
}

export function startBun(env: Record<string, string> = {}) {
  return startProcess('bun', runtimeBinary('bun'), ['src/bun.ts'], env)
}

export function startDeno(env: Record<string, string> = {}) {
  return startProcess(
    'deno',
    runtimeBinary('deno'),
    ['run', '--allow-net', '--allow-read', '--allow-env', 'src/deno.ts'],
    { DENO_NO_UPDATE_CHECK: '1', ...env },
  )
}

/** The Workers entry in workerd (wrangler's dev server, the config's static assets too). */
export async function startWorkerd(vars: Record<string, string> = {}): Promise<RunningRuntime> {
  const { unstable_dev } = await import('wrangler')
  const worker = await unstable_dev(join(API_DIR, 'src/worker.ts'), {
    config: join(API_DIR, 'wrangler.toml'),
    ip: '127.0.0.1',
    port: 0,
    vars,
    logLevel: 'error',
    experimental: { disableExperimentalWarning: true },
  })
  return {
    name: 'workerd',
    url: `http://${worker.address}:${worker.port}`,
    stop: () => worker.stop(),
  }
}
