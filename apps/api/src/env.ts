import type { CatalogueStore } from './store/store.ts'

/** Hono environment of the app: the store is resolved per request (Workers bindings live on `env`). */
export interface AppEnv {
  Bindings: Record<string, unknown>
  Variables: { store: CatalogueStore; version: string; publicUrl: string | undefined }
}
