// Zod issues turned into problems an editor can act on: one per field, with a path and a
// message that says what was expected ("required", "unknown field, did you mean title?").
import type { z } from 'zod'

export type PathSegment = string | number

export interface Problem {
  /** Where the problem is, from the root of the parsed value. */
  path: PathSegment[]
  message: string
  /** The Zod issue code it came from. */
  code: string
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string')
    return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
  return `${typeof value} ${String(value)}`
}

const expectedNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'a mapping of fields',
  boolean: 'true or false',
  record: 'a mapping of keys',
}

function messageFor(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'required'
      return `expected ${expectedNames[issue.expected] ?? issue.expected}, found ${describe(input)}`
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item(s)`
      if (issue.origin === 'string') return `needs at least ${issue.minimum} character(s)`
      if (issue.origin === 'number' || issue.origin === 'int') {
        return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`
      }
      break
    case 'too_big':
      if (issue.origin === 'array') return `at most ${issue.maximum} item(s)`
      if (issue.origin === 'string') return `at most ${issue.maximum} characters`
      if (issue.origin === 'number' || issue.origin === 'int') {
        return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`
      }
      break
    case 'invalid_value':
      // Schemas give their own message ("expected print or online"); this is the fallback.
      if (issue.message.startsWith('Invalid')) {
        return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${describe(input)}`
      }
      break
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`
  }
  if (issue.message.startsWith('Invalid')) return `${issue.message} (found ${describe(input)})`
  return issue.message
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function collect(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  prefix: PathSegment[],
  out: Problem[],
) {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathSegment[])]
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch that came closest (fewest problems): the editor meant that one.
      const closest = issue.errors.reduce((best, branch) =>
        branch.length < best.length ? branch : best,
      )
      const before = out.length
      collect(closest, root, path, out)
      if (out.length > before) continue
    }
    if (issue.code === 'invalid_key' || issue.code === 'invalid_element') {
      // A record key that breaks its rule: the inner issue says which rule.
      const key = path[path.length - 1]
      for (const inner of issue.issues) {
        out.push({
          path,
          message: `key "${String(key)}": ${inner.message}`,
          code: issue.code,
        })
      }
      continue
    }
    if (issue.code === 'unrecognized_keys') {
      // Strict objects put one message line per key (see strictObject in fields.ts).
      const lines = issue.message.split('\n')
      issue.keys.forEach((key, i) => {
        const line = lines.length === issue.keys.length ? lines[i] : undefined
        // The path names the key already; keep only what follows "key: ".
        const message = line?.startsWith(`${key}: `) ? line.slice(key.length + 2) : 'unknown field'
        out.push({ path: [...path, key], message, code: issue.code })
      })
      continue
    }
    out.push({ path, message: messageFor(issue, valueAt(root, path)), code: issue.code })
  }
}

/**
 * Flattens a Zod error into problems with paths and editor-readable messages: unions are
 * resolved to the closest branch, unknown keys get one problem each at the key's path.
 *
 * @example
 * const result = Report.safeParse(data)
 * if (!result.success) for (const p of explainIssues(result.error, data)) console.log(formatPath(p.path), p.message)
 */
export function explainIssues(error: z.ZodError, input: unknown): Problem[] {
  const problems: Problem[] = []
  collect(error.issues, input, [], problems)
  return problems
}

/**
 * Writes a path as an editor reads it.
 *
 * @example
 * formatPath(['contents', 2, 'children', 0, 'title']) // 'contents[2].children[0].title'
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += out ? `.${segment}` : segment
  }
  return out
}

/**
 * All problems of a failed parse as lines `path: message`.
 *
 * @example
 * formatProblems(Report.safeParse(data).error!, data)
 * // 'identifiers.isbn[0].value: ISBN 978-92-9254-047-1: check digit should be 0'
 */
export function formatProblems(error: z.ZodError, input: unknown): string {
  return explainIssues(error, input)
    .map((p) => (p.path.length ? `${formatPath(p.path)}: ${p.message}` : p.message))
    .join('\n')
}
