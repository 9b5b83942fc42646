// Test helper: parse with a schema and return the problems as "path: message" lines, or []
// when the value parses.
import type { z } from 'zod'
import { formatProblems } from '../problems.ts'

export function problemsOf(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data)
  if (result.success) return []
  return formatProblems(result.error, data).split('\n')
}

/** JSON-like data that a test edits freely (a deep copy of a fixture). */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited through arbitrary paths
export type Editable = Record<string, any>
