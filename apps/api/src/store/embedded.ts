import type { CompiledCatalogue } from 'colophon-content'
import type { CompiledReport } from 'colophon-schema'
import { buildIdentifierIndex } from './identifiers.ts'
import type { CatalogueStore, IdentifierIndex } from './store.ts'

/**
 * A store over a compiled catalogue held in memory: the one bundled into the worker
 * (`import { catalogue } from 'colophon-content'`) or one read from a folder.
 *
 * @example
 * import { catalogue } from 'colophon-content'
 * const app = createApp({ store: new EmbeddedStore(catalogue) })
 */
export class EmbeddedStore implements CatalogueStore {
  readonly kind: string
  readonly #catalogue: CompiledCatalogue
  #identifiers: IdentifierIndex | undefined

  constructor(catalogue: CompiledCatalogue, kind = 'embedded') {
    this.#catalogue = catalogue
    this.kind = kind
  }

  async manifest() {
    return this.#catalogue.manifest
  }
  async settings() {
    return this.#catalogue.settings
  }
  async summaries() {
    return this.#catalogue.summaries
  }
  async vocabularies() {
    return this.#catalogue.vocabularies
  }
  async searchIndex() {
    return this.#catalogue.searchIndex
  }
  async identifiers() {
    this.#identifiers ??= buildIdentifierIndex(this.#reports())
    return this.#identifiers
  }
  async report(slug: string) {
    return this.#catalogue.report(slug)
  }

  *#reports(): Generator<CompiledReport> {
    for (const { slug } of this.#catalogue.summaries) {
      const report = this.#catalogue.report(slug)
      if (report) yield report
    }
  }
}
