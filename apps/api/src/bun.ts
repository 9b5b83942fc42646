// `bun src/bun.ts`: the API on Bun.serve over the bundled catalogue. PORT (8787), HOST
// (127.0.0.1) and PUBLIC_URL as for the Node server; the public URL defaults to the URL
// this server listens on.
import { catalogue } from 'colophon-content'
import { createApp } from './app.ts'
import { readDocsAsset } from './docs/read-docs-asset.ts'
import { EmbeddedStore } from './store/embedded.ts'

/** The part of Bun's global this entry uses (no Bun types needed to typecheck it). */
declare const Bun: {
  serve(options: {
    port: number
    hostname: string
    fetch(request: Request): Response | Promise<Response>
  }): { url: URL }
}

let listening: string | undefined
const app = createApp({
  store: new EmbeddedStore(catalogue),
  docsAssets: readDocsAsset,
  publicUrl: () => process.env.PUBLIC_URL || listening,
})
const server = Bun.serve({
  port: Number(process.env.PORT ?? 8787),
  hostname: process.env.HOST ?? '127.0.0.1',
  fetch: (request) => app.fetch(request),
})
listening = server.url.href.replace(/\/$/, '')
console.log(`API: ${listening}/v1`)
console.log(`Docs: ${listening}/docs`)
