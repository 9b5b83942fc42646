#!/usr/bin/env node
// The first page's JavaScript budget (DESIGN.md: under 30 KB gzip). Reads the built app's
// Vite manifest and, for each page a reader can land on, adds up the gzip size of the entry
// chunk, its static imports and that page's own lazy chunk (with its static imports). Lazy
// chunks loaded only on demand (the citation processor) do not count. Prints the figures
// and exits non-zero when the heaviest first page is over budget.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const BUDGET_BYTES = 30 * 1024

/** Pages that can be the first one loaded, by their source module (undefined: the entry). */
export const FIRST_PAGES = {
  catalogue: 'src/pages/catalogue.tsx',
  report: 'src/pages/report.tsx',
  about: 'src/pages/about.tsx',
}

/** The chunk files a module needs before it can run: itself and its static imports. */
export function staticClosure(manifest, key, seen = new Set()) {
  const chunk = manifest[key]
  if (!chunk || seen.has(chunk.file)) return seen
  seen.add(chunk.file)
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen)
  return seen
}

/** Solid's inline hydration bootstrap, which every server-rendered page carries. */
export async function hydrationBytes() {
  const { generateHydrationScript } = await import('solid-js/web')
  return gzipSync(Buffer.from(generateHydrationScript()), { level: 9 }).length
}

export function measure(dist, inlineBytes = 0) {
  const manifestPath = join(dist, '.vite', 'manifest.json')
  if (!existsSync(manifestPath)) {
    throw new Error(`no Vite manifest at ${manifestPath}: run \`vite build\` first`)
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry)
  if (!entryKey) throw new Error('the manifest has no entry chunk')
  const gzip = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
  return Object.entries(FIRST_PAGES).map(([page, lazyKey]) => {
    // Hydration included: the entry (solid-js/web's hydrate and the app) is in every page.
    const files = staticClosure(manifest, entryKey)
    if (lazyKey) {
      if (!manifest[lazyKey]) throw new Error(`${lazyKey} is not in the manifest`)
      staticClosure(manifest, lazyKey, files)
    }
    const list = [...files].filter((file) => file.endsWith('.js'))
    const bytes = list.reduce((sum, file) => sum + gzip(file), inlineBytes)
    return { page, files: list, bytes }
  })
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
  const inline = await hydrationBytes()
  const pages = measure(dist, inline)
  for (const { page, files, bytes } of pages) {
    console.log(
      `first-page JS (${page}): ${kb(bytes)} gzip  [${files.join(', ')}, inline hydration script ${inline} B]`,
    )
  }
  const worst = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a))
  const verdict = worst.bytes <= BUDGET_BYTES ? 'within' : 'OVER'
  console.log(
    `first-page JS, heaviest (${worst.page}): ${kb(worst.bytes)} gzip, ${verdict} the ${kb(BUDGET_BYTES)} budget`,
  )
  if (worst.bytes > BUDGET_BYTES) process.exit(1)
}
