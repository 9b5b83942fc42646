// Cloudflare Workers entry of the whole product: the API (the embedded catalogue) and every
// page of the web app rendered by its own server renderer, from one worker. Workers static
// assets (wrangler.toml) answer for the built files; everything else reaches this code. The
// renderer and its manifest are resolved by wrangler's [alias] (apps/web must be built).
import { catalogue } from 'colophon-content'
import { bundledSettings } from 'colophon-content/snapshot'
import manifest from 'colophon-web-manifest'
import { createWebHandler } from 'colophon-web-renderer'
import { createApp } from './app.ts'
import { isApiPath } from './paths.ts'
import { resolvePublicUrl } from './public-url.ts'
import { EmbeddedStore } from './store/embedded.ts'
import { OFFERED_FORMATS } from './web-pages.ts'

const app = createApp({ store: new EmbeddedStore(catalogue) })
type Env = Record<string, unknown>

// Made on the first request (it preloads the pages and hashes the hydration script).
let web: ReturnType<typeof createWebHandler> | undefined
let env: Env = {}

const BASE_URL = bundledSettings(catalogue).baseUrl.replace(/\/+$/, '')
const publicUrl = () => resolvePublicUrl(undefined, env) ?? BASE_URL

export default {
  async fetch(request: Request, bindings: Env, ctx: unknown): Promise<Response> {
    env = bindings ?? {}
    const api = (inner: Request) =>
      app.fetch(inner, env, ctx as never) as Response | Promise<Response>
    if (isApiPath(new URL(request.url).pathname)) return api(request)
    web ??= createWebHandler({ api, publicUrl, manifest, formats: OFFERED_FORMATS })
    const page = await (await web)(request)
    return page ?? api(request)
  },
}
