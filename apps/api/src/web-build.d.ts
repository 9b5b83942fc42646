// The web app's build outputs, as wrangler's [alias] names them (wrangler.toml): the server
// renderer (apps/web/dist-server/entry-server.js) and the client manifest.
declare module 'colophon-web-renderer' {
  import type { WebRendererModule } from './web-pages.ts'
  export const createWebHandler: WebRendererModule['createWebHandler']
}

declare module 'colophon-web-manifest' {
  const manifest: Record<string, unknown>
  export default manifest
}
