// Cloudflare Workers entry: the catalogue bundled into the worker (the default). The web app
// is served by Workers static assets (wrangler.toml); requests reach this code for API paths.
import { catalogue } from 'colophon-content'
import { createApp } from './app.ts'
import { EmbeddedStore } from './store/embedded.ts'

const app = createApp({ store: new EmbeddedStore(catalogue) })

export default app
