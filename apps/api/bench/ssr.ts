// Server-rendered report pages on Node at 10,000 reports, uncached (the page cache is off, so
// every request fetches from the API in process and renders with Solid): latency per page,
// in process and over a loopback socket through the real Node server, with the API's own
// report-by-slug route measured the same way in the same run as the baseline.
// Usage: pnpm --filter colophon-api exec tsx bench/ssr.ts [count=10000] [requests=2000]
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, generateCatalogue } from 'colophon-content/node'
import { createApp } from '../src/app.ts'
import { startServer } from '../src/node-server.ts'
import { FolderStore } from '../src/store/folder.ts'
import { OFFERED_FORMATS, type WebRendererModule } from '../src/web-pages.ts'

const count = Number(process.argv[2] ?? 10_000)
const requests = Number(process.argv[3] ?? 2_000)
const web = fileURLToPath(new URL('../../web/', import.meta.url))
const entry = join(web, 'dist-server', 'entry-server.js')
if (!existsSync(entry)) throw new Error('build apps/web first: pnpm --filter colophon-web build')

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 }
}
const ms = (v: number) => `${v.toFixed(2)} ms`
const line = (name: string, s: number[]) => {
  const { p50, p99, max } = percentiles(s)
  console.log(`${name.padEnd(34)} p50 ${ms(p50)}  p99 ${ms(p99)}  max ${ms(max)}  (n=${s.length})`)
}

const dir = await mkdtemp(join(tmpdir(), 'colophon-ssr-bench-'))
try {
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

  const timeIt = async (path: (i: number) => string, call: (url: string) => Promise<unknown>) => {
    const samples: number[] = []
    for (let i = 0; i < requests; i++) {
      const url = path(i)
      const start = performance.now()
      await call(url)
      samples.push(performance.now() - start)
    }
    return samples.slice(Math.floor(requests / 10)) // the first tenth warms the JIT
  }
  const page = (i: number) => `/reports/${slugs[i % slugs.length]}`
  const json = (i: number) => `/v1/reports/${slugs[i % slugs.length]}`

  const inProcess = (url: string) =>
    handler(new Request(`http://127.0.0.1${url}`)).then((r) => r?.text())
  const apiInProcess = (url: string) =>
    Promise.resolve(app.fetch(new Request(`http://127.0.0.1${url}`))).then((r) => r.text())
  line('report JSON, in process (baseline)', await timeIt(json, apiInProcess))
  line('report page, in process, uncached', await timeIt(page, inProcess))

  const server = await startServer({ store, port: 0, webDir: join(web, 'dist') })
  const over = (url: string) => fetch(`${server.url}${url}`).then((r) => r.text())
  line('report JSON, HTTP (baseline)', await timeIt(json, over))
  line('report page, HTTP, cached by hash', await timeIt(page, over))
  await server.close()
  const html = await inProcess(page(0))
  console.log(`page size: ${(String(html).length / 1024).toFixed(1)} KB of HTML`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
