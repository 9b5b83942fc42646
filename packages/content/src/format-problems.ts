// Problems printed for people (like a compiler), for programs (JSON) and for GitHub Actions
// (workflow commands that annotate the pull request's diff).
import type { ContentProblem } from './problem.ts'

export type ProblemFormat = 'human' | 'json' | 'github'
export const PROBLEM_FORMATS: readonly ProblemFormat[] = ['human', 'json', 'github']

export interface FormatOptions {
  /** Colours for a terminal. */
  color?: boolean
  /** The text of a line of a file, for the excerpt under each problem. */
  sourceLine?: (file: string, line: number) => string | undefined
  /** How many files were checked, for the summary. */
  fileCount?: number
  /** Paths as GitHub wants them (relative to the repository); default unchanged. */
  githubPath?: (file: string) => string
  /** Warnings (code `warning`), listed apart in JSON. */
  warnings?: readonly ContentProblem[]
}

const ansi = (code: number) => (text: string, on: boolean) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text
const red = ansi(31)
const cyan = ansi(36)
const dim = ansi(2)
const bold = ansi(1)

// C0 controls (tab included: it would break the one-line format too), DEL, C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it escapes
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * `text` with every control character written out (`\n`, `\u001b`): a file name with a line
 * break keeps the one-line format, an escape sequence in a value never reaches the terminal.
 *
 * @example
 * escapeControl('a\u001b]0;x\u0007') // 'a\\u001b]0;x\\u0007'
 */
export function escapeControl(text: string): string {
  return text.replace(
    CONTROL,
    (c) => SHORT[c] ?? `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  )
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** The one-line count after the problems: "Found 3 problems in 2 files." */
export function problemSummary(problems: readonly ContentProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size
  return `Found ${plural(problems.length, 'problem')} in ${plural(files, 'file')}.`
}

/**
 * Problems as a compiler prints them: `file:line:column  path  message`, the line of the
 * file with a caret under the column, then a summary.
 *
 * @example
 * catalogue/reports/x.md:9:16 - error identifiers.isbn[0].value: ISBN 978-92-9254-047-1: check digit should be 0
 */
export function formatHuman(
  problems: readonly ContentProblem[],
  options: FormatOptions = {},
): string {
  const color = options.color ?? false
  const out: string[] = []
  for (const p of problems) {
    const where = cyan(`${escapeControl(p.file)}:${p.line}:${p.column}`, color)
    const field = p.path ? `${bold(escapeControl(p.path), color)}: ` : ''
    const severity = p.code === 'warning' ? 'warning' : red('error', color)
    out.push(`${where} - ${severity} ${field}${escapeControl(p.message)}`)
    const raw = options.sourceLine?.(p.file, p.line)
    if (raw !== undefined) {
      // Tabs are kept (the caret lines up under them); every other control is written out.
      const line = raw.split('\t').map(escapeControl).join('\t')
      const before = raw.slice(0, Math.max(0, p.column - 1))
      const caretAt = Math.min(before.split('\t').map(escapeControl).join('\t').length, line.length)
      const gutter = String(p.line)
      out.push(dim(`  ${gutter} | `, color) + line)
      out.push(
        `${dim(`  ${' '.repeat(gutter.length)} | `, color)}${' '.repeat(caretAt)}${red('^', color)}`,
      )
    }
    for (const r of p.related ?? [])
      out.push(dim(`  see also ${escapeControl(r.file)}:${r.line}:${r.column}`, color))
    out.push('')
  }
  if (problems.every((p) => p.code === 'warning')) return `${out.join('\n')}`
  out.push(bold(problemSummary(problems.filter((p) => p.code !== 'warning')), color))
  return `${out.join('\n')}\n`
}

/** Problems as one JSON document: `{ ok, problemCount, fileCount, problems }`. */
export function formatJson(
  problems: readonly ContentProblem[],
  options: FormatOptions = {},
): string {
  return `${JSON.stringify(
    {
      ok: problems.length === 0,
      problemCount: problems.length,
      fileCount: options.fileCount,
      problems,
      ...(options.warnings?.length ? { warnings: options.warnings } : {}),
    },
    null,
    2,
  )}\n`
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (s: string) =>
  escapeControl(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'))
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** One `::error file=…,line=…,col=…,title=…::message` line per problem, then the summary. */
export function formatGithub(
  problems: readonly ContentProblem[],
  options: FormatOptions = {},
): string {
  const path = options.githubPath ?? ((file: string) => file)
  const lines = problems.map((p) => {
    const props = [
      `file=${escapeProperty(path(p.file))}`,
      `line=${p.line}`,
      `col=${p.column}`,
      `title=${escapeProperty(p.path ? `colophon: ${p.path}` : 'colophon')}`,
    ]
    const command = p.code === 'warning' ? 'warning' : 'error'
    return `::${command} ${props.join(',')}::${escapeData(p.message)}`
  })
  const errors = problems.filter((p) => p.code !== 'warning')
  if (errors.length > 0) lines.push(problemSummary(errors))
  return `${lines.join('\n')}\n`
}

export function formatProblemsAs(
  format: ProblemFormat,
  problems: readonly ContentProblem[],
  options: FormatOptions = {},
): string {
  if (format === 'json') return formatJson(problems, options)
  if (format === 'github') return formatGithub(problems, options)
  return formatHuman(problems, options)
}
