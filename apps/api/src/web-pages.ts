// The web app's server renderer (apps/web's SSR build, dist-server/entry-server.js), loaded
// by path at run time: the API package does not depend on the web app's code, only on the
// handler's shape below. Node and the Worker hand it the API app itself, so a page's data is
// fetched in process.
import { REPORT_FORMATS } from './formats/index.ts'

/** The shape of apps/web's `createWebHandler` (see apps/web/src/server/web-handler.ts). */
export interface WebRendererModule {
  createWebHandler(options: {
    api: (request: Request) => Response | Promise<Response>
    publicUrl: () => string
    manifest: Record<string, unknown>
    formats: readonly { name: string; suffix: string; mediaType: string }[]
    cacheSize?: number
  }): Promise<(request: Request) => Promise<Response | undefined>>
}

/** The formats every report is offered in, for the pages' alternate links and Signposting. */
export const OFFERED_FORMATS = REPORT_FORMATS.map(({ name, suffix, mediaType }) => ({
  name,
  suffix,
  mediaType,
}))
