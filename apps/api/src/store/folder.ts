import { folderSource, readManifest } from 'colophon-content/node'
import { SnapshotStore, type SnapshotStoreOptions } from './store.ts'

/**
 * What a Node server keeps parsed: every block and shard of a 10,000-report catalogue
 * (~60 MB of piece text), a working set of a 100,000-report one. A Worker keeps the defaults.
 */
export const NODE_SNAPSHOT_CACHE = { cacheSize: 100_000, cacheBytes: 128 << 20 } as const

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
    super({ manifestTtlMs: 2_000, ...NODE_SNAPSHOT_CACHE, ...options })
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
