/**
 * colophon-api: the Colophon catalogue over HTTP, one Hono app for Workers and Node.
 *
 * @example
 * import { catalogue } from 'colophon-content'
 * import { createApp, EmbeddedStore } from 'colophon-api'
 * const app = createApp({ store: new EmbeddedStore(catalogue) })
 */
export { type AppOptions, type AppType, createApp } from './app.js'
export { Catalogue, openCatalogue } from './catalogue.js'
export type { AppEnv } from './env.js'
export { REPORT_FORMATS, type ReportFormat } from './formats/index.js'
export { API_PATHS, isApiPath } from './paths.js'
export { HttpProblem, type Problem, type ProblemError } from './problem.js'
export type { Facets, FacetValue, Health, ListQuery, ReportList, Sort } from './schemas.js'
export { EmbeddedStore } from './store/embedded.js'
export { buildIdentifierIndex } from './store/identifiers.js'
export { type KvNamespaceLike, KvStore, type KvStoreOptions } from './store/kv.js'
export { type KvEntry, kvEntries, MANIFEST_KEY } from './store/kv-layout.js'
export type { CatalogueStore, IdentifierIndex } from './store/store.js'
