// Run by wrangler ([build] command) after ensure-web-dist: Workers serve the docs page's
// files (pinned Swagger UI and its start-up script) as static assets, so they are copied to
// /docs/assets/ inside the assets folder. Static files, not worker code: the bundle stays
// the size it was.
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DOCS_ASSETS } from '../src/docs/assets.ts'
import { docsAssetFile } from '../src/docs/read-docs-asset.ts'

const assets = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'web',
  'dist',
  'docs',
  'assets',
)
for (const asset of DOCS_ASSETS) {
  const target = join(assets, asset.path)
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(docsAssetFile(asset), target)
}
console.log(`copy-docs-assets: ${DOCS_ASSETS.length} files in ${assets}`)
