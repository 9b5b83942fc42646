// The query string read strictly, before any route sees it: every name and value must be
// well-formed percent-encoded UTF-8 without control characters, and given once. Hono alone
// would keep a malformed escape (`%zz`) as text and turn a repeated name into an array; here
// each of these is a 400 that names the parameter and says what is wrong with it.
import type { MiddlewareHandler } from 'hono'
import { invalidParameters, type ProblemError } from './problem.ts'

const MAX_SHOWN = 100
const MALFORMED_ESCAPE = /%(?![0-9A-Fa-f]{2})/
// C0 controls, DEL and C1 controls: never part of a search or a key.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

const shown = (text: string) =>
  JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text)

/** `text` decoded as a query component (`+` is a space), or why it cannot be. */
function decodeComponent(text: string): { value: string } | { problem: string } {
  const malformed = MALFORMED_ESCAPE.exec(text)
  if (malformed) {
    return {
      problem: `malformed percent-encoding ${shown(text.slice(malformed.index, malformed.index + 3))}: "%" must be followed by two hexadecimal digits (write "%25" for "%" itself)`,
    }
  }
  let value: string
  try {
    value = decodeURIComponent(text.replaceAll('+', ' '))
  } catch {
    return {
      problem:
        'the percent-encoded bytes are not valid UTF-8 (a truncated sequence or an encoded surrogate)',
    }
  }
  const control = CONTROL.exec(value)
  if (control) {
    const code = (control[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')
    return { problem: `control character U+${code} is not allowed` }
  }
  // What a lone surrogate becomes when a client encodes it (WHATWG URL, TextEncoder).
  if (value.includes('\ufffd')) {
    return {
      problem:
        'replacement character U+FFFD: the text was not valid Unicode before it was encoded (a lone surrogate?)',
    }
  }
  return { value }
}

/** Problems with the raw query string `search` (with or without its `?`); none when it is fine. */
export function queryProblems(search: string): ProblemError[] {
  const errors: ProblemError[] = []
  const counts = new Map<string, number>()
  const raw = search.startsWith('?') ? search.slice(1) : search
  if (raw === '') return errors
  for (const part of raw.split('&')) {
    if (part === '') continue
    const equals = part.indexOf('=')
    const rawName = equals === -1 ? part : part.slice(0, equals)
    const rawValue = equals === -1 ? '' : part.slice(equals + 1)
    const name = decodeComponent(rawName)
    if ('problem' in name) {
      const parameter = rawName.slice(0, MAX_SHOWN)
      errors.push({ parameter, detail: `parameter name ${shown(rawName)}: ${name.problem}` })
      continue
    }
    counts.set(name.value, (counts.get(name.value) ?? 0) + 1)
    const value = decodeComponent(rawValue)
    if ('problem' in value) {
      const parameter = name.value.slice(0, MAX_SHOWN)
      errors.push({ parameter, detail: `${parameter}: ${value.problem}` })
    }
  }
  for (const [name, count] of counts) {
    if (count < 2) continue
    const parameter = name.slice(0, MAX_SHOWN)
    errors.push({
      parameter,
      detail: `${parameter}: given ${count} times; give it once (several values of a filter go in one, separated by commas)`,
    })
  }
  return errors
}

// OAI-PMH answers bad arguments itself, in its own XML (badArgument), as its protocol asks.
const OWN_ERRORS = ['/oai']

/** Refuses a request whose query string has any of the problems above. */
export const strictQuery: MiddlewareHandler = async (c, next) => {
  if (OWN_ERRORS.includes(c.req.path)) return next()
  const url = c.req.url
  const at = url.indexOf('?')
  if (at !== -1) {
    const hash = url.indexOf('#', at)
    const errors = queryProblems(url.slice(at + 1, hash === -1 ? undefined : hash))
    if (errors.length > 0) throw invalidParameters(errors)
  }
  await next()
}
