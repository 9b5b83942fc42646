import { type PieceSource, pieceKey } from 'colophon-content/snapshot'
import { MANIFEST_POINTER, manifestKey, parseManifest, parsePointer } from './content-addressed.ts'
import { SnapshotStore, type SnapshotStoreOptions } from './store.ts'

/** The part of an R2 bucket binding the store uses. */
export interface R2BucketLike {
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; text(): Promise<string> } | null>
}

/**
 * A store over a snapshot loaded into R2 by `pnpm --filter colophon-api r2:load`: the same
 * keys as in KV, one object each.
 *
 * @example
 * const app = createApp({ store: new R2Store(env.CATALOGUE_BUCKET) })
 */
export class R2Store extends SnapshotStore {
  readonly kind = 'r2'
  readonly #bucket: R2BucketLike
  protected readonly source: PieceSource

  constructor(bucket: R2BucketLike, options: SnapshotStoreOptions = {}) {
    super(options)
    this.#bucket = bucket
    this.source = {
      read: async (name, hash) => {
        const object = await this.#bucket.get(pieceKey(name, hash))
        return object ? new Uint8Array(await object.arrayBuffer()) : undefined
      },
    }
  }

  async #text(key: string): Promise<string> {
    const object = await this.#bucket.get(key)
    if (!object) throw new Error(`R2 catalogue is incomplete: object "${key}" is missing`)
    return object.text()
  }

  protected async currentHash() {
    const object = await this.#bucket.get(MANIFEST_POINTER)
    if (!object) throw new Error(`R2 catalogue is empty: no "${MANIFEST_POINTER}" object`)
    return parsePointer(await object.text(), `R2 object "${MANIFEST_POINTER}"`)
  }

  protected async readManifest(contentHash: string) {
    const key = manifestKey(contentHash)
    return parseManifest(await this.#text(key), `R2 object "${key}"`)
  }
}
