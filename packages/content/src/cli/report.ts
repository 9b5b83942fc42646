// Printing a compile's problems from a CLI command, in the format asked for.
import { relative, resolve } from 'node:path'
import type { CompileResult } from '../compiler.ts'
import { formatProblemsAs, PROBLEM_FORMATS, type ProblemFormat } from '../format-problems.ts'
import { readSourceFileSync } from '../source-files.ts'
import { LineIndex } from '../yaml-source.ts'
import type { CommandContext } from './command.ts'

export function problemFormat(context: CommandContext): ProblemFormat {
  const format = String(context.values.format ?? 'human')
  if (!PROBLEM_FORMATS.includes(format as ProblemFormat)) {
    throw new UsageError(`--format ${format}: expected one of ${PROBLEM_FORMATS.join(', ')}`)
  }
  return format as ProblemFormat
}

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function useColor(context: CommandContext, stream = context.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR
}

/**
 * Reads lines of the files problems point at, once per file, as strictly as the compile
 * reads them: never through a link out of `root` (the catalogue folder), never a pipe.
 */
export function sourceLines(
  cwd: string,
  root = cwd,
): (file: string, line: number) => string | undefined {
  const cache = new Map<string, LineIndex | undefined>()
  return (file, line) => {
    if (!cache.has(file)) {
      const read = readSourceFileSync(resolve(cwd, file), resolve(cwd, root))
      cache.set(file, 'text' in read ? new LineIndex(read.text) : undefined)
    }
    const text = cache.get(file)?.lineText(line)
    return text === undefined || text.length > 300 ? undefined : text
  }
}

/** Prints problems (to stdout for json, else stderr); returns the exit code. */
export function printProblems(
  context: CommandContext,
  result: CompileResult,
  /** The catalogue folder: excerpts are read from inside it only. */
  root?: string,
): number {
  const format = problemFormat(context)
  const warnings = result.warnings ?? []
  const stream = format === 'human' ? context.stderr : context.stdout
  const workspace = process.env.GITHUB_WORKSPACE
  const options = {
    color: useColor(context, stream),
    sourceLine: sourceLines(context.cwd, root),
    fileCount: result.fileCount,
    githubPath: workspace
      ? (file: string) => relative(workspace, resolve(context.cwd, file)).split('\\').join('/')
      : undefined,
  }
  // Warnings first, in the format asked for (JSON lists them in its one document).
  if (warnings.length > 0 && format !== 'json')
    stream.write(formatProblemsAs(format, warnings, { ...options, sourceLine: undefined }))
  if (result.ok && format !== 'json') return 0
  stream.write(formatProblemsAs(format, result.problems, { ...options, warnings }))
  return result.ok ? 0 : 1
}

export function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`
}

/** `--threads <n>`: how many threads parse report files (default: automatic). */
export function threadsOption(context: CommandContext): number | undefined {
  const value = context.values.threads
  if (value === undefined) return undefined
  const threads = Number(value)
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new UsageError(`--threads ${String(value)}: expected a whole number from 1 to 64`)
  }
  return threads
}
