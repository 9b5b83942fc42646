// Cloudflare Workers entry for a catalogue too large to bundle: read from Workers KV (loaded
// by `pnpm --filter colophon-api kv:load`). No catalogue data in this bundle.
import { createApp } from './app.ts'
import { type KvNamespaceLike, KvStore } from './store/kv.ts'

interface Env {
  CATALOGUE: KvNamespaceLike
}

// One store per isolate. It keeps resolved values only (the current snapshot, parsed pieces),
// never a promise another request started, so concurrent requests on a cold isolate each
// await their own reads.
let store: KvStore | undefined

const app = createApp({
  store: (env) => {
    // 24 parsed pieces, not the default 64: a report block is ~600 KB parsed, and an isolate
    // has 128 MB. KV's own edge cache (cacheTtl) keeps the bytes near.
    store ??= new KvStore((env as unknown as Env).CATALOGUE, { cacheTtl: 60, cacheSize: 24 })
    return store
  },
})

export default app
