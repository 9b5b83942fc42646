// Cloudflare Workers entry for a catalogue read from R2 (loaded by
// `pnpm --filter colophon-api r2:load`). No catalogue data in this bundle.
import { createApp } from './app.ts'
import { type R2BucketLike, R2Store } from './store/r2.ts'

interface Env {
  CATALOGUE_BUCKET: R2BucketLike
}

// One store per isolate, holding resolved values only (see worker-kv.ts).
let store: R2Store | undefined

const app = createApp({
  store: (env) => {
    store ??= new R2Store((env as unknown as Env).CATALOGUE_BUCKET)
    return store
  },
})

export default app
