import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

// The API's Node server listens on 8787 by default; in development Vite forwards API paths
// there so the app can use same-origin relative URLs exactly as in production.
const api = process.env.COLOPHON_API_ORIGIN ?? 'http://127.0.0.1:8787'
const proxied = ['/v1', '/health', '/openapi.json', '/docs']

export default defineConfig({
  plugins: [solid()],
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: true }])),
  },
  build: {
    manifest: true,
    target: 'es2022',
    sourcemap: false,
  },
})
