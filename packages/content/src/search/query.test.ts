import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentIdentifiers, IDENTIFIER_IMPACT, type SearchIndexData } from './build-index.ts'
import { dateLowerBound, dateUpperBound, titleRanks } from './columns.ts'
import { MAX_QUERY_TERMS, SearchLimitError } from './limits.ts'
import { openSearchIndex } from './pieces.ts'
import { SearchEngine, type SearchRequest, type SearchSort, topK } from './query.ts'
import type { SearchSource } from './source.ts'
import { type Corpus, openCorpus, summary } from './test-corpus.ts'
import { tokenize, tokenizeQuery } from './tokenize.ts'

const WORDS = [
  'trade',
  'trader',
  'tradition',
  'asia',
  'asian',
  'growth',
  'grow',
  'bank',
  'banks',
  'water',
  'énergie',
  'x1',
]
const TYPES = ['reports', 'books', 'guides']
const TOPICS = ['trade', 'energy', 'water']
const COUNTRIES = ['PH', 'VN', 'ID']
const SERIES = ['s-one', 's-two']

const words = (max: number) =>
  fc.array(fc.constantFrom(...WORDS), { maxLength: max }).map((w) => w.join(' '))
const subset = <T>(items: readonly T[]) => fc.subarray([...items])

const arbitraryDoc = fc.record({
  title: words(5),
  summary: words(6),
  overview: words(20),
  authors: fc.array(words(2), { maxLength: 2 }),
  type: fc.constantFrom(...TYPES),
  topics: subset(TOPICS),
  countries: subset(COUNTRIES),
  series: fc.option(fc.constantFrom(...SERIES), { nil: undefined }),
  published: fc
    .tuple(
      fc.integer({ min: 2000, max: 2003 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 2 }),
    )
    .map(([y, m, precision]) =>
      precision === 0
        ? `${y}`
        : precision === 1
          ? `${y}-${String(m).padStart(2, '0')}`
          : `${y}-${String(m).padStart(2, '0')}-15`,
    ),
  // Few distinct times, so that "changed" order often falls back to the slug.
  modified: fc.integer({ min: 0, max: 5 }).map((h) => `2024-01-01T0${h}:00:00Z`),
})

const arbitraryCorpus = fc
  .array(arbitraryDoc, { minLength: 1, maxLength: 60 })
  .map((list): Corpus => {
    // Newest first, as doc ids are.
    const sorted = [...list].sort((a, b) =>
      a.published < b.published ? 1 : a.published > b.published ? -1 : 0,
    )
    return {
      docs: sorted.map((d) => ({
        title: d.title,
        summary: d.summary,
        overview: d.overview,
        authors: d.authors,
      })),
      summaries: sorted.map((d, i) =>
        summary(i, {
          title: d.title || 'untitled',
          type: d.type,
          topics: d.topics,
          countries: d.countries as ReportSummaryCountries,
          series: d.series ? { key: d.series } : undefined,
          published: d.published,
          modified: d.modified,
        }),
      ),
    }
  })
type ReportSummaryCountries = NonNullable<Corpus['summaries'][number]['countries']>

const arbitraryQuery = fc.record({
  text: fc
    .array(
      fc
        .constantFrom(...WORDS)
        .chain((w) => fc.integer({ min: 1, max: w.length }).map((n) => w.slice(0, n))),
      { minLength: 0, maxLength: 3 },
    )
    .chain((ws) => fc.boolean().map((space) => ws.join(' ') + (space ? ' ' : ''))),
  type: fc.option(subset(TYPES), { nil: undefined }),
  topics: fc.option(subset(TOPICS), { nil: undefined }),
  countries: fc.option(subset(COUNTRIES), { nil: undefined }),
  from: fc.option(fc.integer({ min: 2000, max: 2003 }), { nil: undefined }),
  changedSince: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  sort: fc.constantFrom<SearchSort>('relevance', 'newest', 'oldest', 'title', 'changed'),
  offset: fc.integer({ min: 0, max: 10 }),
  limit: fc.integer({ min: 1, max: 15 }),
})

/** The impact of `term` in `doc` as built (0 when absent). */
function impactOf(index: SearchIndexData, term: string, doc: number): number {
  const k = index.terms.keys.indexOf(term)
  if (k < 0) return 0
  for (let p = index.terms.offsets[k] as number; p < (index.terms.offsets[k + 1] as number); p++)
    if (index.terms.docs[p] === doc) return index.terms.impacts[p] as number
  return 0
}

