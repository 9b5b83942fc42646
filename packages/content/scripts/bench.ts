// Benchmark of the compile step: wall time and peak memory of `build` for 1,000, 10,000 and
// 100,000 synthetic reports; at 10,000, `colophon build` again with nothing changed and
// with one report file changed (the CLI as an editor runs it, process start included), and
// one changed file in watch mode. Prints a table; asserts nothing (the budgets are in
// DESIGN.md; the table says how far from them).
//
//   pnpm --filter colophon-content bench            all sizes
//   BENCH_SIZES=1000,10000 pnpm --filter colophon-content bench
//   BENCH_SIZES=10000 BENCH_ROWS=watch pnpm --filter colophon-content bench   watch row only
//   BENCH_SIZES=10000 BENCH_ROWS=rebuild pnpm --filter colophon-content bench   rebuild rows only
import { execFile } from 'node:child_process'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { BENCH_ROOT, benchCatalogue } from './bench-catalogue.ts'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const ROWS = new Set((process.env.BENCH_ROWS ?? 'build,rebuild,watch').split(','))
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 20 * 60_000)
const CHILD = fileURLToPath(new URL('./bench-child.ts', import.meta.url))
const CLI = fileURLToPath(new URL('../bin/colophon.js', import.meta.url))
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

interface Measure {
  ms: number
  peakRssMb: number
  cpuMs?: number
  maxMs?: number
  compileMs?: number[]
  filesWritten?: number
  followUpMs?: number[]
}

async function child(args: string[]): Promise<Measure | { error: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--max-old-space-size=8192', '--import', 'tsx', CHILD, ...args],
      { timeout: TIMEOUT_MS, maxBuffer: 1 << 20 },
    )
    return JSON.parse(stdout.trim().split('\n').at(-1) as string)
  } catch (error) {
    const e = error as { killed?: boolean; stderr?: string; message: string }
    if (e.killed) return { error: `stopped after ${TIMEOUT_MS / 60_000} min` }
    return { error: (e.stderr ?? e.message).trim().split('\n').slice(-3).join(' ') }
  }
}

const seconds = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`
const rows: string[][] = []

function verdict(value: number, budget: number | undefined, unit: string): string {
  if (budget === undefined) return ''
  if (value <= budget) return `within (${Math.round((value / budget) * 100)}% of ${unit})`
  return `MISSED by ${Math.round((value / budget - 1) * 100)}% (budget ${unit})`
}

console.log(
  `colophon bench: node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
for (const count of SIZES) {
  const dir = await benchCatalogue(count)
  const out = join(BENCH_ROOT, `out-${count}`)
  if (ROWS.has('build')) await buildRow(count, dir, out)
  if (count === 10_000 && ROWS.has('rebuild')) await rebuildRows(dir, out)
  if (count === 10_000 && ROWS.has('watch')) await watchRow(dir, out)
}

async function buildRow(count: number, dir: string, out: string) {
  const baseline = await child(['baseline', dir, out])
  const measured = await child(['build', dir, out])
  const label = `build, ${count.toLocaleString('en-US')} reports`
  if ('error' in measured) {
    rows.push([label, '-', '-', '-', '-', measured.error])
    return
  }
  const ratio = 'error' in baseline ? '-' : `${(measured.ms / baseline.ms).toFixed(1)}×`
  const budget = count === 10_000
  rows.push([
    label,
    seconds(measured.ms),
    measured.cpuMs === undefined ? '-' : seconds(measured.cpuMs),
    `${measured.peakRssMb} MB`,
    ratio,
    budget
      ? `${verdict(measured.ms, 10_000, '10 s')}; ${verdict(measured.peakRssMb, 1024, '1 GB')}`
      : '',
  ])
}

