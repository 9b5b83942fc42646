/**
 * colophon-api: the Colophon catalogue over HTTP, one Hono app for Workers and Node.
 *
 * @example
 * import { catalogue } from 'colophon-content'
 * import { createApp, EmbeddedStore } from 'colophon-api'
 * const app = createApp({ store: new EmbeddedStore(catalogue) })
 */
export { type AppOptions, type AppType, createApp } from './app.ts'
export { Catalogue, openCatalogue } from './catalogue.ts'
export type { AppEnv } from './env.ts'
export { REPORT_FORMATS, type ReportFormat } from './formats/index.ts'
export { API_PATHS, isApiPath } from './paths.ts'
export { HttpProblem, type Problem, type ProblemError } from './problem.ts'
export type { Facets, FacetValue, Health, ListQuery, ReportList, Sort } from './schemas.ts'
export { MANIFEST_POINTER, manifestKey, pointerOf } from './store/content-addressed.ts'
export { EmbeddedStore } from './store/embedded.ts'
export { type KvNamespaceLike, KvStore, type KvStoreOptions } from './store/kv.ts'
export { type R2BucketLike, R2Store } from './store/r2.ts'
export {
  type CatalogueStore,
  SnapshotStore,
  type SnapshotStoreOptions,
} from './store/store.ts'
