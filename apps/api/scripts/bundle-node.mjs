#!/usr/bin/env node
// `pnpm --filter colophon-api build`: bundles the Node server (src/node.ts and everything it
// imports, the workspace's TypeScript packages included) into one ES module, dist/node.js.
// `npm start` runs that file with plain Node: nothing is compiled at start-up, which is most
// of what a cold start cost under tsx. Tests and `dev` keep running the sources through tsx.
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { NODE_BUNDLE_OPTIONS } from '../../../scripts/esbuild-node.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
mkdirSync(dist, { recursive: true })
await build({
  entryPoints: [join(root, 'src', 'node.ts')],
  outfile: join(dist, 'node.js'),
  ...NODE_BUNDLE_OPTIONS,
  sourcemap: 'linked',
})
// The docs page's own start-up script is read from beside the module that serves it.
copyFileSync(join(root, 'src', 'docs', 'start-docs.js'), join(dist, 'start-docs.js'))
console.log('bundle-node: dist/node.js')
