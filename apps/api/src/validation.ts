// Turns Zod's validation errors into one problem+json 400 that names each bad parameter.
import { closestMatch } from 'colophon-schema'
import type { ZodError } from 'zod'
import { invalidParameters, type ProblemError, problemResponse } from './problem.ts'

const MAX_NAME = 100

/** One entry per bad or unknown parameter, with "did you mean" for a misspelt name. */
export function problemErrors(
  error: ZodError,
  target: string,
  known: readonly string[],
): ProblemError[] {
  const where = target === 'header' ? 'header' : 'parameter'
  const errors: ProblemError[] = []
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const name = key.length > MAX_NAME ? `${key.slice(0, MAX_NAME)}…` : key
        const suggestion = key.length <= MAX_NAME ? closestMatch(key, known) : undefined
        const list = known.length ? `; known: ${known.join(', ')}` : '; this endpoint takes none'
        errors.push({
          [where]: name,
          detail: `${name}: unknown parameter${suggestion ? `, did you mean ${suggestion}?` : list}`,
        })
      }
      continue
    }
    const name = String(issue.path[0] ?? '')
    const message = issue.message.startsWith(`${name}:`)
      ? issue.message
      : `${name}: ${issue.message}`
    errors.push({ [where]: name, detail: message })
  }
  return errors
}

interface HookContext {
  req: { url: string }
}

/**
 * A validation hook for routes whose query takes `known` parameters: a failed validation
 * becomes a 400 problem.
 */
export function validationHook(known: readonly string[] = []) {
  return (
    result: { success: true } | { success: false; error: ZodError; target: string },
    c: HookContext,
  ): undefined => {
    if (result.success) return undefined
    const errors = problemErrors(result.error, result.target, known)
    // Typed as never: each route documents the 400 it returns here, which Hono cannot check.
    return problemResponse(invalidParameters(errors), c.req.url) as never
  }
}
