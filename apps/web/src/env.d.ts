/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the Colophon API; empty (the default) means the same origin as the app. */
  readonly VITE_API_URL?: string
}
interface ImportMeta {
  readonly env: ImportMetaEnv
}
