// The Node runtime: one process serves the whole product. API paths go to the Hono app; the
// built web app's files are served from memory (hashed assets cached for a year); every other
// GET is a page rendered on the server by the web app's own renderer, which calls the API in
// process. Text is compressed (Brotli or gzip).
import { existsSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { readDocsAsset } from './docs/read-docs-asset.ts'
import { compressResponse } from './node-compress.ts'
import { staticFiles } from './node-static.ts'
import { isApiPath } from './paths.ts'
import type { CatalogueStore } from './store/store.ts'
import { OFFERED_FORMATS, type WebRendererModule } from './web-pages.ts'

export interface ServerOptions {
  store: CatalogueStore
  port?: number
  host?: string
  /** The built web app (`apps/web/dist`); its pages are rendered when the folder exists. */
  webDir?: string
  /** The web app's server renderer; defaults to `dist-server/entry-server.js` beside webDir. */
  rendererPath?: string
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

type Handler = (request: Request) => Promise<Response | undefined> | Response | undefined

async function webHandlers(
  options: ServerOptions,
  api: (request: Request) => Response | Promise<Response>,
  publicUrl: () => string,
): Promise<Handler[]> {
  const dir = options.webDir
  if (!dir || !existsSync(dir)) return []
  const handlers: Handler[] = [staticFiles(dir)]
  const renderer = options.rendererPath ?? join(dirname(dir), 'dist-server', 'entry-server.js')
  const manifestPath = join(dir, '.vite', 'manifest.json')
  if (existsSync(renderer) && existsSync(manifestPath)) {
    const module = (await import(pathToFileURL(renderer).href)) as WebRendererModule
    handlers.push(
      await module.createWebHandler({
        api,
        publicUrl,
        manifest: JSON.parse(readFileSync(manifestPath, 'utf8')),
        formats: OFFERED_FORMATS,
      }),
    )
  } else {
    console.warn(`web pages are not rendered: build apps/web first (${renderer} is missing)`)
  }
  return handlers
}

/**
 * Starts the server and resolves once it listens. Port 0 picks a free port.
 *
 * @example
 * const server = await startServer({ store, port: 0 })
 * await fetch(`${server.url}/health`)
 * await server.close()
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  let listening: string | undefined
  const api = createApp({
    store: options.store,
    publicUrl: () => options.publicUrl ?? listening,
    docsAssets: readDocsAsset,
  })
  const publicUrl = () => (options.publicUrl ?? listening ?? '').replace(/\/+$/, '')
  const apiFetch = (request: Request) => api.fetch(request)
  const web = await webHandlers(options, apiFetch, publicUrl)

  const route = async (request: Request): Promise<Response> => {
    if (isApiPath(new URL(request.url).pathname)) return api.fetch(request)
    for (const handler of web) {
      const response = await handler(request)
      if (response) return response
    }
    return api.fetch(request)
  }
  const fetch = async (request: Request) => compressResponse(request, await route(request))

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
