// The date each report last changed, from the git history of the catalogue folder: one
// `git log` for all files (not one per file), read at compile time so that the same commit
// always compiles to the same dates.
import { execFile } from 'node:child_process'
import { join } from 'node:path'

export interface GitDates {
  /** Absolute file path → the committer date of the last commit that touched it. */
  byFile: Map<string, string>
  /** The date of the catalogue's last commit (HEAD), for files not committed yet. */
  head?: string
}

/** Unix seconds → `2024-05-01T09:30:00Z` (second precision, UTC). */
export function utcSeconds(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`
}

const MARK = '\u0001'

/**
 * Reads `git log` over `dir` once and gives each file the date of the newest commit that
 * touched it. Outside a git repository (or without git) it gives no dates.
 *
 * @example
 * const { byFile, head } = await gitDates('catalogue')
 */
export async function gitDates(dir: string): Promise<GitDates> {
  const run = (args: string[]) =>
    new Promise<string | undefined>((resolve) => {
      execFile(
        'git',
        ['-C', dir, ...args],
        { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' },
        (error, stdout) => resolve(error ? undefined : stdout),
      )
    })
  const root = (await run(['rev-parse', '--show-toplevel']))?.trim()
  if (!root) return { byFile: new Map() }
  // Paths relative to the repository root; renames count as a change of the new path.
  const log = await run(['log', `--format=${MARK}%ct`, '--name-only', '--no-renames', '--', '.'])
  const byFile = new Map<string, string>()
  let head: string | undefined
  if (log) {
    let date: string | undefined
    for (const line of log.split('\n')) {
      if (line.startsWith(MARK)) {
        date = utcSeconds(Number(line.slice(1)))
        head ??= date
      } else if (line && date) {
        const file = join(root, line)
        if (!byFile.has(file)) byFile.set(file, date)
      }
    }
  }
  // The catalogue's last commit may be older than the repository's HEAD: HEAD is what a
  // new file would be committed after.
  const headLine = (await run(['log', '-1', '--format=%ct']))?.trim()
  if (headLine) head = utcSeconds(Number(headLine))
  return { byFile, ...(head === undefined ? {} : { head }) }
}
