import { type BundledSnapshot, bundledSource } from 'colophon-content/snapshot'
import { SnapshotStore } from './store.ts'

/**
 * A store over the snapshot bundled into the code (`import { catalogue } from
 * 'colophon-content'`): the embedded Worker's default.
 *
 * @example
 * import { catalogue } from 'colophon-content'
 * const app = createApp({ store: new EmbeddedStore(catalogue) })
 */
export class EmbeddedStore extends SnapshotStore {
  readonly kind = 'embedded'
  readonly #bundled: BundledSnapshot
  protected readonly source

  constructor(bundled: BundledSnapshot) {
    super({ manifestTtlMs: Number.POSITIVE_INFINITY })
    this.#bundled = bundled
    this.source = bundledSource(bundled)
  }

  protected async currentHash() {
    return this.#bundled.manifest.contentHash
  }
  protected async readManifest() {
    return this.#bundled.manifest
  }
}
