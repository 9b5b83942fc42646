// What a catalogue source file must be before any YAML is read: at most MAX_SOURCE_BYTES,
// UTF-8, line breaks normalised to "\n", no control characters but tab and line feed. Each
// refusal is a problem at the first offending place (file:line:column).
import { LineIndex, type Position } from './yaml-source.ts'

/** The largest report or catalogue file the compile reads: 1 MiB. */
export const MAX_SOURCE_BYTES = 1024 * 1024

/** A problem found in a file's bytes or text, placed 1-based. */
export interface SourceTextProblem extends Position {
  message: string
}

// C0 controls but tab and line feed, a carriage return left alone after normalising, DEL,
// C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
const NAMES: Record<number, string> = {
  0: 'NUL',
  7: 'bell',
  8: 'backspace',
  11: 'vertical tab',
  12: 'form feed',
  13: 'carriage return',
  27: 'escape',
  127: 'delete',
}

/** How a code point is shown in a message: `U+001B (escape)`. */
export function codePointName(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  const name = NAMES[code]
  return name ? `${hex} (${name})` : hex
}

/** The offset of the first byte that is not part of well-formed UTF-8, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    let length: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000]
    else return i
    let code = b & (0xff >> (length + 1))
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return i
      code = (code << 6) | (next & 0x3f)
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i
    i += length
  }
  return -1
}

/** The 1-based line and column (UTF-16 units, as editors count) of byte `offset`. */
function bytePosition(bytes: Uint8Array, offset: number): Position {
  let lineStart = 0
  let line = 1
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  const prefix = new TextDecoder().decode(bytes.subarray(lineStart, offset))
  return { line, column: prefix.length + 1 }
}

/**
 * A file's bytes as text, or the problem that keeps them from being read: too large, or
 * not UTF-8. Control characters are left to `textProblems`.
 *
 * @example
 * const decoded = decodeSource(await readFile(path))
 * if ('problem' in decoded) console.log(decoded.problem.line, decoded.problem.message)
 */
export function decodeSource(bytes: Uint8Array): { text: string } | { problem: SourceTextProblem } {
  if (bytes.length > MAX_SOURCE_BYTES) return { problem: tooLarge(bytes.length) }
  const invalid = invalidUtf8Offset(bytes)
  if (invalid !== -1) {
    const byte = (bytes[invalid] as number).toString(16).toUpperCase().padStart(2, '0')
    return {
      problem: {
        ...bytePosition(bytes, invalid),
        message: `not UTF-8: byte 0x${byte} cannot start or continue a character here; save the file as UTF-8`,
      },
    }
  }
  return { text: new TextDecoder().decode(bytes) }
}

export function tooLarge(bytes: number): SourceTextProblem {
  return {
    line: 1,
    column: 1,
    message: `the file is ${bytes.toLocaleString('en-US')} bytes; a catalogue file may be at most ${MAX_SOURCE_BYTES.toLocaleString('en-US')} bytes (1 MiB)`,
  }
}

/** `text` with Windows (CRLF) line breaks as "\n": the compiled output never holds a "\r". */
export function normalizeNewlines(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text
}

const MAX_CONTROL_PROBLEMS = 10

/**
 * Problems with already decoded, normalised text: too long, or control characters (at
 * most ten are listed).
 */
export function textProblems(text: string): SourceTextProblem[] {
  // UTF-16 units never outnumber UTF-8 bytes: a text this long is surely too large.
  if (text.length > MAX_SOURCE_BYTES) return [tooLarge(new TextEncoder().encode(text).length)]
  const problems: SourceTextProblem[] = []
  CONTROL.lastIndex = 0
  if (!CONTROL.test(text)) return problems
  const lines = new LineIndex(text)
  CONTROL.lastIndex = 0
  for (const match of text.matchAll(CONTROL)) {
    if (problems.length === MAX_CONTROL_PROBLEMS) break
    problems.push({
      ...lines.position(match.index),
      message: `control character ${codePointName(match[0].codePointAt(0) as number)}: not allowed in a catalogue file; remove it`,
    })
  }
  return problems
}
