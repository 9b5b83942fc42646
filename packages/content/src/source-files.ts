// Finding and reading the catalogue's source files without leaving the catalogue: a
// symbolic link is followed only when it resolves inside the catalogue folder, a link to
// nothing, a file that is not a regular file or cannot be read is a problem at that file
// (never a crash), and a name that looks like a report but is skipped (`x.MD`, `.x.md`) is
// named in a warning. Nothing of a refused file's content is ever read or printed.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
} from 'node:fs'
import { lstat, open, readdir, realpath } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { decodeSource, MAX_SOURCE_BYTES, type SourceTextProblem, tooLarge } from './source-text.ts'

/** A name the compile skipped, and why. */
export interface SkippedFile {
  path: string
  message: string
}

export interface SourceListing {
  /** Files named like reports (`*.md`), sorted; reading each may still find a problem. */
  files: string[]
  /** Folders refused (links outside the catalogue) are problems: as files, line 1. */
  refused: SkippedFile[]
  /** Names that look like reports but are skipped. */
  skipped: SkippedFile[]
}

const REPORT_NAME = /\.md$/
const LOOKS_LIKE_REPORT = /\.md$/i

function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep))
}

const OUTSIDE =
  'a symbolic link that leads outside the catalogue folder: not read; move what it points to into the catalogue, or replace the link with a copy'

/**
 * The `*.md` files under `dir` (recursively), with the names skipped and the folders refused.
 * `root` is the catalogue folder that links must stay in.
 *
 * @example
 * const { files, skipped } = await listSourceFiles('catalogue/reports', 'catalogue')
 */
export async function listSourceFiles(dir: string, root: string): Promise<SourceListing> {
  const listing: SourceListing = { files: [], refused: [], skipped: [] }
  let realRoot: string
  try {
    realRoot = await realpath(root)
  } catch {
    return listing
  }
  const visited = new Set<string>()
  const walk = async (folder: string, real: string) => {
    if (visited.has(real)) return
    visited.add(real)
    let entries: import('node:fs').Dirent[]
    try {
      entries = await readdir(folder, { withFileTypes: true })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' && folder === dir) return
      listing.refused.push({ path: folder, message: `this folder cannot be read (${code})` })
      return
    }
    // The folder is a joined path already and a name holds no separator: `path.join`, which
    // normalizes the whole path again, costs more than the listing (100,000 names).
    const prefix = folder.endsWith(sep) ? folder : folder + sep
    for (const entry of entries) {
      const path = prefix + entry.name
      if (entry.name.startsWith('.')) {
        if (LOOKS_LIKE_REPORT.test(entry.name) || entry.isDirectory())
          listing.skipped.push({
            path,
            message: 'skipped: its name starts with a dot (a hidden file or folder)',
          })
        continue
      }
      let directory = entry.isDirectory()
      let target = directory ? join(real, entry.name) : ''

      if (entry.isSymbolicLink()) {
        try {
          target = await realpath(path)
          directory = (await lstat(target)).isDirectory()
        } catch {
          // A link to nothing: reading it (when it is named like a report) says so.
          if (LOOKS_LIKE_REPORT.test(entry.name)) collect(path, entry.name)
          continue
        }
        if (directory && !inside(realRoot, target)) {
          listing.refused.push({ path, message: OUTSIDE })
          continue
        }
      }
      if (directory) await walk(path, target)
      else collect(path, entry.name)
    }
  }
  const collect = (path: string, name: string) => {
    if (REPORT_NAME.test(name)) listing.files.push(path)
    else if (LOOKS_LIKE_REPORT.test(name))
      listing.skipped.push({
        path,
        message: `skipped: a report file's name ends in ".md", in lowercase (rename it to ${name.replace(LOOKS_LIKE_REPORT, '.md')})`,
      })
  }
  const realDir = await realpath(dir).catch(() => undefined)
  if (realDir === undefined) return listing
  if (!inside(realRoot, realDir)) {
    listing.refused.push({ path: dir, message: OUTSIDE })
    return listing
  }
  await walk(dir, realDir)
  listing.files.sort()
  return listing
}

