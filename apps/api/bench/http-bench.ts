// HTTP rows with wrk as the client (a separate process in C, so the client does not take the
// server's CPU the way an in-process fetch loop does): a bare Hono route, the same route
// behind secureHeaders + cors (every API response pays for them), one report by slug, and
// searches. Each row after a warm-up that requests every path once (its mean time per request
// is the row's uncached figure) and a 2 s wrk run; errors (non-2xx, socket errors) counted.
import { type ChildProcess, execFile, fork } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

export interface WrkResult {
  rps: number
  p50: number
  p99: number
  errors: number
  requests: number
}

const toMs = (value: string, unit: string) =>
  Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1)

/** Parses wrk's report (`--latency`). */
export function parseWrk(text: string): WrkResult {
  const latency = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(text)
    return m ? toMs(m[1] as string, m[2] as string) : Number.NaN
  }
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text)
  const socketErrors = socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? Number.NaN),
    p50: latency('50'),
    p99: latency('99'),
    errors: non2xx + socketErrors,
    requests: Number(/(\d+) requests in/.exec(text)?.[1] ?? 0),
  }
}

async function wrk(base: string, paths: readonly string[], seconds: number, connections: number) {
  const dir = mkdtempSync(join(tmpdir(), 'colophon-wrk-'))
  try {
    const script = join(dir, 'paths.lua')
    writeFileSync(
      script,
      `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n`,
    )
    const { stdout } = await promisify(execFile)(
      'wrk',
      [
        '-t1',
        `-c${connections}`,
        `-d${seconds}s`,
        '--timeout',
        '5s',
        '--latency',
        '-s',
        script,
        base,
      ],
      { timeout: (seconds + 30) * 1000 },
    )
    return parseWrk(stdout)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Requests every path once, one at a time; returns the mean ms per request. */
async function eachOnce(base: string, paths: readonly string[]): Promise<number> {
  const unique = new Set(paths)
  const started = performance.now()
  for (const path of unique) {
    const response = await fetch(base + path)
    if (!response.ok) throw new Error(`warm-up: ${path} answered ${response.status}`)
    await response.arrayBuffer()
  }
  return (performance.now() - started) / unique.size
}

export interface HttpScenario {
  name: string
  paths: string[]
}

/** A ratio of two scenarios' requests/s, measured in alternating rounds. */
export interface RatioSpec {
  name: string
  numerator: string
  denominator: string
}

export interface RatioResult {
  median: number
  rounds: number[]
}

/** The median of per-round ratios: a slow spell of the machine hits both sides of a round. */
export function medianRatio(numerators: readonly number[], denominators: readonly number[]) {
  const rounds = numerators.map((n, i) => n / (denominators[i] as number))
  const sorted = [...rounds].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median =
    sorted.length % 2
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
  return { median, rounds }
}

/**
 * Starts bench/server.ts on `dir` and prints one row per scenario, then each ratio from
 * alternating rounds of its two scenarios; returns the rows by name and the ratios.
 */
export async function benchHttp(
  serverScript: string,
  dir: string,
  scenarios: readonly HttpScenario[],
  options: { seconds: number; connections: number; ratios?: readonly RatioSpec[]; rounds?: number },
): Promise<{ rows: Map<string, WrkResult>; ratios: Map<string, RatioResult> }> {
  const server: ChildProcess = fork(serverScript, [dir], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  })
  const results = new Map<string, WrkResult>()
  const ratios = new Map<string, RatioResult>()
  const serverCpu = () =>
    new Promise<number>((resolve) => {
      server.once('message', (m) => {
        const { user, system } = (m as { cpu: { user: number; system: number } }).cpu
        resolve(user + system)
      })
      server.send({ cpu: true })
    })
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once('message', (m) => resolve((m as { port: number }).port))
      server.once('exit', (code) => reject(new Error(`bench server exited (${code})`)))
    })
    const base = `http://127.0.0.1:${port}`
    console.log(
      `\n### HTTP on Node over loopback, wrk -t1 -c${options.connections}, ${options.seconds} s per row after a warm-up\n`,
    )
    console.log(
      '| scenario | first request of each path, ms (uncached) | requests/s (cached) | server CPU µs per request | p50 ms | p99 ms | errors |',
    )
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
    for (const { name, paths } of scenarios) {
      const firstPass = await eachOnce(base, paths)
      await wrk(base, paths, 2, options.connections)
      const cpuBefore = await serverCpu()
      const r = await wrk(base, paths, options.seconds, options.connections)
      const cpuPerRequest = ((await serverCpu()) - cpuBefore) / r.requests
      results.set(name, r)
      console.log(
        `| ${name} | ${firstPass.toFixed(2)} | ${Math.round(r.rps).toLocaleString('en')} | ${cpuPerRequest.toFixed(1)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} of ${r.requests.toLocaleString('en')} |`,
      )
    }
    const rounds = options.rounds ?? 7
    const pathsOf = (name: string) => {
      const scenario = scenarios.find((s) => s.name === name)
      if (!scenario) throw new Error(`no scenario named ${name}`)
      return scenario.paths
    }
    for (const { name, numerator, denominator } of options.ratios ?? []) {
      const top: number[] = []
      const bottom: number[] = []
      for (let round = 0; round < rounds; round++) {
        // Alternate which side goes first, so neither always follows the other.
        const order = round % 2 ? [denominator, numerator] : [numerator, denominator]
        for (const side of order) {
          const { rps } = await wrk(base, pathsOf(side), 2, options.connections)
          ;(side === numerator ? top : bottom).push(rps)
        }
      }
      const ratio = medianRatio(top, bottom)
      ratios.set(name, ratio)
      console.log(
        `\n${name}: median of ${rounds} alternating 2 s rounds **${ratio.median.toFixed(2)}** (rounds: ${ratio.rounds.map((r) => r.toFixed(2)).join(', ')})`,
      )
    }
  } finally {
    server.kill()
  }
  return { rows: results, ratios }
}
