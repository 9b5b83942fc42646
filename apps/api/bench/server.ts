// The benchmark's server process: the API on a compiled catalogue folder, plus a bare Hono
// route returning a constant on the same @hono/node-server stack (the baseline).
import { readCompiledCatalogue } from '@colophon/content/node'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createApp } from '../src/app.js'
import { EmbeddedStore } from '../src/store/embedded.js'

const dir = process.argv[2]
if (!dir) throw new Error('usage: server.ts <compiled catalogue dir>')
const api = createApp({ store: new EmbeddedStore(readCompiledCatalogue(dir), 'dir') })
const bare = new Hono().get('/bare', (c) => c.text('ok'))

serve(
  {
    fetch: (request) =>
      new URL(request.url).pathname === '/bare' ? bare.fetch(request) : api.fetch(request),
    port: 0,
    hostname: '127.0.0.1',
  },
  (info) => process.send?.({ port: info.port }),
)
