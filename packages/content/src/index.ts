/**
 * colophon-content: the compiled catalogue, typed by colophon-schema. Runtime-neutral:
 * a worker, a Vite app and Node (through tsx) import it alike. The data is inlined by
 * `colophon build` into `dist/catalogue/index.js`.
 *
 * @example
 * import { catalogue } from 'colophon-content'
 * catalogue.summaries[0]?.title
 * catalogue.report('beyond-factory-asia')?.descriptionHtml
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
