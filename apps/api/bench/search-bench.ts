// In-process search rows: the engine (colophon-content/search) over N generated reports,
// uncached and cached, with every facet counted, side by side with the MiniSearch baseline
// on the same reports and queries. Warm-up queries (another seed) are run first and not
// measured. Figures only; nothing is asserted.
import { generateReports } from 'colophon-content/node'
import {
  buildColumns,
  buildSearchIndex,
  columnPieces,
  openColumns,
  openSearchIndex,
  reportColumns,
  SearchEngine,
  searchPieces,
  searchSource,
  type TextHits,
} from 'colophon-content/search'
import { type CompiledReport, type ReportSummary, toSummary } from 'colophon-schema'
import { miniSearchBaseline } from './minisearch-baseline.ts'
import { type BenchQuery, CATEGORIES, querySet } from './query-set.ts'

const FACET_COLUMNS = ['type', 'topics', 'countries', 'series', 'year']

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1))

function row(label: string, times: number[], errors: number, hits: number) {
  const sorted = [...times].sort((a, b) => a - b)
  console.log(
    `| ${label} | ${times.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? Number.NaN)} | ${Math.round(hits / Math.max(1, times.length)).toLocaleString('en')} | ${errors} |`,
  )
  return percentile(sorted, 99)
}

/** Generated reports as the compile step would order them (newest first, then by slug). */
export function corpus(count: number, seed: number) {
  const reports = generateReports(count, seed).map(
    ({ report }) =>
      ({
        ...report,
        publisher: 'Asian Development Bank',
        language: report.language ?? 'en',
      }) as CompiledReport,
  )
  reports.sort((a, b) =>
    a.published < b.published ? 1 : a.published > b.published ? -1 : a.slug < b.slug ? -1 : 1,
  )
  const summaries: ReportSummary[] = reports.map((r) => toSummary(r))
  return { reports, summaries }
}

async function measure(
  queries: readonly BenchQuery[],
  run: (q: string) => Promise<number> | number,
) {
  const byCategory = new Map<string, { times: number[]; errors: number; hits: number }>()
  const all = { times: [] as number[], errors: 0, hits: 0 }
  for (const { category, q } of queries) {
    const entry = byCategory.get(category) ?? { times: [], errors: 0, hits: 0 }
    byCategory.set(category, entry)
    const start = performance.now()
    try {
      const hits = await run(q)
      entry.hits += hits
      all.hits += hits
    } catch {
      entry.errors++
      all.errors++
    }
    const took = performance.now() - start
    entry.times.push(took)
    all.times.push(took)
  }
  return { byCategory, all }
}

/**
 * Prints the search rows for `count` reports; returns the p99 of the engine, uncached, with
 * facets over the whole query set.
 */
export async function benchSearch(count: number, options: { baseline: boolean }): Promise<number> {
  console.log(
    `\n### Search in process, ${count.toLocaleString('en')} generated reports (seed 42)\n`,
  )
  let t = performance.now()
  const { reports, summaries } = corpus(count, 42)
  console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  t = performance.now()
  const index = buildSearchIndex(reports.map((r) => searchSource(r)))
  const pieces = new Map([
    ...searchPieces(index),
    ...columnPieces(buildColumns(summaries, reportColumns('en'))),
  ])
  const buildMs = performance.now() - t
  const sizes = [...pieces]
    .map(([name, bytes]) => [name, bytes.length] as const)
    .sort((a, b) => b[1] - a[1])
  const total = sizes.reduce((n, [, b]) => n + b, 0)
  const [largestName, largest] = sizes[0] ?? ['', 0]
  console.log(
    `index + columns built in ${(buildMs / 1000).toFixed(1)} s: ${index.terms.keys.length.toLocaleString('en')} terms, ${index.identifiers.keys.length.toLocaleString('en')} identifier keys, ${pieces.size} pieces, ${(total / 2 ** 20).toFixed(1)} MiB in all, largest ${largestName} ${(largest / 2 ** 20).toFixed(2)} MiB (budget < 5 MiB)`,
  )
  const read = async (name: string) => pieces.get(name)
  t = performance.now()
  const engine = new SearchEngine(await openSearchIndex(read), await openColumns(read))
  console.log(`opened in ${(performance.now() - t).toFixed(0)} ms`)
  const reader = engine.index as NonNullable<SearchEngine['index']>
  const queries = querySet(reports, reader, 7)
  const warmUp = querySet(reports, reader, 99, 15)
  const request = (text: string) => ({
    text,
    facets: FACET_COLUMNS,
    sort: 'relevance' as const,
    limit: 20,
  })
  for (const { q } of warmUp) await engine.search(request(q)).catch(() => undefined)

  console.log(
    `\n${queries.length} measured queries, ${warmUp.length} warm-up queries apart; ms per query, list pipeline (text, all five facets, first page of 20)\n`,
  )
  console.log('| row | queries | p50 ms | p99 ms | max ms | hits (mean) | errors |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
  const cache = new Map<string, TextHits>()
  const uncached = await measure(queries, async (q) => {
    const hits = await engine.matchText(q)
    cache.set(q, hits)
    return engine.select(request(q), hits).total
  })
  for (const category of CATEGORIES) {
    const c = uncached.byCategory.get(category)
    if (c) row(`engine, uncached: ${category}`, c.times, c.errors, c.hits)
  }
  const p99 = row(
    '**engine, uncached, all queries**',
    uncached.all.times,
    uncached.all.errors,
    uncached.all.hits,
  )
  const cached = await measure(queries, (q) => {
    const hits = cache.get(q)
    return engine.select(request(q), hits).total
  })
  row(
    'engine, cached hits (facets and page recomputed), all queries',
    cached.all.times,
    cached.all.errors,
    cached.all.hits,
  )
  const filtered = await measure(queries, async (q) => {
    const hits = await engine.matchText(q)
    return engine.select(
      {
        ...request(q),
        filters: { type: ['reports', 'books'], topics: ['trade', 'finance', 'energy'] },
      },
      hits,
    ).total
  })
  row(
    'engine, uncached, with type and topic filters',
    filtered.all.times,
    filtered.all.errors,
    filtered.all.hits,
  )

  if (options.baseline) {
    t = performance.now()
    const old = miniSearchBaseline(reports, summaries)
    console.log(
      `| (MiniSearch baseline indexed in ${((performance.now() - t) / 1000).toFixed(1)} s) | | | | | | |`,
    )
    for (const { q } of warmUp) old.page(old.hitsOf(q))
    const oldCache = new Map<string, number[]>()
    const oldUncached = await measure(queries, (q) => {
      const hits = old.hitsOf(q)
      oldCache.set(q, hits)
      return old.page(hits).total
    })
    for (const category of CATEGORIES) {
      const c = oldUncached.byCategory.get(category)
      if (c) row(`MiniSearch, uncached: ${category}`, c.times, c.errors, c.hits)
    }
    row(
      '**MiniSearch, uncached, all queries**',
      oldUncached.all.times,
      oldUncached.all.errors,
      oldUncached.all.hits,
    )
    const oldCached = await measure(queries, (q) => old.page(oldCache.get(q) ?? []).total)
    row(
      'MiniSearch, cached hits (facets recomputed), all queries',
      oldCached.all.times,
      oldCached.all.errors,
      oldCached.all.hits,
    )
  }
  return p99
}
