// Validates a value parsed from YAML against a schema, mapping each problem back to the YAML
// node it came from.
import { explainIssues, formatPath, type PathSegment, type Problem } from 'colophon-schema'
import type { z } from 'zod'
import type { ContentProblem } from './problem.ts'
import type { Anchor, LineIndex, YamlSource } from './yaml-source.ts'

export interface Validated<T> {
  data?: T
  problems: Problem[]
}

function setAt(root: unknown, path: readonly PathSegment[], value: unknown) {
  let node = root as Record<PropertyKey, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>
  node[path[path.length - 1] as PropertyKey] = value
}

/**
 * Parses `value` with `schema`. Where the schema wants text and YAML read a plain scalar as a
 * number or boolean (`published: 2013`, `number: 7`), the scalar is read as written and the
 * value parsed again: editors need not quote a year, and the schema stays strict.
 */
export function validateYamlValue<T>(
  schema: z.ZodType<T>,
  value: unknown,
  yaml: YamlSource | undefined,
): Validated<T> {
  for (let round = 0; ; round++) {
    const result = schema.safeParse(value)
    if (result.success) return { data: result.data, problems: [] }
    const problems = explainIssues(result.error, value)
    let changed = false
    if (yaml && round < 3) {
      for (const problem of problems) {
        if (problem.code !== 'invalid_type' || !problem.message.startsWith('expected text'))
          continue
        const text = yaml.plainTextAt(problem.path)
        if (text === undefined) continue
        setAt(value, problem.path, text)
        changed = true
      }
    }
    if (!changed) return { problems }
  }
}

/** A schema problem located in its file: unknown fields point at their key, others at the value. */
export function locateProblem(
  problem: Problem,
  file: string,
  lines: LineIndex,
  yaml: YamlSource | undefined,
  pathPrefixLength = 0,
): ContentProblem {
  const path = problem.path.slice(pathPrefixLength)
  const anchor: Anchor = problem.code === 'unrecognized_keys' ? 'key' : 'value'
  const offset = yaml ? yaml.offsetOf(path, anchor) : 0
  return {
    file,
    ...lines.position(offset),
    path: formatPath(path),
    message: problem.message,
    code: problem.code,
  }
}
