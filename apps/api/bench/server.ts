// The benchmark's server process: the API on a compiled catalogue folder, plus a bare Hono
// route returning a constant on the same @hono/node-server stack, and the same constant inside
// the API's own app, behind all of its middleware (the baseline of the slug row).

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'
import { createApp } from '../src/app.ts'
import { FolderStore } from '../src/store/folder.ts'

const dir = process.argv[2]
if (!dir) throw new Error('usage: server.ts <compiled catalogue dir>')
const api = createApp({ store: new FolderStore(dir) })
// The baseline the slug route is held to: a constant behind every middleware the API runs.
api.get('/bench/constant', (c) => c.text('ok'))
// The same with a report's bytes as its body (the first report file): what is left between
// it and the slug route is the lookup itself, not the cost of sending 4 KB.
const reportFile = readdirSync(join(dir, 'reports')).sort()[0] as string
const reportBytes = new Uint8Array(readFileSync(join(dir, 'reports', reportFile)))
api.get('/bench/constant-report', (c) =>
  c.body(reportBytes, 200, { 'Content-Type': 'application/json; charset=utf-8' }),
)
// ...and with the five headers the slug route sets: what is left is the lookup alone.
api.get('/bench/constant-report-headers', (c) =>
  c.body(reportBytes, 200, {
    'Content-Type': 'application/json',
    ETag: '"abcdefghijklmnopqrstuvwxyz012345-json"',
    'Cache-Control': 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400',
    Vary: 'Accept',
    'Content-Location': '/v1/reports/some-slug.json',
  }),
)
const bare = new Hono().get('/bare', (c) => c.text('ok'))
// The same constant behind the two middlewares every API response pays for.
const dressed = new Hono()
dressed.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
dressed.use(cors({ origin: '*' }))
dressed.get('/bare-headers', (c) => c.text('ok'))

serve(
  {
    fetch: (request) => {
      const { pathname } = new URL(request.url)
      if (pathname === '/bare') return bare.fetch(request)
      if (pathname === '/bare-headers') return dressed.fetch(request)
      return api.fetch(request)
    },
    port: 0,
    hostname: '127.0.0.1',
  },
  (info) => process.send?.({ port: info.port }),
)
// The parent asks for the server's CPU time around each row: µs of CPU per request is steadier
// than requests/s on a shared machine, where the client and other tenants take the cores.
process.on('message', (message) => {
  if ((message as { cpu?: boolean }).cpu) process.send?.({ cpu: process.cpuUsage() })
})
