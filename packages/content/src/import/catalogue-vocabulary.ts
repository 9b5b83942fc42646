// New vocabulary entries into catalogue.yaml, editing the YAML document rather than
// writing it afresh: comments, key order, quoting and blank lines stay as the editor wrote
// them, and only the new entries' lines are added.
import { isMap, parseDocument, type YAMLMap } from 'yaml'
import type { AddedEntry } from './import-page.ts'

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
  for (const entry of entries) {
    const path = ['vocabularies', entry.vocabulary]
    let map = doc.getIn(path, true)
    if (!isMap(map)) {
      doc.setIn(path, doc.createNode({}))
      map = doc.getIn(path, true)
    }
    const vocabulary = map as YAMLMap
    // `topics: {}` would stay a flow map and grow on one line: write it as a block.
    if (vocabulary.items.length === 0) vocabulary.flow = false
    if (vocabulary.has(entry.key)) continue
    vocabulary.set(entry.key, doc.createNode({ label: entry.label }))
  }
  return doc.toString()
}
