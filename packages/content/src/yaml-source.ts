// YAML parsed with its source positions kept, so a problem found in the parsed value can be
// traced back to the node that caused it (file:line:column).
import type { PathSegment } from 'colophon-schema'
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  visit,
} from 'yaml'

/** 1-based line and column. */
export interface Position {
  line: number
  column: number
}

/** Offsets to lines and columns for one file's text. */
export class LineIndex {
  readonly #starts: number[] = [0]

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.#starts.push(i + 1)
  }

  position(offset: number): Position {
    const starts = this.#starts
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((starts[mid] as number) <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 }
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.#starts[line - 1]
    if (start === undefined) return ''
    const end = this.#starts[line]
    return this.text.slice(start, end === undefined ? undefined : end - 1).replace(/\r$/, '')
  }
}

export interface YamlProblem {
  offset: number
  message: string
}

/** How to point at a node: its key (unknown fields) or its value (everything else). */
export type Anchor = 'key' | 'value'

/**
 * One YAML document embedded at `offset` in a file (the whole file, or a frontmatter block).
 */
export class YamlSource {
  readonly document: Document.Parsed
  readonly problems: YamlProblem[]

  constructor(
    readonly yaml: string,
    /** Where `yaml` starts in its file. */
    readonly offset: number,
  ) {
    this.document = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true })
    // An error found at the very end (an unclosed bracket or quote) points at the end of
    // the last line with text, not at whatever follows the YAML in the file.
    const end = yaml.trimEnd().length
    this.problems = this.document.errors.map((error) => ({
      offset: offset + Math.min(error.pos[0], end),
      message: yamlMessage(error.message),
    }))
    if (this.problems.length === 0) this.problems.push(...unsafeNodes(this.document, offset))
  }

  /** The parsed value; `undefined` for an empty document. */
  value(): unknown {
    return this.document.toJS({ maxAliasCount: 1000 }) ?? undefined
  }

  /**
   * The file offset of the node at `path`; where the path leaves the document (a missing
   * field), the offset of the deepest node that exists on it, the parent.
   */
  offsetOf(path: readonly PathSegment[], anchor: Anchor = 'value'): number {
    let node: unknown = this.document.contents
    let at = this.#start(node) ?? 0
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(segment))
        if (!pair) return this.offset + at
        const keyStart = this.#start(pair.key)
        const valueStart = this.#start(pair.value)
        const last = i === path.length - 1
        if (last && anchor === 'key') return this.offset + (keyStart ?? at)
        // An empty value (`title:`) has no place of its own: point at its key.
        at =
          isScalar(pair.value) && pair.value.value === null
            ? (keyStart ?? at)
            : (valueStart ?? keyStart ?? at)
        node = pair.value
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment]
        if (item === undefined) return this.offset + at
        at = this.#start(item) ?? at
        node = item
      } else {
        return this.offset + at
      }
    }
    return this.offset + at
  }

  /**
   * The text of a plain (unquoted) scalar as written, when YAML read it as a number or a
   * boolean: `published: 2013` is text "2013" to an editor.
   */
  plainTextAt(path: readonly PathSegment[]): string | undefined {
    let node: unknown = this.document.contents
    for (const segment of path) {
      if (isMap(node)) {
        node = node.items.find((p) => isPair(p) && keyOf(p.key) === String(segment))?.value
      } else if (isSeq(node) && typeof segment === 'number') node = node.items[segment]
      else return undefined
    }
    if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return undefined
    if (typeof node.value !== 'number' && typeof node.value !== 'boolean') return undefined
    return this.yaml.slice(node.range[0], node.range[1])
  }

  #start(node: unknown): number | undefined {
    return (node as Node | null)?.range?.[0]
  }
}

/**
 * Aliases (`*name`) are refused: a few of them can stand for gigabytes ("billion laughs"),
 * and a report's fields are short enough to write out. A `__proto__` key is refused too: as
 * a JavaScript object key it would vanish (it sets the prototype) instead of being read.
 */
function unsafeNodes(document: Document.Parsed, offset: number): YamlProblem[] {
  const problems: YamlProblem[] = []
  visit(document, {
    Alias(_, node) {
      problems.push({
        offset: offset + (node.range?.[0] ?? 0),
        message: `YAML: alias *${node.source} is not allowed in a catalogue file; write the value out instead`,
      })
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        problems.push({
          offset: offset + (pair.key.range?.[0] ?? 0),
          message: 'YAML: "__proto__" cannot be a key; choose another name',
        })
      }
    },
  })
  return problems
}

/** True when the text may hold an alias or a `__proto__` key: the strict reader decides. */
export function mayHoldUnsafeNodes(yaml: string): boolean {
  return ALIAS_LIKE.test(yaml) || yaml.includes('__proto__')
}
// `*name` where a node may start (after a space, `[`, `{`, `,`, `:`, `-` or at a line start).
const ALIAS_LIKE = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/m

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value)
  return undefined
}

/** YAML's messages without the trailing code excerpt it adds. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message
  return `YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`
}
