/**
 * colophon-content: the compiled catalogue's format and its one reader, typed by
 * colophon-schema. Runtime-neutral: a worker, a Vite app and Node import it alike.
 * `catalogue` is the bundled snapshot (`dist/catalogue/index.js`, written by `colophon build`):
 * the manifest and the pieces, read through `Snapshot`.
 *
 * @example
 * import { bundledSource, catalogue, Snapshot } from 'colophon-content'
 * const snapshot = new Snapshot(catalogue.manifest, bundledSource(catalogue))
 * (await snapshot.summaries(0, 1))[0]?.title
 * (await snapshot.report('beyond-factory-asia'))?.descriptionHtml
 */
export { catalogue } from '../dist/catalogue/index.js'
export { type CompiledCatalogueParts, createCompiledCatalogue } from './compiled-catalogue.ts'
export type {
  CompiledCatalogue,
  Manifest,
  Tombstone,
  VocabularyCount,
  VocabularyCounts,
} from './output.ts'
export { OUTPUT_FILES } from './output.ts'
export * from './snapshot/index.ts'
