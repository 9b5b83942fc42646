// Page words → vocabulary keys: "Reports" → reports, by key or label, case-insensitive;
// a plural or singular of a label ("Report" → reports) is accepted and listed as inferred.
import { closestMatch, slugify, type Vocabulary } from 'colophon-schema'

export interface VocabularyMatch {
  key?: string | undefined
  /** Set when the match was not exact: how the key was reached. */
  inferred?: string | undefined
  /** The closest key or label, when there is no match. */
  suggestion?: string | undefined
}

/**
 * The key of a vocabulary entry that a page's word names.
 *
 * @example
 * matchVocabulary({ reports: { label: 'Reports' } }, 'REPORTS') // { key: 'reports' }
 * matchVocabulary({ reports: { label: 'Reports' } }, 'Report') // { key: 'reports', inferred: '"Report" read as Reports' }
 */
export function matchVocabulary(vocabulary: Vocabulary | undefined, word: string): VocabularyMatch {
  const entries = Object.entries(vocabulary ?? {})
  const lower = word.trim().toLowerCase()
  const slug = slugify(word)
  for (const [key, entry] of entries) {
    if (key === lower || entry.label.toLowerCase() === lower) return { key }
  }
  for (const [key, entry] of entries) {
    if (key === slug || slugify(entry.label) === slug) return { key }
  }
  const variants = [`${slug}s`, slug.replace(/s$/, ''), `${slug}es`, slug.replace(/es$/, '')]
  for (const [key, entry] of entries) {
    if (variants.includes(key) || variants.includes(slugify(entry.label))) {
      return { key, inferred: `"${word}" read as ${entry.label}` }
    }
  }
  const labels = entries.map(([, entry]) => entry.label)
  const keys = entries.map(([key]) => key)
  const suggestion = closestMatch(word, labels) ?? closestMatch(slug, keys)
  return { suggestion }
}

/** Splits a series line into name and number: "Working Paper Series No. 12" → name, "12". */
export function splitSeries(text: string): { name: string; number?: string | undefined } {
  const match = /^(.*?)[,;\s]*(?:\bNo\.?|\bNumber|\bNo|#)\s*([A-Za-z]?\d[\w.-]*)$/i.exec(
    text.trim(),
  )
  if (!match) return { name: text.trim() }
  return { name: (match[1] ?? '').trim(), number: match[2] }
}
