// Server-rendered report pages on Node at 10,000 reports, uncached (the page cache is off, so
// every request fetches from the API in process and renders with Solid). Prints figures only.
//
// So that the figures can be trusted on a shared machine:
// - the kinds of request are interleaved, round by round, so load from other jobs falls on
//   all of them alike, and each is also given as a ratio of a trivial route measured in the
//   same rounds (a bare Hono route returning a constant);
// - every request starts from an empty event loop (a `setImmediate` between requests), after
//   a warm-up that is not counted;
// - beside wall-clock p50/p99, the process CPU time of each request (`process.cpuUsage`, all
//   threads, so a parallel GC counts too) and the GC pauses that overlapped it: a wall p99
//   far above the CPU p99 is the machine (waiting for a core), not the page.
//
// Usage: pnpm --filter colophon-api exec tsx bench/ssr.ts [count=10000] [requests=2000]
// COLOPHON_WEB_DIR=/path/to/apps/web measures another build of the web app (its dist and
// dist-server), e.g. main's, against this one in the same session.
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { constants, PerformanceObserver } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, generateCatalogue } from 'colophon-content/node'
import { Hono } from 'hono'
import { createApp } from '../src/app.ts'
import { startServer } from '../src/node-server.ts'
import { FolderStore } from '../src/store/folder.ts'
import { OFFERED_FORMATS, type WebRendererModule } from '../src/web-pages.ts'

const count = Number(process.argv[2] ?? 10_000)
const requests = Number(process.argv[3] ?? 2_000)
const warmUp = Math.max(200, Math.floor(requests / 5))
const web = process.env.COLOPHON_WEB_DIR ?? fileURLToPath(new URL('../../web/', import.meta.url))
const entry = join(web, 'dist-server', 'entry-server.js')
if (!existsSync(entry)) throw new Error('build apps/web first: pnpm --filter colophon-web build')

interface Sample {
  start: number
  wall: number
  /** Process CPU (user + system, all threads), ms. */
  cpu: number
}

/** GC pauses seen in this process, on performance.now()'s timeline. */
const pauses: { start: number; end: number; kind: string }[] = []
const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
}
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    // Node's GC entries carry their kind in `detail` (not in the DOM's PerformanceEntry type).
    const detail = (e as PerformanceEntry & { detail?: { kind?: number } }).detail
    const kind = GC_KINDS[detail?.kind ?? -1] ?? 'other'
    pauses.push({ start: e.startTime, end: e.startTime + e.duration, kind })
  }
})
gcObserver.observe({ entryTypes: ['gc'] })

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
// GC entries reach the observer asynchronously: a pause before the report gets them all in.
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 100))

function at(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN
}
const sortedOf = (values: number[]) => [...values].sort((a, b) => a - b)
const f = (v: number, digits = 2) => v.toFixed(digits).padStart(7)

interface Kind {
  name: string
  path: (i: number) => string
  call: (url: string) => Promise<unknown>
  samples: Sample[]
}

const kind = (name: string, path: Kind['path'], call: Kind['call']): Kind => ({
  name,
  path,
  call,
  samples: [],
})

/**
 * Runs `rounds` rounds; each round makes one request of every kind, in an order that rotates
 * from round to round. The first `warm` rounds are not recorded.
 */
async function interleaved(kinds: Kind[], rounds: number, warm: number): Promise<void> {
  for (let round = 0; round < warm + rounds; round++) {
    for (let k = 0; k < kinds.length; k++) {
      const current = kinds[(round + k) % kinds.length] as Kind
      const url = current.path(round)
      await nextTurn()
      const cpu = process.cpuUsage()
      const start = performance.now()
      await current.call(url)
      const wall = performance.now() - start
      const used = process.cpuUsage(cpu)
      if (round >= warm)
        current.samples.push({ start, wall, cpu: (used.user + used.system) / 1000 })
    }
  }
}

