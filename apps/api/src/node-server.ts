// The Node runtime: the API on @hono/node-server and, when it has been built, the web app
// from ../web/dist with an SPA fallback, so one process serves the whole product.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { createApp } from './app.ts'
import { readDocsAsset } from './docs/read-docs-asset.ts'
import { isApiPath } from './paths.ts'
import type { CatalogueStore } from './store/store.ts'

export interface ServerOptions {
  store: CatalogueStore
  port?: number
  host?: string
  /** The built web app; served when the folder exists. */
  webDir?: string
  /**
   * The public origin of absolute URLs: `PUBLIC_URL` when set, else the URL this server
   * listens on (what `npm start` prints), never the request's Host.
   */
  publicUrl?: string
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

/** The web app: its files, else its index.html for the client-side router. */
function webApp(dir: string): Hono {
  const web = new Hono()
  web.use('*', serveStatic({ root: dir }))
  web.get('*', async (c) => {
    const html = await readFile(join(dir, 'index.html'), 'utf8')
    c.header('Cache-Control', 'no-cache')
    return c.html(html)
  })
  return web
}

/**
 * Starts the server and resolves once it listens. Port 0 picks a free port.
 *
 * @example
 * const server = await startServer({ store, port: 0 })
 * await fetch(`${server.url}/health`)
 * await server.close()
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  let listening: string | undefined
  const api = createApp({
    store: options.store,
    publicUrl: () => options.publicUrl ?? listening,
    docsAssets: readDocsAsset,
  })
  const web =
    options.webDir && existsSync(join(options.webDir, 'index.html'))
      ? webApp(options.webDir)
      : undefined
  const fetch = (request: Request) => {
    if (!web || isApiPath(new URL(request.url).pathname)) return api.fetch(request)
    return web.fetch(request)
  }
  return new Promise((resolve) => {
    const server = serve(
      { fetch, port: options.port ?? 8787, hostname: options.host ?? '127.0.0.1' },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
        listening = `http://${host}:${info.port}`
        resolve({
          url: listening,
          close: () =>
            new Promise<void>((done, fail) =>
              server.close((error) => (error ? fail(error) : done())),
            ),
        })
      },
    )
  })
}
