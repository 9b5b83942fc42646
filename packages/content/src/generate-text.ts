/// <reference path="./popular-english-words.d.ts" />
// Text for the synthetic catalogue: words drawn from a Zipf distribution over real English
// words ranked by frequency (popular-english-words, ranked from Wikipedia), so that common
// words hit most reports and most words hit few, as in a real catalogue.
import { words } from 'popular-english-words'

/** mulberry32: small, fast, and good enough for test data. */
export function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const chance = (p: number) => next() < p
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const count = Math.min(items.length, int(min, max))
    const chosen = new Set<T>()
    while (chosen.size < count) chosen.add(pick(items))
    return [...chosen]
  }
  return { next, int, pick, chance, some }
}
export type Random = ReturnType<typeof random>

/** How many of the most frequent words the text draws from. */
export const VOCABULARY_SIZE = 30_000

// Wikipedia's own words and markup that rank high in the source list, and words a
// publisher's catalogue would not print.
const LEFT_OUT = new Set(
  'nbsp mdash ndash proded prod page discussion talk edit wikipedia retrieved isbn html http https www com org jpg png svg px ref cite utc archived infobox wikiproject stub fag fags faggot nigger niggers cunt cunts retard retards whore slut'.split(
    ' ',
  ),
)

let vocabulary: string[] | undefined
/** The words, most frequent first (letters only, at least two, or "a"/"i"). */
export function englishWords(): string[] {
  vocabulary ??= words.getMostPopularFilter(
    VOCABULARY_SIZE,
    (w) => /^[a-z]+$/.test(w) && (w.length > 1 || w === 'a') && !LEFT_OUT.has(w),
  )
  return vocabulary
}

/**
 * A sampler of ranks 0 … n-1 with P(rank) ∝ 1 / (rank + q)^s (Zipf–Mandelbrot; s = 1 as in
 * natural text).
 */
export function zipf(n: number, s = 1, q = 2.7) {
  const cdf = new Float64Array(n)
  let total = 0
  for (let r = 0; r < n; r++) {
    total += 1 / (r + q) ** s
    cdf[r] = total
  }
  return (u: number): number => {
    const target = u * total
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((cdf[mid] as number) < target) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** Sentences, titles and phrases from the Zipf-distributed words. */
export function textSource(r: Random) {
  const list = englishWords()
  const rank = zipf(list.length)
  // Content words for titles: past the function words at the top of the list.
  const contentRank = zipf(list.length - 150, 0.9)
  const word = () => list[rank(r.next())] as string
  const contentWord = () => list[150 + contentRank(r.next())] as string
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1)
  return {
    word,
    contentWord,
    sentence(min = 8, max = 24): string {
      const text = Array.from({ length: r.int(min, max) }, word).join(' ')
      return `${capital(text)}.`
    },
    /** A Title Case phrase of content words ("Regional Transport Finance"). */
    phrase(min = 1, max = 3): string {
      return Array.from({ length: r.int(min, max) }, () => capital(contentWord())).join(' ')
    },
    capital,
  }
}
