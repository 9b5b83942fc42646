import { folderSource, readManifest } from 'colophon-content/node'
import { SnapshotStore, type SnapshotStoreOptions } from './store.ts'

/**
 * A store over a snapshot folder (`colophon build --out <dir>`), for Node (`CATALOGUE_DIR`).
 * Pieces are read on demand; a rebuild (which swaps the folder in whole) is picked up once
 * the manifest's TTL has passed.
 *
 * @example
 * const app = createApp({ store: new FolderStore('packages/content/dist/catalogue') })
 */
export class FolderStore extends SnapshotStore {
  readonly kind = 'dir'
  readonly #dir: string
  protected readonly source

  constructor(dir: string, options: SnapshotStoreOptions = {}) {
    super({ manifestTtlMs: 2_000, ...options })
    this.#dir = dir
    this.source = folderSource(dir)
  }

  protected async currentHash() {
    return (await readManifest(this.#dir)).contentHash
  }
  protected readManifest() {
    return readManifest(this.#dir)
  }
}