/** The same query by brute force: every document's tokens, no index. */
function reference(
  corpus: Corpus,
  index: SearchIndexData,
  request: SearchRequest & { text: string },
) {
  const tokens = tokenizeQuery(request.text)
  const docTerms = corpus.docs.map((d) => {
    const all = [
      d.title,
      d.subtitle,
      d.summary,
      d.overview,
      ...(d.authors ?? []),
      ...(d.keyFindings ?? []),
      ...(d.contents ?? []),
      ...(d.vocabulary ?? []),
    ]
    return new Set(all.flatMap((t) => (t ? tokenize(t).words : [])))
  })
  const docIds = corpus.docs.map((d) => new Set(documentIdentifiers(d)))
  const hasText = tokens.words.length + tokens.identifiers.length > 0
  const score = new Map<number, number>()
  const textMatch = (d: number): boolean => {
    if (!hasText) return true
    let total = 0
    for (const key of tokens.identifiers) {
      if (!docIds[d]?.has(key)) return false
      total += IDENTIFIER_IMPACT
    }
    for (const [i, w] of tokens.words.entries()) {
      const prefix = i === tokens.words.length - 1 && tokens.lastIsPrefix && w.length >= 2
      const matching = [...(docTerms[d] as Set<string>)].filter(
        (t) => t === w || (prefix && t.startsWith(w)),
      )
      if (matching.length === 0) return false
      total += Math.max(...matching.map((t) => impactOf(index, t, d)))
    }
    score.set(d, total)
    return true
  }
  const s = corpus.summaries
  const passes = (d: number, skip?: string) => {
    const f = request.filters ?? {}
    const doc = s[d] as Corpus['summaries'][number]
    if (skip !== 'type' && f.type && !f.type.includes(doc.type)) return false
    if (skip !== 'topics' && f.topics && !(doc.topics ?? []).some((t) => f.topics?.includes(t)))
      return false
    if (
      skip !== 'countries' &&
      f.countries &&
      !(doc.countries ?? []).some((c) => f.countries?.includes(c))
    )
      return false
    const r = request.dateRange
    if (r?.from !== undefined && dateUpperBound(doc.published) < r.from) return false
    if (
      request.changedSince !== undefined &&
      Date.parse(doc.modified as string) / 1000 < request.changedSince
    )
      return false
    return true
  }
  const all = corpus.docs.map((_, d) => d).filter(textMatch)
  const hits = all.filter((d) => passes(d))
  const facets: Record<string, Map<string, number>> = {}
  for (const name of request.facets ?? []) {
    const counts = new Map<string, number>()
    for (const d of all.filter((x) => passes(x, name))) {
      const doc = s[d] as Corpus['summaries'][number]
      const values =
        name === 'type'
          ? [doc.type]
          : name === 'topics'
            ? (doc.topics ?? [])
            : (doc.countries ?? [])
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    facets[name] = counts
  }
  const rank = titleRanks(s.map((x) => x.title))
  // Most recently changed first, then by slug: written out, not through changedRanks.
  const changed = (a: number, b: number) => {
    const x = s[a] as Corpus['summaries'][number]
    const y = s[b] as Corpus['summaries'][number]
    if (x.modified !== y.modified) return (x.modified as string) < (y.modified as string) ? 1 : -1
    return x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0
  }
  const sort = request.sort ?? 'relevance'
  const ordered = [...hits].sort((a, b) =>
    sort === 'oldest'
      ? b - a
      : sort === 'changed'
        ? changed(a, b)
        : sort === 'title'
          ? (rank[a] as number) - (rank[b] as number)
          : sort === 'relevance' && hasText
            ? (score.get(b) as number) - (score.get(a) as number) || a - b
            : a - b,
  )
  const offset = request.offset ?? 0
  return { total: hits.length, ids: ordered.slice(offset, offset + (request.limit ?? 20)), facets }
}

describe('SearchEngine against a brute-force reference', () => {
  it('gives the same hits, facet counts and page order on generated corpora', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCorpus, arbitraryQuery, async (corpus, q) => {
        const { engine, index } = await openCorpus(corpus, {
          typos: false,
          prefixTerms: 1_000,
          prefixPostings: Number.POSITIVE_INFINITY,
          wholeWordShare: Number.POSITIVE_INFINITY,
        })
        const filters: Record<string, string[]> = {}
        if (q.type) filters.type = q.type
        if (q.topics) filters.topics = q.topics
        if (q.countries) filters.countries = q.countries
        const request = {
          text: q.text,
          filters,
          dateRange: q.from ? { from: dateLowerBound(String(q.from)) } : undefined,
          changedSince:
            q.changedSince === undefined
              ? undefined
              : Date.parse(`2024-01-01T0${q.changedSince}:00:00Z`) / 1000,
          facets: ['type', 'topics', 'countries'],
          sort: q.sort,
          offset: q.offset,
          limit: q.limit,
        }
        const got = await engine.search(request)
        const want = reference(corpus, index, request)
        expect(got.total).toBe(want.total)
        expect(got.facets).toEqual(want.facets)
        expect(got.ids).toEqual(want.ids)
      }),
      { numRuns: 150 },
    )
  })
})

