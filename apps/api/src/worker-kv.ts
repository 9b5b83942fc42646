// Cloudflare Workers entry for a catalogue too large to bundle: read from Workers KV (loaded
// by `pnpm --filter colophon-api kv:load`). No catalogue data in this bundle.
import { createApp } from './app.ts'
import { type KvNamespaceLike, KvStore } from './store/kv.ts'

interface Env {
  CATALOGUE: KvNamespaceLike
}

// One store per isolate: it caches the catalogue-wide files by content hash.
let store: KvStore | undefined

const app = createApp({
  store: (env) => {
    store ??= new KvStore((env as unknown as Env).CATALOGUE, { cacheTtl: 60 })
    return store
  },
})

export default app
