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

interface Measured {
  times: number[]
  cpu: number[]
  errors: number
  hits: number
}

function row(label: string, m: Measured) {
  const sorted = [...m.times].sort((a, b) => a - b)
  const cpu = [...m.cpu].sort((a, b) => a - b)
  console.log(
    `| ${label} | ${m.times.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? Number.NaN)} | ${ms(percentile(cpu, 50))} | ${ms(percentile(cpu, 99))} | ${Math.round(m.hits / Math.max(1, m.times.length)).toLocaleString('en')} | ${m.errors} |`,
  )
  return { wall: percentile(sorted, 99), cpu: percentile(cpu, 99) }
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
  const byCategory = new Map<string, Measured>()
  const all: Measured = { times: [], cpu: [], errors: 0, hits: 0 }
  for (const { category, q } of queries) {
    const entry = byCategory.get(category) ?? { times: [], cpu: [], errors: 0, hits: 0 }
    byCategory.set(category, entry)
    const cpu = process.cpuUsage()
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
    const used = process.cpuUsage(cpu)
    const cpuMs = (used.user + used.system) / 1000
    entry.times.push(took)
    all.times.push(took)
    entry.cpu.push(cpuMs)
    all.cpu.push(cpuMs)
  }
  return { byCategory, all }
}

/** The engine's pieces and the query sets; the reports themselves are left behind. */
function prepare(reports: readonly CompiledReport[], summaries: readonly ReportSummary[]) {
  let t = performance.now()
  const index = buildSearchIndex(reports.map((r) => searchSource(r)))
  const pieces = new Map([
    ...searchPieces(index),
    ...columnPieces(buildColumns(summaries, reportColumns('en'))),
  ])
  const buildMs = performance.now() - t
  const sizes = [...pieces].map(([name, bytes]) => [name, bytes.length] as const)
  sizes.sort((a, b) => b[1] - a[1])
  const total = sizes.reduce((n, [, b]) => n + b, 0)
  const [largestName, largest] = sizes[0] ?? ['', 0]
  console.log(
    `index + columns built in ${(buildMs / 1000).toFixed(1)} s: ${index.terms.keys.length.toLocaleString('en')} terms, ${index.identifiers.keys.length.toLocaleString('en')} identifier keys, ${pieces.size} pieces, ${(total / 2 ** 20).toFixed(1)} MiB in all, largest ${largestName} ${(largest / 2 ** 20).toFixed(2)} MiB (budget < 5 MiB)`,
  )
  t = performance.now()
  return { pieces }
}

/**
 * Prints the search rows for `count` reports; returns the p99 (wall and CPU) of the engine,
 * uncached, with facets, over the whole query set.
 */
export async function benchSearch(
  count: number,
  options: { baseline: boolean },
): Promise<{ wall: number; cpu: number }> {
  console.log(
    `\n### Search in process, ${count.toLocaleString('en')} generated reports (seed 42)\n`,
  )
  let t = performance.now()
  let data: ReturnType<typeof corpus> | undefined = corpus(count, 42)
  console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  const { pieces } = prepare(data.reports, data.summaries)
  const read = async (name: string) => pieces.get(name)
  t = performance.now()
  const engine = new SearchEngine(await openSearchIndex(read), await openColumns(read))
  console.log(`opened in ${(performance.now() - t).toFixed(0)} ms`)
  const reader = engine.index as NonNullable<SearchEngine['index']>
  const queries = querySet(data.reports, reader, 7)
  const warmUp = querySet(data.reports, reader, 99, 15)
  // The API holds pieces, not reports: a heap of parsed reports (or the baseline's index)
  // would put its garbage collection into every figure, so they go before measuring and the
  // baseline is built afterwards from the same seed.
  data = undefined
  const request = (text: string) => ({
    text,
    facets: FACET_COLUMNS,
    sort: 'relevance' as const,
    limit: 20,
  })
  for (const { q } of warmUp) await engine.search(request(q)).catch(() => undefined)
  ;(globalThis as { gc?: () => void }).gc?.()

  console.log(
    `\n${queries.length} measured queries, ${warmUp.length} warm-up queries apart; ms per query (wall and CPU), list pipeline (text, all five facets, first page of 20)\n`,
  )
  console.log(
    '| row | queries | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms | hits (mean) | errors |',
  )
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  const cache = new Map<string, TextHits>()
  const uncached = await measure(queries, async (q) => {
    const hits = await engine.matchText(q)
    cache.set(q, hits)
    return engine.select(request(q), hits).total
  })
  for (const category of CATEGORIES) {
    const c = uncached.byCategory.get(category)
    if (c) row(`engine, uncached: ${category}`, c)
  }
  const p99 = row('**engine, uncached, all queries**', uncached.all)
  const cached = await measure(queries, (q) => engine.select(request(q), cache.get(q)).total)
  row('engine, cached hits (facets and page recomputed), all queries', cached.all)
  const filters = { type: ['reports', 'books'], topics: ['trade', 'finance', 'energy'] }
  const filtered = await measure(queries, async (q) => {
    const hits = await engine.matchText(q)
    return engine.select({ ...request(q), filters }, hits).total
  })
  row('engine, uncached, with type and topic filters', filtered.all)

  if (options.baseline) {
    const again = corpus(count, 42)
    t = performance.now()
    const old = miniSearchBaseline(again.reports, again.summaries)
    console.log(
      `| (MiniSearch baseline indexed in ${((performance.now() - t) / 1000).toFixed(1)} s) | | | | | | | | |`,
    )
    for (const { q } of warmUp) old.page(old.hitsOf(q))
    ;(globalThis as { gc?: () => void }).gc?.()
    const oldCache = new Map<string, number[]>()
    const oldUncached = await measure(queries, (q) => {
      const hits = old.hitsOf(q)
      oldCache.set(q, hits)
      return old.page(hits).total
    })
    for (const category of CATEGORIES) {
      const c = oldUncached.byCategory.get(category)
      if (c) row(`MiniSearch, uncached: ${category}`, c)
    }
    row('**MiniSearch, uncached, all queries**', oldUncached.all)
    const oldCached = await measure(queries, (q) => old.page(oldCache.get(q) ?? []).total)
    row('MiniSearch, cached hits (facets recomputed), all queries', oldCached.all)
  }
  return p99
}
