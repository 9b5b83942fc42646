// `pnpm --filter colophon-api bench`: prints figures, asserts nothing (DESIGN.md budgets).
// Rows are printed as each completes. BENCH_ROWS picks rows (search,http,bundle; all by
// default); BENCH_SIZES the in-process search sizes (10000,100000); BENCH_BASELINE=0 skips
// the MiniSearch baseline (it runs at 10,000 only unless BENCH_BASELINE=all).
//  1. Search in process (colophon-content/search vs the old MiniSearch path).
//  2. HTTP with wrk on loopback: slug lookup vs a bare route with the same middleware, the
//     ratio as the median of alternating rounds (a slow spell of a shared machine hits both).
//  3. The worker bundle, gzipped, from `wrangler deploy --dry-run`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, generateCatalogue } from 'colophon-content/node'
import { openCatalogue } from '../src/catalogue.ts'
import { FolderStore } from '../src/store/folder.ts'
import { benchHttp } from './http-bench.ts'
import { querySet } from './query-set.ts'
import { benchSearch } from './search-bench.ts'

const ROWS = new Set((process.env.BENCH_ROWS ?? 'search,http,bundle').split(','))
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number)
const BASELINE = process.env.BENCH_BASELINE ?? '10000'
const HTTP_REPORTS = Number(process.env.BENCH_HTTP_REPORTS ?? 10_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const here = fileURLToPath(new URL('.', import.meta.url))
const api = join(here, '..')

console.log(
  `Node ${process.version}; budgets: search p99 < 10 ms at 10,000 and < 30 ms at 100,000 (uncached, with facets); slug ≥ 0.80 × bare route with the same middleware; bundle < 150 KB gzip`,
)
const p99s = new Map<number, { wall: number; cpu: number }>()
if (ROWS.has('search')) {
  for (const size of SIZES) {
    const baseline =
      BASELINE === 'all' || (BASELINE !== '0' && SIZES.includes(size) && String(size) === BASELINE)
    p99s.set(size, await benchSearch(size, { baseline }))
  }
}

let ratio: number | undefined
let sameBytesRatio: number | undefined
if (ROWS.has('http')) {
  const temp = mkdtempSync(join(tmpdir(), 'colophon-bench-'))
  try {
    let t = performance.now()
    await generateCatalogue(join(temp, 'src'), { count: HTTP_REPORTS, seed: 42 })
    const result = await build({ dir: join(temp, 'src'), out: join(temp, 'out'), entry: false })
    if (!result.ok) throw new Error(`compile failed: ${result.problems.length} problems`)
    console.log(
      `\n(HTTP catalogue: ${HTTP_REPORTS.toLocaleString('en')} reports generated and compiled in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
    )
    const catalogue = await openCatalogue(new FolderStore(join(temp, 'out')))
    const summaries = await catalogue.allSummaries()
    const slugs = summaries.slice(0, 2000).map((s) => `/v1/reports/${s.slug}`)
    t = performance.now()
    const engine = await catalogue.engine()
    const reports = await Promise.all(summaries.slice(0, 2000).map((s) => catalogue.report(s.slug)))
    const queries = querySet(
      reports.filter((r) => r !== undefined),
      engine.index as NonNullable<typeof engine.index>,
      11,
      20,
    )
    const BASELINE = "constant route in the API's app, all its middleware (the baseline)"
    const SAME_BYTES = "a report's bytes as a constant, all the app's middleware"
    const SAME_HEADERS = "a report's bytes and the slug route's five headers as a constant"
    const SLUGS = 'GET /v1/reports/{slug} (2,000 slugs)'
    const { ratios } = await benchHttp(
      join(here, 'server.ts'),
      join(temp, 'out'),
      [
        { name: 'bare Hono route (constant)', paths: ['/bare'] },
        { name: 'bare route + secureHeaders + cors', paths: ['/bare-headers'] },
        { name: BASELINE, paths: ['/bench/constant'] },
        { name: SAME_BYTES, paths: ['/bench/constant-report'] },
        { name: SAME_HEADERS, paths: ['/bench/constant-report-headers'] },
        { name: SLUGS, paths: slugs },
        {
          name: 'GET /v1/reports?page=N',
          paths: Array.from({ length: 50 }, (_, i) => `/v1/reports?page=${i + 1}`),
        },
        {
          name: `GET /v1/reports?q=… (${queries.length} realistic queries, cached after first use)`,
          paths: queries.map((q) => `/v1/reports?q=${encodeURIComponent(q.q)}`),
        },
      ],
      {
        seconds: SECONDS,
        connections: CONNECTIONS,
        ratios: [
          {
            name: 'slug lookup / the baseline (budget ≥ 0.80)',
            numerator: SLUGS,
            denominator: BASELINE,
          },
          {
            name: "slug lookup / a report's bytes as a constant",
            numerator: SLUGS,
            denominator: SAME_BYTES,
          },
          {
            name: "slug lookup / a report's bytes and headers as a constant",
            numerator: SLUGS,
            denominator: SAME_HEADERS,
          },
        ],
      },
    )
    ratio = ratios.get('slug lookup / the baseline (budget ≥ 0.80)')?.median ?? Number.NaN
    sameBytesRatio =
      ratios.get("slug lookup / a report's bytes as a constant")?.median ?? Number.NaN
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

if (ROWS.has('bundle')) {
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
  console.log(`\nWorker bundle, code without content (env kv): ${bundle(['--env', 'kv'])}`)
}

console.log('\n### Against the budgets\n')
console.log('| budget | measured |')
console.log('| --- | --- |')
for (const [size, p99] of p99s)
  console.log(
    `| search p99 at ${size.toLocaleString('en')}, uncached, with facets < ${size >= 100_000 ? 30 : 10} ms | ${p99.wall.toFixed(2)} ms wall, ${p99.cpu.toFixed(2)} ms CPU |`,
  )
if (ratio !== undefined)
  console.log(
    `| slug ≥ 0.80 × bare route with the same middleware (wrk) | ${ratio.toFixed(2)} (against a constant of a report's size: ${sameBytesRatio?.toFixed(2)}) |`,
  )
