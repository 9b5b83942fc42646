// The Colophon API: one Hono app for every runtime. Web-standard APIs only.

import { OpenAPIHono } from '@hono/zod-openapi'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import packageJson from '../package.json' with { type: 'json' }
import { publicCors } from './cors.ts'
import { type DocsAssetReader, docsAssetCacheControl, findDocsAsset } from './docs/assets.ts'
import { DOCS_CSP, docsPage } from './docs/docs-page.ts'
import type { AppEnv } from './env.ts'
import { keptAnswers } from './kept-answers.ts'
import { methodGuard } from './methods.ts'
import { openApiDocument } from './openapi.ts'
import { HttpProblem, problemResponse } from './problem.ts'
import { type PublicUrlOption, resolvePublicUrl } from './public-url.ts'
import { catalogueOf } from './routes/common.ts'
import { dump } from './routes/dump.ts'
import { doiWithSlashes, lookup } from './routes/lookup.ts'
import { meta } from './routes/meta.ts'
import { oai, oaiPathDocument } from './routes/oai.ts'
import { registerReportFormats } from './routes/report-formats.ts'
import { reports } from './routes/reports.ts'
import { vocabularies } from './routes/vocabularies.ts'
import type { CatalogueStore } from './store/store.ts'
import { strictQuery } from './strict-query.ts'

export interface AppOptions {
  /** The catalogue, or how to find it from the runtime's bindings (Workers `env`). */
  store: CatalogueStore | ((env: AppEnv['Bindings']) => CatalogueStore)
  /** Reported by /health; defaults to this package's version. */
  version?: string
  /**
   * The public origin of every absolute URL; else the `PUBLIC_URL` binding, else the
   * catalogue's `baseUrl`. Never the request's Host.
   */
  publicUrl?: PublicUrlOption
  /**
   * Reads the docs page's files (Swagger UI) for /docs/assets/; Node, Bun and Deno pass
   * `readDocsAsset`. Without it (Workers) those paths are left to the static assets.
   */
  docsAssets?: DocsAssetReader
}

/**
 * Builds the API over a catalogue store.
 *
 * @example
 * import { catalogue } from 'colophon-content'
 * const app = createApp({ store: new EmbeddedStore(catalogue) })
 * const res = await app.request('/v1/reports?q=factory')
 */
export function createApp(options: AppOptions) {
  const version = options.version ?? packageJson.version
  const resolveStore =
    typeof options.store === 'function' ? options.store : () => options.store as CatalogueStore

  const app = new OpenAPIHono<AppEnv>()
  app.use(async (c, next) => {
    const env = c.env ?? {}
    c.set('store', resolveStore(env))
    c.set('publicUrl', resolvePublicUrl(options.publicUrl, env))
    c.set('version', version)
    await next()
  })
  // Then a kept answer goes out before any other middleware runs (their headers are in it).
  app.use(keptAnswers)
  app.use(
    secureHeaders({
      // The API is meant to be read from other origins (CORS below); HTML pages are not framed.
      crossOriginResourcePolicy: 'cross-origin',
    }),
  )
  const methods = methodGuard()
  app.use(methods.middleware)
  app.use(publicCors())
  app.use(strictQuery)

  const routes = app
    .route('/v1', reports)
    .route('/v1', lookup)
    .route('/v1', vocabularies)
    .route('/', meta)
    .route('/', dump)

  app.route('/v1', doiWithSlashes)
  app.route('/', oai)
  app.openAPIRegistry.registerPath(oaiPathDocument)

  registerReportFormats(app.openAPIRegistry)
  // One document per public URL (its `servers`); the URL is fixed per deployment.
  const documents = new Map<string, object>()
  app.get('/openapi.json', async (c) => {
    const { settings } = await catalogueOf(c)
    let document = documents.get(settings.baseUrl)
    if (!document) {
      document = openApiDocument(app, { version, publicUrl: settings.baseUrl })
      documents.set(settings.baseUrl, document)
    }
    c.header('Cache-Control', 'public, max-age=300')
    return c.json(document)
  })
  app.get('/docs', (c) => {
    c.header('Content-Security-Policy', DOCS_CSP)
    c.header('Cache-Control', 'public, max-age=300')
    return c.html(docsPage('Colophon API'))
  })
  app.get('/docs/assets/*', async (c) => {
    const asset = findDocsAsset(new URL(c.req.url).pathname)
    const body = asset && (await options.docsAssets?.(asset))
    if (!asset || !body) {
      throw new HttpProblem(404, { detail: `no docs asset at ${new URL(c.req.url).pathname}` })
    }
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': asset.contentType,
      'Cache-Control': docsAssetCacheControl(asset),
    })
  })

  // 405 with Allow for any other method on every path that exists (see methods.ts).
  methods.learn(app.routes)

  app.notFound((c) =>
    problemResponse(
      new HttpProblem(404, { detail: `no endpoint at ${new URL(c.req.url).pathname}` }),
      c.req.url,
    ),
  )
  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(error, c.req.url)
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(new HttpProblem(error.status, { detail: error.message }), c.req.url)
    }
    // Internals stay in the log, never in the response.
    console.error(error)
    return problemResponse(
      new HttpProblem(500, { detail: 'something went wrong on our side; it has been logged' }),
      c.req.url,
    )
  })

  return routes
}

/** The API's type, for `hono/client` (see `colophon-api/client`). */
export type AppType = ReturnType<typeof createApp>