const doc = (title: string, rest: Partial<SearchSource> = {}): SearchSource => ({ title, ...rest })

describe('full-text behaviour', () => {
  const corpus: Corpus = {
    docs: [
      doc('Trade in Asia', {
        identifiers: {
          isbn: ['978-92-9254-047-0'],
          doi: '10.22617/TCS135555',
          stockNumber: 'RPT230045-2',
        },
      }),
      doc('Grade inflation', { identifiers: { isbn: ['0-306-40615-2'], issn: ['0378-5955'] } }),
      doc('Factory Asia and the world', { overview: 'Manufacturing moves' }),
    ],
    summaries: [summary(0), summary(1), summary(2)],
  }
  const slugsOf = async (text: string) => {
    const { engine } = await openCorpus(corpus)
    return (await engine.search({ text })).ids
  }

  it('an exact match does not pull in close spellings', async () => {
    expect(await slugsOf('trade ')).toEqual([0])
    expect(await slugsOf('grade ')).toEqual([1])
  })

  it('falls back to close spellings only when the query finds nothing', async () => {
    expect(await slugsOf('fctory')).toEqual([2])
    expect(await slugsOf('trade asiia')).toEqual([0])
    expect(await slugsOf('xyz')).toEqual([])
  })

  it('matches the last word as a prefix while it is typed, the others exactly', async () => {
    expect(await slugsOf('asia manu')).toEqual([2])
    expect(await slugsOf('manu asia')).toEqual([])
    expect(await slugsOf('manu ')).toEqual([])
  })

  it('takes a last word found in many documents as typed whole, a rarer one as a prefix', async () => {
    // "water" in 3 of 4 documents; "watershed" and "waterfall" each in one without it.
    const corpus: Corpus = {
      docs: ['water a', 'water b', 'water c', 'watershed waterfall'].map((t) => doc(t)),
      summaries: [0, 1, 2, 3].map((i) => summary(i)),
    }
    const share = async (wholeWordShare: number, text: string) => {
      const { engine } = await openCorpus(corpus, { wholeWordShare })
      return (await engine.search({ text, sort: 'newest' })).ids
    }
    expect(await share(0.5, 'water')).toEqual([0, 1, 2])
    expect(await share(0.9, 'water')).toEqual([0, 1, 2, 3])
    // "waters" is no term: a prefix whatever the share.
    expect(await share(0.5, 'waters')).toEqual([3])
  })

  it('caps how many terms a prefix expands to, most frequent first', async () => {
    const many: Corpus = {
      docs: ['pa', 'pb', 'pc', 'pd'].map((w, i) => doc(`${w}word ${i < 2 ? 'pbword' : ''}`)),
      summaries: [0, 1, 2, 3].map((i) => summary(i)),
    }
    const { engine } = await openCorpus(many, { prefixTerms: 1 })
    // pbword is in three documents: the one expansion kept.
    expect((await engine.search({ text: 'p' })).ids).toEqual([])
    expect((await engine.search({ text: 'pb', sort: 'newest' })).ids).toEqual([0, 1])
    expect((await engine.search({ text: 'pa', sort: 'newest' })).ids).toEqual([0])
  })

  it.each([
    ['978-92-9254-047-0', 0],
    ['9789292540470', 0],
    ['92-9254-047-5', 0],
    ['9292540475', 0],
    ['ISBN 978 92 9254 047 0', 0],
    ['0-306-40615-2', 1],
    ['978-0-306-40615-7', 1],
    ['0378-5955', 1],
    ['10.22617/TCS135555', 0],
    ['https://doi.org/10.22617/tcs135555', 0],
    ['RPT230045-2', 0],
    ['rpt2300452', 0],
  ])('finds a report by its identifier %s', async (text, id) => {
    expect(await slugsOf(text)).toEqual([id])
    expect(await slugsOf(`${text} asia`)).toEqual(id === 0 ? [0] : [])
  })

  it('finds nothing for an identifier it does not hold', async () => {
    expect(await slugsOf('978-3-16-148410-0')).toEqual([])
  })

  it('refuses a query over the limits, naming q', async () => {
    const { engine } = await openCorpus(corpus)
    const many = Array.from({ length: MAX_QUERY_TERMS + 1 }, () => 'trade').join(' ')
    await expect(engine.search({ text: many })).rejects.toThrow(SearchLimitError)
    await expect(engine.search({ text: 'a'.repeat(201) })).rejects.toMatchObject({ parameter: 'q' })
  })
})

