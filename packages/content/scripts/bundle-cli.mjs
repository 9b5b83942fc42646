#!/usr/bin/env node
// Bundles the colophon CLI and its parse worker into dist/cli/ (esbuild), so that a command
// starts in plain Node instead of compiling TypeScript through tsx first (about a second per
// command, and again in each parse worker). bin/colophon.js runs the bundle only while every
// file it was made from is unchanged (dist/cli/inputs.json), else the sources through tsx.
import { rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { tsImport } from 'tsx/esm/api'
import { NODE_BUNDLE_OPTIONS } from '../../../scripts/esbuild-node.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// `--out DIR` (inside the package, so that node_modules resolve from it) is for the tests.
const outArg = process.argv.indexOf('--out')
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'dist', 'cli')
// Caches written by the bundle and by the sources stay interchangeable.
const { compilerFingerprint } = await tsImport('../src/build-cache.ts', import.meta.url)

const common = {
  ...NODE_BUNDLE_OPTIONS,
  absWorkingDir: root,
  metafile: true,
  define: { __COLOPHON_FINGERPRINT__: JSON.stringify(compilerFingerprint()) },
}
rmSync(out, { recursive: true, force: true })
const results = await Promise.all([
  build({
    ...common,
    entryPoints: { colophon: 'src/cli/run.ts' },
    // `colophon generate` imports its 2.5 MB word list when it runs: in a chunk of its own.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outdir: out,
  }),
  build({
    ...common,
    entryPoints: ['src/parse-worker-bundle.ts'],
    outfile: join(out, 'parse-worker.js'),
  }),
])
const inputs = new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))
const files = [
  ...inputs,
  'scripts/bundle-cli.mjs',
  '../../scripts/esbuild-node.mjs',
  'src/cli/fresh-bundle.js',
]
  .map((input) => relative(root, resolve(root, input)))
  .sort()
  .map((file) => {
    const { mtimeMs, size } = statSync(join(root, file))
    return [file, mtimeMs, size]
  })
writeFileSync(join(out, 'inputs.json'), JSON.stringify({ files }))
console.log(`bundle-cli: ${relative(process.cwd(), out) || '.'} (${files.length} inputs)`)
