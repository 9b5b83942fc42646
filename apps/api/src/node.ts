// `pnpm --filter colophon-api start`: the real catalogue on Node. PORT (8787) and HOST
// (127.0.0.1) choose where; CATALOGUE_DIR serves a compiled folder instead of the bundled one.
import { fileURLToPath } from 'node:url'
import { startServer } from './node-server.ts'
import { FolderStore } from './store/folder.ts'
import type { CatalogueStore } from './store/store.ts'

// The folder's pieces are read on demand: nothing is parsed up front, whatever its size.
function store(): CatalogueStore {
  const dir =
    process.env.CATALOGUE_DIR ??
    fileURLToPath(new URL('../../../packages/content/dist/catalogue', import.meta.url))
  return new FolderStore(dir)
}

const webDir = fileURLToPath(new URL('../../web/dist', import.meta.url))
const server = await startServer({
  store: store(),
  port: Number(process.env.PORT ?? 8787),
  host: process.env.HOST ?? '127.0.0.1',
  webDir,
  ...(process.env.PUBLIC_URL && { publicUrl: process.env.PUBLIC_URL }),
})
console.log(`API: ${server.url}/v1`)
console.log(`Docs: ${server.url}/docs`)
console.log(`Web: ${server.url}/`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}
