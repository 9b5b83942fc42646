import { relative, resolve, sep } from 'node:path'
import type { CommandContext } from './command.js'

/** The catalogue folder, the output folder and how to show paths, from the options. */
export function catalogueLocations(context: CommandContext) {
  const dir = resolve(context.cwd, String(context.values.dir ?? 'catalogue'))
  const out = resolve(context.cwd, String(context.values.out ?? 'dist/catalogue'))
  const displayPath = (file: string) => {
    const path = relative(context.cwd, file) || file
    return sep === '/' ? path : path.split(sep).join('/')
  }
  return { dir, out, displayPath }
}
