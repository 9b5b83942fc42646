// The Bun and Deno binaries the npm registry's `bun` and `deno` packages install (root
// devDependencies), run directly: their node_modules/.bin shims start a child process that
// outlives a killed shim.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** Absolute path of the `bun` or `deno` executable. */
export function runtimeBinary(name: 'bun' | 'deno'): string {
  const dir = dirname(require.resolve(`${name}/package.json`))
  const exe = process.platform === 'win32' ? '.exe' : ''
  const file = name === 'bun' ? join(dir, 'bin', 'bun.exe') : join(dir, `deno${exe}`)
  if (!existsSync(file)) throw new Error(`${name} is not installed: run pnpm install`)
  return file
}
