// Labels for vocabulary keys (types, topics, series), fetched once from /v1/vocabularies.
// Until they arrive, or if they fail, a key is shown as a readable version of itself.
import { createResource } from 'solid-js'
import { getVocabularies } from '../api/client.ts'
import type { Vocabularies } from '../api/types.ts'
import { dataKey, useInitialData } from './initial-data.ts'

export type VocabularyName = 'types' | 'topics' | 'series'

/**
 * The label of one item of a plural vocabulary label: a single report is a "Report", not
 * "Reports" ("Papers and Briefs" → "Paper or brief"). Words that are the same in both
 * numbers ("Proceedings") stay.
 *
 * @example
 * singularLabel('Working Papers') // 'Working paper'
 */
export function singularLabel(label: string): string {
  const one = (word: string) => {
    if (/(?:ings|ics|news|series|data)$/i.test(word)) return word
    if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`
    if (/(?:ches|shes|sses|xes)$/i.test(word)) return word.slice(0, -2)
    if (/[^s]s$/i.test(word)) return word.slice(0, -1)
    return word
  }
  const words = label.split(' ')
  const and = words.findIndex((w) => w.toLowerCase() === 'and')
  const singular =
    and > 0 && and < words.length - 1
      ? [
          ...words.slice(0, and).map((w, i) => (i === and - 1 ? one(w) : w)),
          'or',
          ...words.slice(and + 1, -1),
          one(words.at(-1) ?? ''),
        ]
      : [...words.slice(0, -1), one(words.at(-1) ?? '')]
  // Title case in a vocabulary ("Working Papers") reads as sentence case once singular;
  // acronyms ("ADB") keep their capitals.
  return singular.map((w, i) => (i > 0 && /^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w)).join(' ')
}

/** "working-papers" → "Working papers", for when no label is known. */
export function humanizeKey(key: string): string {
  const text = key.replace(/[-_]+/g, ' ').trim()
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function labelFrom(
  vocabularies: Vocabularies | undefined,
  name: VocabularyName,
  key: string,
): string {
  return vocabularies?.[name]?.find((item) => item.key === key)?.label ?? humanizeKey(key)
}

/**
 * @example
 * const label = useLabels()
 * label('types', 'reports') // 'Reports'
 */
export function useLabels(): (name: VocabularyName, key: string) => string {
  const initial = useInitialData().peek<Vocabularies>(dataKey.vocabularies)
  const [vocabularies] = createResource(
    () => getVocabularies().catch(() => undefined),
    initial ? { initialValue: initial, ssrLoadFrom: 'initial' } : {},
  )
  return (name, key) => labelFrom(vocabularies.latest, name, key)
}