describe('pieces', () => {
  const big: Corpus = {
    docs: Array.from({ length: 400 }, (_, i) =>
      doc(`word${i % 97} common w${i}`, { identifiers: { stockNumber: `S${i}` } }),
    ),
    summaries: Array.from({ length: 400 }, (_, i) => summary(i)),
  }

  it('round-trip: every term postings and every column read back as built', async () => {
    const { engine, index } = await openCorpus(big, { shardBytes: 512 })
    const reader = engine.index
    if (!reader) throw new Error('no index')
    expect(reader.termCount).toBe(index.terms.keys.length)
    const all = Array.from({ length: reader.termCount }, (_, t) => t)
    const loaded = await reader.load(all)
    for (const t of all) {
      expect(reader.term(t)).toBe(index.terms.keys[t])
      const { bytes, start, df } = loaded.postings(t)
      const from = index.terms.offsets[t] as number
      expect(df).toBe((index.terms.offsets[t + 1] as number) - from)
      let p = start
      let d = -1
      const docs: number[] = []
      for (let j = 0; j < df; j++) {
        let v = 0
        let shift = 0
        let b: number
        do {
          b = bytes[p++] as number
          v |= (b & 0x7f) << shift
          shift += 7
        } while (b & 0x80)
        d += v + 1
        docs.push(d)
      }
      expect(docs).toEqual([...index.terms.docs.subarray(from, from + df)])
      expect([...bytes.subarray(p, p + df)]).toEqual([
        ...index.terms.impacts.subarray(from, from + df),
      ])
    }
    const ids = await reader.identifiers(['n:s7', 'n:s399', 'n:nope'])
    expect([...(ids.get('n:s7') ?? [])]).toEqual([7])
    expect([...(ids.get('n:s399') ?? [])]).toEqual([399])
    expect(ids.has('n:nope')).toBe(false)
  })

  it('reads pieces that are not aligned in their buffer', async () => {
    const { pieces } = await openCorpus(big)
    const shifted = async (name: string) => {
      const bytes = pieces.get(name)
      if (!bytes) return undefined
      const buffer = new Uint8Array(bytes.length + 1)
      buffer.set(bytes, 1)
      return buffer.subarray(1)
    }
    const { openColumns } = await import('./columns.ts')
    const engine = new SearchEngine(await openSearchIndex(shifted), await openColumns(shifted))
    expect((await engine.search({ text: 'word5 ', facets: ['type'] })).total).toBe(5)
  })

  it('loads only the header, then the shards a query needs', async () => {
    const { pieces } = await openCorpus(big, { shardBytes: 256 })
    const shards = [...pieces.keys()].filter((n) => n.startsWith('search/terms-'))
    expect(shards.length).toBeGreaterThan(4)
    const read: string[] = []
    const reader = await openSearchIndex(async (name) => {
      read.push(name)
      return pieces.get(name)
    })
    expect(read).toEqual(['search/header'])
    const { openColumns } = await import('./columns.ts')
    const engine = new SearchEngine(reader, await openColumns(async (n) => pieces.get(n)))
    await engine.search({ text: 'word5 ' })
    const loaded = read.filter((n) => n.startsWith('search/terms-'))
    expect(loaded.length).toBe(1)
    await engine.search({ text: 'word5 ' })
    expect(read.filter((n) => n.startsWith('search/terms-')).length).toBe(1)
  })

  it('never shares a read in flight: a query whose read never settles stalls no other query', async () => {
    const { pieces } = await openCorpus(big, { shardBytes: 256 })
    let hang = true
    const calls: string[] = []
    const reader = await openSearchIndex((name) => {
      calls.push(name)
      if (name.startsWith('search/terms-') && hang) {
        hang = false
        return new Promise(() => {}) // the first request's read: cancelled, never resolves
      }
      return Promise.resolve(pieces.get(name))
    })
    const { openColumns } = await import('./columns.ts')
    const engine = new SearchEngine(reader, await openColumns(async (n) => pieces.get(n)))
    void engine.search({ text: 'word5 ' })
    const second = await engine.search({ text: 'word5 ' })
    expect(second.total).toBe(5)
    expect(calls.filter((n) => n.startsWith('search/terms-')).length).toBe(2)
  })
})

describe('topK', () => {
  it('is the first k of a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 90 }),
        (values, k) => {
          const better = (a: number, b: number) =>
            (values[a] as number) > (values[b] as number) || (values[a] === values[b] && a < b)
          const full = values.map((_, i) => i).sort((a, b) => (better(a, b) ? -1 : 1))
          expect(topK(values.length, k, better)).toEqual(full.slice(0, k))
        },
      ),
    )
  })
})
