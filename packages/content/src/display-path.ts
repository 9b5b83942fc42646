// How the compile names files in problems and notes: relative to a folder, with `/`.
import { relative, sep } from 'node:path'

const posix = (path: string) => (sep === '/' ? path : path.split(sep).join('/'))

/**
 * `file` relative to `from` (the working directory), with `/`, as a function that makes a
 * folder relative once: a build names every report file, and `path.relative` costs
 * microseconds each (it resolves both paths).
 *
 * @example
 * const display = relativeDisplay(process.cwd())
 * display('/work/catalogue/reports/a.md') // 'catalogue/reports/a.md' from /work
 */
export function relativeDisplay(from: string): (file: string) => string {
  const folders = new Map<string, string>()
  return (file) => {
    const slash = file.lastIndexOf(sep)
    const name = file.slice(slash + 1)
    if (slash <= 0 || name === '' || name === '.' || name === '..' || file === from)
      return posix(relative(from, file) || file)
    const folder = file.slice(0, slash)
    let shown = folders.get(folder)
    if (shown === undefined) {
      shown = posix(relative(from, folder))
      folders.set(folder, shown)
    }
    return shown === '' ? name : `${shown}/${name}`
  }
}
