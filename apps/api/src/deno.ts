// `deno run --allow-net --allow-read --allow-env src/deno.ts`: the API on Deno.serve over
// the bundled catalogue. PORT (8787), HOST (127.0.0.1) and PUBLIC_URL as for the Node
// server; the public URL defaults to the URL this server listens on. Relative imports name
// the real .ts files, so Deno needs no flag to resolve them.
import { catalogue } from 'colophon-content'
import { createApp } from './app.ts'
import { readDocsAsset } from './docs/read-docs-asset.ts'
import { EmbeddedStore } from './store/embedded.ts'

/** The part of Deno's global this entry uses (no Deno types needed to typecheck it). */
declare const Deno: {
  env: { get(name: string): string | undefined }
  serve(
    options: {
      port: number
      hostname: string
      onListen(address: { hostname: string; port: number }): void
    },
    handler: (request: Request) => Response | Promise<Response>,
  ): unknown
}

let listening: string | undefined
const app = createApp({
  store: new EmbeddedStore(catalogue),
  docsAssets: readDocsAsset,
  publicUrl: () => Deno.env.get('PUBLIC_URL') || listening,
})
Deno.serve(
  {
    port: Number(Deno.env.get('PORT') ?? 8787),
    hostname: Deno.env.get('HOST') ?? '127.0.0.1',
    onListen({ hostname, port }) {
      listening = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`
      console.log(`API: ${listening}/v1`)
      console.log(`Docs: ${listening}/docs`)
    },
  },
  (request) => app.fetch(request),
)
