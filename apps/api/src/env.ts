import type { KeepRequest } from './kept-answers.ts'
import type { CatalogueStore } from './store/store.ts'

/** Hono environment of the app: the store is resolved per request (Workers bindings live on `env`). */
export interface AppEnv {
  Bindings: Record<string, unknown>
  Variables: {
    store: CatalogueStore
    version: string
    publicUrl: string | undefined
    /** An answer to keep once every middleware has set its headers (see kept-answers.ts). */
    keep?: KeepRequest
  }
}
