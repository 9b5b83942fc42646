#!/usr/bin/env node
// Runs the colophon CLI: the bundle in dist/cli/ (scripts/bundle-cli.mjs) while every file it
// was made from is unchanged, else the TypeScript sources through tsx, so that no build step
// is needed and an edited source is never shadowed by an older bundle.
import { bundleIsFresh } from '../src/cli/fresh-bundle.js'

if (bundleIsFresh(new URL('../', import.meta.url), new URL('../dist/cli/', import.meta.url))) {
  await import('../dist/cli/colophon.js')
} else {
  const { tsImport } = await import('tsx/esm/api')
  const { main } = await tsImport('../src/cli/main.ts', import.meta.url)
  process.exitCode = await main(process.argv.slice(2))
}
