// Labels for vocabulary keys (types, topics, series), fetched once from /v1/vocabularies.
// Until they arrive, or if they fail, a key is shown as a readable version of itself.
import { createResource } from 'solid-js'
import { getVocabularies } from '../api/client.ts'
import type { Vocabularies } from '../api/types.ts'

export type VocabularyName = 'types' | 'topics' | 'series'

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
  const [vocabularies] = createResource(() => getVocabularies().catch(() => undefined))
  return (name, key) => labelFrom(vocabularies.latest, name, key)
}