function report(title: string, kinds: Kind[]): void {
  const first = Math.min(...kinds.map((k) => k.samples[0]?.start ?? Number.POSITIVE_INFINITY))
  const last = Math.max(
    ...kinds.map((k) => (k.samples.at(-1)?.start ?? 0) + (k.samples.at(-1)?.wall ?? 0)),
  )
  const during = pauses.filter((p) => p.end > first && p.start < last)
  const byKind = new Map<string, number[]>()
  for (const p of during) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.end - p.start])
  const baseline = kinds[0] as Kind
  const basePercentiles = sortedOf(baseline.samples.map((s) => s.wall))
  const baseP50 = at(basePercentiles, 0.5)
  console.log(`\n${title}`)
  console.log(
    `${''.padEnd(38)}${'wall p50'.padStart(9)}${'p99'.padStart(8)}${'max'.padStart(8)}` +
      `${'cpu mean'.padStart(9)}${'p50'.padStart(8)}${'p99'.padStart(8)}` +
      `${'×base p50'.padStart(10)}  GC: requests hit, pause ms in them`,
  )
  for (const k of kinds) {
    const wall = sortedOf(k.samples.map((s) => s.wall))
    const cpu = sortedOf(k.samples.map((s) => s.cpu))
    const mean = k.samples.reduce((sum, s) => sum + s.cpu, 0) / k.samples.length
    let hit = 0
    let paused = 0
    for (const s of k.samples) {
      const end = s.start + s.wall
      let overlap = 0
      for (const p of pauses) {
        if (p.end > s.start && p.start < end)
          overlap += Math.min(p.end, end) - Math.max(p.start, s.start)
      }
      if (overlap > 0) hit++
      paused += overlap
    }
    console.log(
      `${k.name.padEnd(38)}${f(at(wall, 0.5))} ms${f(at(wall, 0.99))}${f(wall.at(-1) ?? 0, 1)}` +
        `${f(mean)} ms${f(at(cpu, 0.5))}${f(at(cpu, 0.99))}` +
        `${f(at(wall, 0.5) / baseP50, 1)}×     ${hit} of ${k.samples.length}, ${paused.toFixed(1)} ms`,
    )
  }
  const gc = [...byKind].map(([name, d]) => {
    const total = d.reduce((a, b) => a + b, 0)
    return `${d.length} ${name} (${total.toFixed(0)} ms, longest ${Math.max(...d).toFixed(1)} ms)`
  })
  console.log(`GC pauses in these rounds: ${gc.join(', ') || 'none'}`)
}

const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')

const dir = await mkdtemp(join(tmpdir(), 'colophon-ssr-bench-'))
try {
  console.log(`renderer: ${entry}`)
  console.log(`generating and compiling ${count} reports…`)
  await generateCatalogue(join(dir, 'source'), { count, seed: 1 })
  const result = await build({ dir: join(dir, 'source'), out: join(dir, 'compiled') })
  if (!result.ok) throw new Error('the generated catalogue did not compile')
  const store = new FolderStore(join(dir, 'compiled'))
  const app = createApp({ store, publicUrl: 'https://reports.example.org' })
  const list = (await (await app.request('/v1/reports?per_page=100&sort=title')).json()) as {
    items: { slug: string }[]
  }
  const slugs = list.items.map((r) => r.slug)
  const module = (await import(pathToFileURL(entry).href)) as WebRendererModule
  const handler = await module.createWebHandler({
    api: (request) => app.fetch(request),
    publicUrl: () => 'https://reports.example.org',
    manifest: JSON.parse(readFileSync(join(web, 'dist', '.vite', 'manifest.json'), 'utf8')),
    formats: OFFERED_FORMATS,
    cacheSize: 0,
  })
  const bare = new Hono().get('/bare', (c) => c.text('ok'))

  const page = (i: number) => `/reports/${slugs[i % slugs.length]}`
  const json = (i: number) => `/v1/reports/${slugs[i % slugs.length]}`
  const inProcess = (url: string) =>
    handler(new Request(`http://127.0.0.1${url}`)).then((r) => r?.text())
  const apiInProcess = (url: string) =>
    Promise.resolve(app.fetch(new Request(`http://127.0.0.1${url}`))).then((r) => r.text())
  const bareInProcess = (url: string) =>
    Promise.resolve(bare.fetch(new Request(`http://127.0.0.1${url}`))).then((r) => r.text())

  console.log(
    `${requests} measured requests of each kind after ${warmUp} warm-up rounds; load average ${load()}`,
  )
  const local = [
    kind('bare Hono route (baseline)', () => '/bare', bareInProcess),
    kind('report JSON', json, apiInProcess),
    kind('report page, uncached', page, inProcess),
  ]
  await interleaved(local, requests, warmUp)
  await settle()
  report('in process', local)

  const server = await startServer({ store, port: 0, webDir: join(web, 'dist') })
  const over = (url: string) => fetch(`${server.url}${url}`).then((r) => r.text())
  const http = [
    kind('robots.txt (baseline)', () => '/robots.txt', over),
    kind('report JSON', json, over),
    kind('report page, cached by hash', page, over),
  ]
  await interleaved(http, requests, warmUp)
  await server.close()
  await settle()
  report('over HTTP (loopback, the real Node server)', http)

  const html = await inProcess(page(0))
  console.log(`\npage size: ${(String(html).length / 1024).toFixed(1)} KB of HTML`)
  console.log(`load average at the end: ${load()}`)
} finally {
  gcObserver.disconnect()
  await rm(dir, { recursive: true, force: true })
}