/** A file's text, the problem that kept it from being read, or that it is not there. */
export type SourceRead = { text: string } | { problem: SourceTextProblem } | { missing: true }

const at = (message: string): { problem: SourceTextProblem } => ({
  problem: { line: 1, column: 1, message },
})

function readProblem(error: unknown): SourceRead {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return { missing: true }
  if (code === 'EACCES' || code === 'EPERM')
    return at('this file cannot be read: permission denied')
  if (code === 'EISDIR') return at('a folder named like a report file')
  if (code === 'ELOOP') return at(OUTSIDE)
  return at(`this file cannot be read (${code ?? String(error)})`)
}

// The catalogue folder's real path, once per folder: a build reads thousands of files.
const realRoots = new Map<string, string>()
function realRootOf(root: string): string {
  let real = realRoots.get(root)
  if (real === undefined) {
    real = realpathSync(root)
    realRoots.set(root, real)
  }
  return real
}

/** Where to read `path` from, or why not: a link must resolve inside `realRoot`. */
function resolveTarget(
  path: string,
  isLink: boolean,
  realRoot: string,
  real: () => string,
): { target: string } | { problem: SourceTextProblem } {
  if (!isLink) return { target: path }
  let target: string
  try {
    target = real()
  } catch {
    return at('a symbolic link to nothing (its target does not exist): remove it or fix it')
  }
  if (!inside(realRoot, target)) return at(OUTSIDE)
  return { target }
}

// O_NOFOLLOW: the file opened is the one checked; O_NONBLOCK: a FIFO cannot hang the build.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/**
 * Reads one source file strictly: inside the catalogue, a regular file, at most
 * MAX_SOURCE_BYTES, UTF-8.
 *
 * @example
 * const read = await readSourceFile('catalogue/reports/x.md', 'catalogue')
 * if ('problem' in read) console.log(read.problem.message)
 */
export async function readSourceFile(path: string, root: string): Promise<SourceRead> {
  try {
    const realRoot = realRootOf(root)
    const isLink = (await lstat(path)).isSymbolicLink()
    let resolved: string | undefined
    try {
      if (isLink) resolved = await realpath(path)
    } catch {}
    const where = resolveTarget(path, isLink, realRoot, () => {
      if (resolved === undefined) throw new Error('dangling')
      return resolved
    })
    if ('problem' in where) return where
    const handle = await open(where.target, OPEN_FLAGS)
    try {
      const stats = await handle.stat()
      if (!stats.isFile()) return at('not a regular file (a device, a pipe or a socket): not read')
      if (stats.size > MAX_SOURCE_BYTES) return { problem: tooLarge(stats.size) }
      const bytes = new Uint8Array(stats.size)
      const { bytesRead } = await handle.read(bytes, 0, stats.size, 0)
      return decodeSource(bytes.subarray(0, bytesRead))
    } finally {
      await handle.close()
    }
  } catch (error) {
    return readProblem(error)
  }
}

/** What stands for the text of a file that could not be read, in the build cache's keys. */
export function unreadText(read: Exclude<SourceRead, { text: string }>): string {
  return `\u0000unread: ${JSON.stringify(read)}`
}

/** `readSourceFile` for worker threads, synchronously. */
export function readSourceFileSync(path: string, root: string): SourceRead {
  try {
    const realRoot = realRootOf(root)
    const isLink = lstatSync(path).isSymbolicLink()
    const where = resolveTarget(path, isLink, realRoot, () => realpathSync(path))
    if ('problem' in where) return where
    const fd = openSync(where.target, OPEN_FLAGS)
    try {
      const stats = fstatSync(fd)
      if (!stats.isFile()) return at('not a regular file (a device, a pipe or a socket): not read')
      if (stats.size > MAX_SOURCE_BYTES) return { problem: tooLarge(stats.size) }
      const bytes = new Uint8Array(stats.size)
      const read = readSync(fd, bytes, 0, stats.size, 0)
      return decodeSource(bytes.subarray(0, read))
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    return readProblem(error)
  }
}
