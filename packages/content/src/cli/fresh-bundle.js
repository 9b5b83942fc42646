// Whether the CLI bundle (scripts/bundle-cli.mjs) may run: plain JavaScript, because
// bin/colophon.js asks before anything can compile TypeScript.
import { readFileSync, statSync } from 'node:fs'

/**
 * True when `inputs.json` in `bundleDir` lists files (relative to `root`) whose times of
 * modification and sizes are all as they were when the bundle was made.
 *
 * @param {URL} root the package folder, as a URL ending in `/`
 * @param {URL} bundleDir the bundle's folder, as a URL ending in `/`
 * @returns {boolean}
 * @example
 * if (bundleIsFresh(new URL('../', import.meta.url), new URL('../dist/cli/', import.meta.url)))
 *   await import('../dist/cli/colophon.js')
 */
export function bundleIsFresh(root, bundleDir) {
  try {
    const { files } = JSON.parse(readFileSync(new URL('inputs.json', bundleDir), 'utf8'))
    if (!Array.isArray(files) || files.length === 0) return false
    return files.every(([file, mtimeMs, size]) => {
      const stats = statSync(new URL(file, root))
      return stats.mtimeMs === mtimeMs && stats.size === size
    })
  } catch {
    return false
  }
}
