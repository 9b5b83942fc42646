// A realistic query set drawn from the corpus itself (deterministic for a seed): single words
// of common, middling and rare frequency, two-word queries from titles, titles typed letter
// by letter, typos, words the catalogue does not hold, author names and identifiers in the
// forms people paste them.
import type { SearchIndexReader } from 'colophon-content/search'
import { type CompiledReport, compactIsbn, isbn13To10, normalizeIsbn } from 'colophon-schema'

export interface BenchQuery {
  category: string
  q: string
}

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const CATEGORIES = [
  'common word',
  'middling word',
  'rare word',
  'two words',
  'typing a title',
  'typo',
  'zero hits',
  'author',
  'identifier',
] as const

/** About `perCategory` queries of each kind (typing gives every prefix of a few phrases). */
export function querySet(
  reports: readonly CompiledReport[],
  index: SearchIndexReader,
  seed: number,
  perCategory = 40,
): BenchQuery[] {
  const next = rng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const n = index.docCount
  const out: BenchQuery[] = []
  const band = (category: string, test: (df: number) => boolean) => {
    const terms: number[] = []
    for (let t = 0; t < index.termCount; t++) {
      const word = index.term(t)
      if (/^[a-z]{3,}$/.test(word) && test(index.df[t] as number)) terms.push(t)
    }
    for (let i = 0; i < perCategory && terms.length; i++)
      out.push({ category, q: index.term(pick(terms)) })
  }
  band('common word', (df) => df > n * 0.2)
  band('middling word', (df) => df > n * 0.005 && df < n * 0.05)
  band('rare word', (df) => df >= 1 && df <= Math.max(2, n * 0.001))
  const titleWords = () => {
    const words = pick(reports)
      .title.toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 3)
    return words
  }
  for (let i = 0; i < perCategory; i++) {
    const w = titleWords()
    const at = Math.floor(next() * Math.max(1, w.length - 1))
    if (w.length >= 2) out.push({ category: 'two words', q: `${w[at]} ${w[at + 1]}` })
  }
  for (let phrases = 0; phrases < Math.max(1, Math.round(perCategory / 12)); phrases++) {
    const w = titleWords()
    const phrase = w.slice(0, 2).join(' ')
    for (let k = 1; k <= phrase.length; k++)
      out.push({ category: 'typing a title', q: phrase.slice(0, k) })
  }
  const middling: string[] = []
  for (let t = 0; t < index.termCount; t++) {
    const word = index.term(t)
    if (/^[a-z]{6,}$/.test(word) && (index.df[t] as number) > n * 0.002) middling.push(word)
  }
  for (
    let i = 0;
    i < perCategory * 3 && out.filter((q) => q.category === 'typo').length < perCategory;
    i++
  ) {
    const w = pick(middling)
    if (!w) break
    const at = 1 + Math.floor(next() * (w.length - 2))
    const kind = Math.floor(next() * 3)
    const typo =
      kind === 0
        ? w.slice(0, at) + w.slice(at + 1)
        : kind === 1
          ? w.slice(0, at) + (w[at + 1] ?? '') + (w[at] ?? '') + w.slice(at + 2)
          : w.slice(0, at) + 'qxz'[Math.floor(next() * 3)] + w.slice(at + 1)
    if (index.find(typo) < 0) out.push({ category: 'typo', q: `${typo} ` })
  }
  for (let i = 0; i < perCategory; i++) {
    let word = ''
    do {
      word = Array.from(
        { length: 6 + Math.floor(next() * 4) },
        () => 'bcdfghjklmnpqrstvwxz'[Math.floor(next() * 20)],
      ).join('')
    } while (index.find(word) >= 0)
    out.push({ category: 'zero hits', q: `${word} ` })
  }
  for (let i = 0; i < perCategory; i++) {
    const authors = pick(reports).authors ?? []
    const a = authors[0]
    if (!a) continue
    out.push({
      category: 'author',
      q: 'name' in a ? a.name : i % 2 ? a.family : `${a.given ?? ''} ${a.family}`.trim(),
    })
  }
  const withIds = reports.filter((r) => r.identifiers)
  for (let i = 0; i < perCategory; i++) {
    const ids = pick(withIds).identifiers ?? {}
    const isbn = ids.isbn?.[0]?.value
    const forms = [
      isbn,
      isbn && normalizeIsbn(isbn),
      isbn && normalizeIsbn(isbn) && isbn13To10(normalizeIsbn(isbn) as string),
      isbn && compactIsbn(isbn),
      ids.doi,
      ids.stockNumber,
    ].filter((v): v is string => Boolean(v))
    out.push({ category: 'identifier', q: pick(forms) })
  }
  return out
}
