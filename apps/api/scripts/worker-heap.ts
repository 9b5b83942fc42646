// Serves a catalogue from local KV with `wrangler dev --env kv`, searches and pages through
// it, then asks the isolate for its heap (the inspector's Runtime.getHeapUsage). Prints
// figures; asserts nothing. Load the catalogue first (kv:load -- --dir … --persist-to …).
//
//   node --experimental-websocket --import tsx scripts/worker-heap.ts --persist-to /tmp/kv-state
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cliPath, scriptArgs } from './load-snapshot.ts'

const here = dirname(fileURLToPath(import.meta.url))
const values = scriptArgs({
  'persist-to': { type: 'string' },
  env: { type: 'string', default: 'kv' },
  searches: { type: 'string', default: '200' },
})

/** A free loopback port (wrangler needs a number for its inspector). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const [port, inspectorPort] = [await freePort(), await freePort()]
const args = [
  'dev',
  '--ip',
  '127.0.0.1',
  '--port',
  String(port),
  '--inspector-port',
  String(inspectorPort),
  '--env',
  values.env,
]
if (values['persist-to']) args.push('--persist-to', cliPath(values['persist-to']))
const wrangler = spawn(join(here, '../node_modules/.bin/wrangler'), args, {
  cwd: join(here, '..'),
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, CI: '1' },
})
let log = ''
wrangler.stdout.on('data', (d) => (log += d))
wrangler.stderr.on('data', (d) => (log += d))
const base = `http://127.0.0.1:${port}`

async function ready() {
  for (;;) {
    if (wrangler.exitCode !== null) throw new Error(`wrangler dev exited:\n${log}`)
    try {
      const res = await fetch(`${base}/health`)
      if (res.ok) return res.json()
      console.log(`health: ${res.status} ${await res.text()}`)
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
}

async function heap(): Promise<{ usedSize: number; totalSize: number }> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string
  }[]
  const url = targets[0]?.webSocketDebuggerUrl
  if (!url) throw new Error('no inspector target')
  // The inspector proxy accepts devtools origins only (localhost is one); undici takes headers.
  const ws = new WebSocket(url, { headers: { Origin: 'http://localhost' } } as never)
  await new Promise((resolve, reject) => {
    ws.onopen = resolve
    ws.onerror = (event) => reject(new Error(`inspector ${url}: ${(event as ErrorEvent).message}`))
  })
  const send = (id: number, method: string) =>
    new Promise<unknown>((resolve) => {
      ws.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data))
        if (message.id === id) resolve(message.result)
      })
      ws.send(JSON.stringify({ id, method }))
    })
  // workerd's inspector takes HeapProfiler.collectGarbage but never answers it: asked, not
  // awaited (the heap figure then includes garbage not yet collected, an upper bound).
  ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }))
  const usage = (await send(2, 'Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }
  ws.close()
  return usage
}

try {
  const health = (await ready()) as { reportCount: number }
  console.log(`wrangler dev --env ${values.env}: ${health.reportCount} reports`)
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`
  const before = await heap()
  console.log(`heap after /health: used ${mb(before.usedSize)}, total ${mb(before.totalSize)}`)
  const words = [
    'report',
    'trade',
    'asia',
    'energy',
    'finance',
    'policy',
    'growth',
    'water',
    'climate',
    'health',
  ]
  let errors = 0
  const statuses = new Map<number, number>()
  const count = Number(values.searches)
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    const w = words[i % words.length] as string
    const paths = [
      `/v1/reports?q=${w}${i}`.slice(0, 40),
      `/v1/reports?q=${w}&page=${1 + (i % 5)}`,
      `/v1/reports?page=${1 + ((i * 37) % 400)}`,
      `/v1/reports?q=${w.slice(0, 3)}&type=reports`,
    ]
    for (const path of paths) {
      const res = await fetch(`${base}${path}`)
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      if (res.status >= 500) errors++
      const body = (await res.json()) as { items?: { slug: string }[] }
      const slug = body.items?.[0]?.slug
      if (slug && i % 4 === 0) {
        const report = await fetch(`${base}/v1/reports/${slug}`)
        statuses.set(report.status, (statuses.get(report.status) ?? 0) + 1)
        await report.arrayBuffer()
      }
    }
  }
  const seconds = (performance.now() - started) / 1000
  const after = await heap()
  console.log(
    `${count * 4} list/search requests and their first reports in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}; 5xx: ${errors}`,
  )
  console.log(
    `heap after searching and paging: used ${mb(after.usedSize)}, total ${mb(after.totalSize)} (budget 64 MB)`,
  )
} finally {
  wrangler.kill('SIGTERM')
}
