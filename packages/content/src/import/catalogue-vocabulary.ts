// New vocabulary entries into catalogue.yaml without rewriting it: the `yaml` Document API
// finds where each vocabulary is in the text, and the new entries' lines are inserted
// there, so that comments, key order, quoting, flow maps and blank lines stay exactly as the
// editor wrote them. Only a vocabulary written as a non-empty flow map (`{ a: {…} }`), or
// missing altogether, is re-serialised through the Document.
import { isMap, isPair, isScalar, type Node, parseDocument, stringify, type YAMLMap } from 'yaml'
import type { AddedEntry } from './import-page.ts'

interface Edit {
  start: number
  end: number
  text: string
}

/** The column a node starts at in the text. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1)
}

const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd()

function entryLines(entries: readonly AddedEntry[], indent: number): string {
  const pad = ' '.repeat(indent)
  return entries.map((e) => `${pad}${scalar(e.key)}:\n${pad}  label: ${scalar(e.label)}\n`).join('')
}

/**
 * catalogue.yaml's text with the entries added under `vocabularies.<series|topics>`;
 * entries whose key the vocabulary has already are left alone.
 *
 * @example
 * addVocabularyEntries(text, [{ vocabulary: 'topics', key: 'energy', label: 'Energy', line: 9 }])
 * // '…\n  topics:\n    energy:\n      label: Energy\n'
 */
export function addVocabularyEntries(text: string, entries: readonly AddedEntry[]): string {
  if (entries.length === 0) return text
  const doc = parseDocument(text)
  const vocabularies = doc.get('vocabularies', true)
  const edits: Edit[] = []
  const fallback: AddedEntry[] = []
  for (const name of ['series', 'topics'] as const) {
    const map = doc.getIn(['vocabularies', name], true) as Node | undefined
    const adding = entries.filter(
      (e, i) =>
        e.vocabulary === name &&
        entries.findIndex((o) => o.vocabulary === name && o.key === e.key) === i &&
        !(isMap(map) && map.has(e.key)),
    )
    if (adding.length === 0) continue
    const pair = isMap(vocabularies)
      ? vocabularies.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === name)
      : undefined
    const keyStart = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined
    if (!isMap(map) || keyStart === undefined || !map.range) {
      fallback.push(...adding)
      continue
    }
    const indent = columnOf(text, keyStart) + 2
    if (map.flow && map.items.length === 0) {
      // `topics: {}` → a block of the new entries.
      const start = map.range[0]
      const end = map.range[1]
      const before = text.slice(0, start).replace(/[ \t]+$/, '')
      edits.push({
        start: before.length,
        end,
        text: `\n${entryLines(adding, indent).replace(/\n$/, '')}`,
      })
    } else if (!map.flow) {
      // After the line where the vocabulary's last entry ends.
      const last = (map as YAMLMap).items.at(-1)
      const valueEnd = (isPair(last) && (last.value as Node | null)?.range?.[1]) || map.range[1]
      const lineEnd = text.indexOf('\n', valueEnd - 1)
      const at = lineEnd < 0 ? text.length : lineEnd + 1
      const prefix = lineEnd < 0 ? '\n' : ''
      const sample = isPair(last) && isScalar(last.key) ? last.key.range?.[0] : undefined
      const own = sample === undefined ? indent : columnOf(text, sample)
      edits.push({ start: at, end: at, text: `${prefix}${entryLines(adding, own)}` })
    } else fallback.push(...adding)
  }
  let out = text
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  }
  if (fallback.length === 0) return out
  // A vocabulary written as a flow map, or missing: through the Document.
  const rest = parseDocument(out)
  for (const entry of fallback) {
    const path = ['vocabularies', entry.vocabulary]
    if (!isMap(rest.getIn(path, true))) rest.setIn(path, rest.createNode({}))
    const map = rest.getIn(path, true) as YAMLMap
    if (!map.has(entry.key)) map.set(entry.key, rest.createNode({ label: entry.label }))
  }
  return rest.toString({ lineWidth: 0 })
}
