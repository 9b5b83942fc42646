import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { relativeDisplay } from '../display-path.ts'
import type { CommandContext } from './command.ts'

interface Defaults {
  dir: string
  out: string
}

/**
 * Where the catalogue is when no --dir is given: ./catalogue when it holds a catalogue.yaml;
 * otherwise the `colophon` field of the nearest package.json above (so that `colophon check`
 * works from the repository root, as `pnpm test` and editors' shells start there); otherwise
 * ./catalogue, which the command then reports missing.
 */
export function defaultLocations(cwd: string): Defaults {
  const local = { dir: resolve(cwd, 'catalogue'), out: resolve(cwd, 'dist/catalogue') }
  if (existsSync(join(local.dir, 'catalogue.yaml'))) return local
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    const configured = readColophonField(join(folder, 'package.json'))
    if (configured) {
      return {
        dir: resolve(folder, configured.catalogue),
        out: resolve(folder, configured.out ?? join(configured.catalogue, '../dist/catalogue')),
      }
    }
    if (dirname(folder) === folder) return local
  }
}

function readColophonField(file: string): { catalogue: string; out?: string } | undefined {
  if (!existsSync(file)) return undefined
  try {
    const field = JSON.parse(readFileSync(file, 'utf8')).colophon
    return typeof field?.catalogue === 'string' ? field : undefined
  } catch {
    return undefined
  }
}

/**
 * The catalogue folder, the output folder and how to show paths, from the options. An explicit
 * --dir keeps the output in ./dist/catalogue, so that checking a folder of fixtures never
 * replaces the real catalogue's output.
 */
export function catalogueLocations(context: CommandContext) {
  const { dir: givenDir, out: givenOut } = context.values
  const found = givenDir === undefined ? defaultLocations(context.cwd) : undefined
  const dir = found ? found.dir : resolve(context.cwd, String(givenDir))
  const out =
    givenOut !== undefined
      ? resolve(context.cwd, String(givenOut))
      : (found?.out ?? resolve(context.cwd, 'dist/catalogue'))
  const displayPath = relativeDisplay(context.cwd)
  return { dir, out, displayPath }
}