/** `colophon build` in its own process, as an editor runs it: wall time and what it said. */
async function cli(dir: string, out: string): Promise<{ ms: number; said: string; why?: string }> {
  const started = performance.now()
  // With the phase timings on (stderr): they say why a build was not made in place.
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [CLI, 'build', '--dir', dir, '--out', out],
    { timeout: TIMEOUT_MS, env: { ...process.env, COLOPHON_TIMINGS: '1' } },
  )
  const why = /in place: not possible, ([^:]*):/.exec(stderr)?.[1]
  return { ms: performance.now() - started, said: stdout.trim(), ...(why && { why }) }
}

/**
 * `colophon build` again, with nothing changed (3 runs), then with one report's title
 * changed (5 runs, a different report each time): median and max, process start included.
 */
async function rebuildRows(dir: string, out: string) {
  const { execFileSync } = await import('node:child_process')
  // The CLI runs from its bundle while the bundle is up to date: make sure it is.
  execFileSync(process.execPath, [fileURLToPath(new URL('./bundle-cli.mjs', import.meta.url))])
  const { readFile, writeFile } = await import('node:fs/promises')
  const { listReportFiles } = await import('../src/build.ts')
  await cli(dir, out)
  const same = [await cli(dir, out), await cli(dir, out), await cli(dir, out)]
  rows.push([
    'colophon build again, nothing changed, 10,000 (median of 3; max)',
    `${seconds(median(same.map((r) => r.ms)))}; ${seconds(Math.max(...same.map((r) => r.ms)))}`,
    '-',
    '-',
    '-',
    `${verdict(median(same.map((r) => r.ms)), 1000, '1 s')}; ${same.every((r) => r.said.includes('unchanged')) ? 'nothing written' : 'WROTE (expected nothing)'}`,
  ])
  const files = (await listReportFiles(dir)).slice(0, 5)
  const changed: { ms: number; said: string; why?: string }[] = []
  for (const [i, file] of files.entries()) {
    const original = await readFile(file, 'utf8')
    await writeFile(file, original.replace(/^title: .*$/m, `title: A benchmark edit, number ${i}`))
    try {
      changed.push(await cli(dir, out))
    } finally {
      await writeFile(file, original)
    }
  }
  // Back to the files as generated (a sixth build, not measured).
  await cli(dir, out)
  const inPlace = changed.filter((r) => r.said.includes('updated in place')).length
  rows.push([
    'colophon build again, one file changed, 10,000 (median of 5; max)',
    `${seconds(median(changed.map((r) => r.ms)))}; ${seconds(Math.max(...changed.map((r) => r.ms)))}`,
    '-',
    '-',
    '-',
    `${verdict(Math.max(...changed.map((r) => r.ms)), 1000, '1 s')}; ${inPlace} of ${changed.length} updated in place (${changed.map((r) => `${seconds(r.ms)}${r.said.includes('updated in place') ? '' : ` in full: ${r.why ?? 'why unknown'}`}`).join(', ')})`,
  ])
}

async function watchRow(dir: string, out: string) {
  const watch = await child(['watch', dir, out, '5'])
  if ('error' in watch) {
    rows.push(['watch, one file changed, 10,000', '-', '-', '-', '-', watch.error])
    return
  }
  rows.push([
    'watch, one file changed, 10,000 (median of 5; max)',
    `${seconds(watch.ms)}; ${seconds(watch.maxMs ?? 0)}`,
    '-',
    `${watch.peakRssMb} MB`,
    '-',
    `${verdict(watch.ms, 200, '200 ms')}; compile+write ${watch.compileMs?.join(', ')} ms; ${watch.filesWritten} files rewritten`,
  ])
  const followUps = watch.followUpMs ?? [0]
  rows.push([
    '  then search index + typed entry (after a 300 ms pause)',
    `${seconds(Math.min(...followUps))} – ${seconds(Math.max(...followUps))}`,
    '-',
    '-',
    '-',
    'off the critical path: report, list and manifest are written already',
  ])
}

const header = ['what', 'wall', 'CPU', 'peak RSS', 'vs reading the files', 'budget (DESIGN.md)']
const table = [header, ...rows]
const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)))
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const r of rows) console.log(line(r))
