#!/usr/bin/env node
// Runs the CLI's TypeScript source through tsx: no build step is needed to use it.
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('../src/cli/main.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))
