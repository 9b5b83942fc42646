// Page words → vocabulary keys. A publisher prints "Publication", "Annual Report" or
// "Evaluation Document" where the catalogue has keys such as reports; the word is matched
// through the run's --map, the keys, labels, aliases, singular and plural labels, simple
// inflections, close spellings and a distinctive shared word, in that order, and the rule
// that matched is returned so that the editor sees how each key was reached.
import { closestMatch, slugify, type Vocabulary } from 'colophon-schema'

/** How a word reached its key. */
export type MatchRule =
  | 'map'
  | 'key'
  | 'label'
  | 'alias'
  | 'singular'
  | 'plural'
  | 'inflection'
  | 'close'
  | 'word'

export interface VocabularyMatch {
  key?: string | undefined
  rule?: MatchRule | undefined
  /** Set when the match was not by key or label: how the key was reached. */
  inferred?: string | undefined
  /** The closest key or label, when there is no match. */
  suggestion?: string | undefined
  /** The keys closest to the word, best first (up to three), when there is no match. */
  closest: string[]
}

/** Words for one run: `--map type:"Publication"=reports` → field → lowercased word → key. */
export type RunMap = ReadonlyMap<string, string>

const normal = (word: string) => word.trim().replace(/\s+/g, ' ').toLowerCase()

/** Singular and plural forms of a slug ("report" ↔ "reports", "brief" ↔ "briefs"). */
function inflections(slug: string): string[] {
  return [`${slug}s`, slug.replace(/s$/, ''), `${slug}es`, slug.replace(/es$/, '')]
}

// Words that say nothing about which entry is meant ("Technical Document").
const GENERIC = new Set(
  'a an and the of for on in to document documents publication publications series no number other'.split(
    ' ',
  ),
)

function contentWords(text: string): string[] {
  return slugify(text)
    .split('-')
    .filter((w) => w.length > 2 && !GENERIC.has(w))
    .map((w) => w.replace(/(?:es|s)$/, ''))
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
    }
    previous = row
  }
  return previous[b.length] as number
}

/** The keys nearest to a word by edit distance over keys, labels and aliases, best first. */
export function closestKeys(vocabulary: Vocabulary | undefined, word: string, count = 3): string[] {
  const needle = normal(word)
  const scored = Object.entries(vocabulary ?? {}).map(([key, entry]) => {
    const names = [key, entry.label, entry.singular, entry.plural, ...(entry.aliases ?? [])]
    const distance = Math.min(
      ...names
        .filter((n): n is string => n !== undefined)
        .map((n) => editDistance(needle, normal(n))),
    )
    return { key, distance }
  })
  return scored
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .map((s) => s.key)
}

/**
 * The key of a vocabulary entry that a page's word names, and the rule that found it.
 *
 * @example
 * const types = { reports: { label: 'Reports', aliases: ['Publication'] } }
 * matchVocabulary(types, 'REPORTS') // { key: 'reports', rule: 'label', closest: [] }
 * matchVocabulary(types, 'Report').rule // 'inflection'
 * matchVocabulary(types, 'Publication').rule // 'alias'
 */
export function matchVocabulary(
  vocabulary: Vocabulary | undefined,
  word: string,
  runMap?: RunMap,
): VocabularyMatch {
  const entries = Object.entries(vocabulary ?? {})
  const lower = normal(word)
  const slug = slugify(word)
  const found = (key: string, rule: MatchRule, inferred?: string): VocabularyMatch => ({
    key,
    rule,
    inferred,
    closest: [],
  })

  const mapped = runMap?.get(lower)
  if (mapped !== undefined && Object.hasOwn(vocabulary ?? {}, mapped)) {
    return found(mapped, 'map', `"${word}" mapped to ${mapped} by --map`)
  }
  for (const [key] of entries) {
    if (key === lower || (slug !== '' && key === slug)) return found(key, 'key')
  }
  for (const [key, entry] of entries) {
    if (normal(entry.label) === lower || (slug !== '' && slugify(entry.label) === slug))
      return found(key, 'label')
  }
  for (const [key, entry] of entries) {
    const alias = entry.aliases?.find(
      (a) => normal(a) === lower || (slug !== '' && slugify(a) === slug),
    )
    if (alias !== undefined)
      return found(key, 'alias', `"${word}" is an alias of ${entry.label} in catalogue.yaml`)
  }
  for (const [key, entry] of entries) {
    if (entry.singular !== undefined && normal(entry.singular) === lower)
      return found(key, 'singular', `"${word}" is the singular of ${entry.label}`)
    if (entry.plural !== undefined && normal(entry.plural) === lower)
      return found(key, 'plural', `"${word}" is the plural of ${entry.label}`)
  }
  if (slug !== '') {
    const variants = inflections(slug)
    for (const [key, entry] of entries) {
      const names = [key, entry.label, entry.singular, entry.plural, ...(entry.aliases ?? [])]
      if (names.some((n) => n !== undefined && variants.includes(slugify(n)))) {
        return found(key, 'inflection', `"${word}" read as ${entry.label} (singular or plural)`)
      }
    }
  }
  const byName = new Map<string, string>()
  for (const [key, entry] of entries) {
    for (const name of [entry.label, ...(entry.aliases ?? [])]) byName.set(name, key)
  }
  const close = closestMatch(word, byName.keys())
  if (close !== undefined && word.length >= 5) {
    const key = byName.get(close) as string
    return found(key, 'close', `"${word}" read as ${close}, the closest spelling`)
  }
  // A distinctive word shared with exactly one entry ("Evaluation Document" → Evaluation Reports).
  const words = contentWords(word)
  if (words.length > 0) {
    const sharing = entries.filter(([key, entry]) => {
      const theirs = new Set(
        [key, entry.label, ...(entry.aliases ?? [])].flatMap((n) => contentWords(n)),
      )
      return words.some((w) => theirs.has(w))
    })
    if (sharing.length === 1) {
      const [key, entry] = sharing[0] as [string, Vocabulary[string]]
      return found(key, 'word', `"${word}" shares a word with ${entry.label} and no other entry`)
    }
  }
  const labels = entries.map(([, entry]) => entry.label)
  const suggestion =
    closestMatch(word, labels) ??
    closestMatch(
      slug,
      entries.map(([key]) => key),
    )
  return { suggestion, closest: closestKeys(vocabulary, word) }
}

/** Splits a series line into name and number: "Working Paper Series No. 12" → name, "12". */
export function splitSeries(text: string): { name: string; number?: string | undefined } {
  const match = /^(.*?)[,;\s]*(?:\bNo\.?|\bNumber|\bNo|#)\s*([A-Za-z]?\d[\w.-]*)$/i.exec(
    text.trim(),
  )
  if (!match) return { name: text.trim() }
  return { name: (match[1] ?? '').trim(), number: match[2] }
}
