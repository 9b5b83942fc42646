// `pnpm --filter colophon-api bench`: prints figures, asserts nothing (DESIGN.md budgets).
//  1. HTTP on Node over loopback, 10,000 reports: a bare Hono route, one report by slug, a
//     list page, a search; requests/s, p50, p99 and each as a ratio of the bare route.
//  2. Search latency in process over the same 10,000 reports.
//  3. The worker bundle, gzipped, from `wrangler deploy --dry-run`.
import { fork, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, generateCatalogue, readCompiledCatalogue } from 'colophon-content/node'
import { openCatalogue } from '../src/catalogue.ts'
import { listReports } from '../src/list.ts'
import { FolderStore } from '../src/store/folder.ts'

const COUNT = Number(process.env.BENCH_REPORTS ?? 10_000)
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16)
const here = fileURLToPath(new URL('.', import.meta.url))
const api = join(here, '..')

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

async function load(urls: string[], durationMs: number) {
  const latencies: number[] = []
  let errors = 0
  let next = 0
  const end = performance.now() + durationMs
  const worker = async () => {
    while (performance.now() < end) {
      const url = urls[next++ % urls.length] as string
      const start = performance.now()
      const res = await fetch(url)
      await res.arrayBuffer()
      latencies.push(performance.now() - start)
      if (res.status !== 200) errors++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const elapsed = performance.now() - started
  latencies.sort((a, b) => a - b)
  return {
    rps: latencies.length / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  }
}

const temp = mkdtempSync(join(tmpdir(), 'colophon-bench-'))
try {
  console.log(`Generating and compiling ${COUNT.toLocaleString('en')} reports in ${temp} …`)
  let t = performance.now()
  await generateCatalogue(join(temp, 'src'), { count: COUNT, seed: 42 })
  const result = await build({ dir: join(temp, 'src'), out: join(temp, 'out'), entry: false })
  if (!result.ok) throw new Error(`compile failed: ${result.problems.length} problems`)
  console.log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  const compiled = readCompiledCatalogue(join(temp, 'out'))
  const slugs = compiled.summaries.map((s) => s.slug)
  const words = [
    ...new Set(
      compiled.summaries
        .flatMap((s) => s.title.toLowerCase().split(/[^a-z]+/))
        .filter((w) => w.length > 4),
    ),
  ].slice(0, 300)
  // Measured queries and warm-up queries are distinct, so the search cache never helps the
  // in-process figures.
  const warmUp = words.slice(200)
  words.length = Math.min(words.length, 200)

  // 2. In-process search latency (the list pipeline: index search, filters, facets, page).
  const catalogue = await openCatalogue(new FolderStore(join(temp, 'out')))
  t = performance.now()
  await catalogue.engine()
  const indexLoad = performance.now() - t
  const queries = words.flatMap((w, i) => [
    w,
    `${w} ${words[(i * 7) % words.length]}`,
    w.slice(0, 3),
  ])
  for (const q of warmUp) await listReports(catalogue, { q })
  const searchTimes: number[] = []
  let hits = 0
  for (const q of queries) {
    const start = performance.now()
    const r = await listReports(catalogue, { q })
    searchTimes.push(performance.now() - start)
    hits += r.total
  }
  searchTimes.sort((a, b) => a - b)

  // 1. HTTP on loopback.
  const server = fork(join(here, 'server.ts'), [join(temp, 'out')], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  })
  const port = await new Promise<number>((resolve) =>
    server.once('message', (m) => resolve((m as { port: number }).port)),
  )
  const base = `http://127.0.0.1:${port}`
  const scenarios: [string, string[]][] = [
    ['bare Hono route (constant)', ['/bare']],
    ['same + secureHeaders + cors', ['/bare-headers']],
    ['GET /v1/reports/{slug}', slugs.slice(0, 2000).map((s) => `/v1/reports/${s}`)],
    [
      'GET /v1/reports?page=N (list)',
      Array.from({ length: 50 }, (_, i) => `/v1/reports?page=${i + 1}`),
    ],
    [
      'GET /v1/reports?q=… (200 queries, cached after first use)',
      words.map((w) => `/v1/reports?q=${encodeURIComponent(w)}`),
    ],
    [
      'GET /v1/reports?q=… (distinct two-word queries, uncached)',
      words.flatMap((a, i) =>
        words.slice(i + 1).map((b) => `/v1/reports?q=${encodeURIComponent(`${a} ${b}`)}`),
      ),
    ],
  ]
  const rows: string[] = []
  let bareRps = 0
  try {
    for (const [name, paths] of scenarios) {
      const urls = paths.map((p) => base + p)
      await load(urls, 1000) // warm-up
      const r = await load(urls, DURATION_MS)
      if (name.startsWith('bare')) bareRps = r.rps
      rows.push(
        `| ${name} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${(r.rps / bareRps).toFixed(2)} |${r.errors ? ` ${r.errors} non-200` : ''}`,
      )
    }
  } finally {
    server.kill()
  }

  // 3. Bundle sizes.
  const bundle = (env: string[]) => {
    const out = mkdtempSync(join(tmpdir(), 'colophon-bundle-'))
    const run = spawnSync('wrangler', ['deploy', '--dry-run', '--outdir', out, ...env], {
      cwd: api,
      encoding: 'utf8',
    })
    if (run.status !== 0) return `failed: ${run.stderr.slice(-300)}`
    const files = readdirSync(out).filter((f) => f.endsWith('.js'))
    const raw = files.reduce((n, f) => n + statSync(join(out, f)).size, 0)
    const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(out, f))).length, 0)
    rmSync(out, { recursive: true, force: true })
    return `${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`
  }

  console.log(
    `\nNode ${process.version}, ${COUNT.toLocaleString('en')} reports, ${CONCURRENCY} concurrent connections, ${DURATION_MS / 1000} s per row, loopback\n`,
  )
  console.log('| scenario | requests/s | p50 ms | p99 ms | ratio to bare |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  for (const row of rows) console.log(row)
  console.log(
    `\nSearch in process over ${COUNT.toLocaleString('en')} reports (${searchTimes.length} queries, ${Math.round(hits / searchTimes.length)} hits on average, list pipeline with facets): p50 ${percentile(searchTimes, 50).toFixed(2)} ms, p99 ${percentile(searchTimes, 99).toFixed(2)} ms, max ${searchTimes.at(-1)?.toFixed(2)} ms; index load ${indexLoad.toFixed(0)} ms`,
  )
  console.log(`Worker bundle, code without content (env kv): ${bundle(['--env', 'kv'])}`)
  console.log(`Worker bundle with the embedded catalogue (default): ${bundle([])}`)
  console.log('Budgets (DESIGN.md): slug ≥ 0.80 of bare; search p99 < 10 ms; bundle < 150 KB gzip.')
} finally {
  rmSync(temp, { recursive: true, force: true })
}
