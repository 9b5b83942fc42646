import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

// The API's Node server listens on 8787 by default; in development Vite forwards API paths
// there so the app can use same-origin relative URLs exactly as in production.
const api = process.env.COLOPHON_API_ORIGIN ?? 'http://127.0.0.1:8787'
const proxied = ['/v1', '/health', '/openapi.json', '/docs', '/sitemap.xml']

// Two builds from one config: `vite build` (the browser's, hydratable, with the manifest the
// server links assets from) and `vite build --ssr src/entry-server.tsx` (the server renderer,
// one self-contained ES module that Node and the Worker import).
export default defineConfig(({ isSsrBuild }) => ({
  plugins: [solid({ ssr: true })],
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: true }])),
  },
  ssr: {
    // Everything in the bundle: its hosts (apps/api on Node and Workers) do not depend on
    // solid-js themselves.
    noExternal: true,
    target: 'webworker',
    resolve: { conditions: ['solid', 'worker', 'import', 'module', 'default'] },
  },
  build: isSsrBuild
    ? {
        outDir: 'dist-server',
        target: 'es2022',
        sourcemap: false,
        minify: true,
        copyPublicDir: false,
        emptyOutDir: true,
        rollupOptions: { output: { entryFileNames: 'entry-server.js' } },
      }
    : {
        manifest: true,
        target: 'es2022',
        sourcemap: false,
      },
}))
