// Node, Bun and Deno read the docs assets from disk: swagger-ui-dist from node_modules and
// our own start-up script from beside this module.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DocsAsset, DocsAssetReader } from './assets.ts'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))

/** Where a docs asset's file is on disk. */
export function docsAssetFile(asset: DocsAsset): string {
  if ('local' in asset.source) return join(here, asset.source.local)
  return join(dirname(require.resolve(`${asset.source.package}/package.json`)), asset.source.file)
}

/**
 * Reads docs assets from disk.
 *
 * @example
 * createApp({ store, docsAssets: readDocsAsset })
 */
export const readDocsAsset: DocsAssetReader = async (asset) =>
  new Uint8Array(await readFile(docsAssetFile(asset)))
