// The server's entry (Vite's SSR build → dist-server/entry-server.js): the web handler that
// Node (apps/api/src/node-server.ts) and Workers (apps/api/src/worker.ts) put in front of the
// API, rendering every page with Solid's renderToString.

export type { OfferedFormat } from './server/head-tags.ts'
export { createWebHandler, type WebHandler, type WebHandlerOptions } from './server/web-handler.ts'
