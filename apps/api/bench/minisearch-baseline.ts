// The search path as it was before colophon-content/search (kept here as the benchmark's
// baseline, side by side in the same run): MiniSearch with the options the compile step
// used, exact and prefix first, fuzzy only when that finds nothing, then facets counted
// over every hit in one pass as the old list did.
import type { CompiledReport, ReportSummary } from 'colophon-schema'
import { compactIsbn, isbn13To10, normalizeIsbn } from 'colophon-schema'
import MiniSearch from 'minisearch'

interface OldDocument {
  slug: string
  title: string
  subtitle: string
  summary: string
  authors: string
  description: string
  keyFindings: string
  contents: string
  topics: string
  identifiers: string
}

const options = {
  idField: 'slug',
  fields: [
    'title',
    'subtitle',
    'summary',
    'authors',
    'description',
    'keyFindings',
    'contents',
    'topics',
    'identifiers',
  ],
  storeFields: [],
  searchOptions: {
    boost: { title: 3, subtitle: 2, identifiers: 3, authors: 2, topics: 1.5, summary: 1.5 },
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND',
  },
}
const TUNING = {
  prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
  fuzzy: false,
} as const
const FUZZY = { prefix: TUNING.prefix, fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false) }

function oldDocument(report: CompiledReport): OldDocument {
  const identifiers: string[] = []
  for (const { value } of report.identifiers?.isbn ?? []) {
    const isbn13 = normalizeIsbn(value)
    identifiers.push(isbn13 ?? compactIsbn(value))
    const isbn10 = isbn13 && isbn13To10(isbn13)
    if (isbn10) identifiers.push(isbn10)
  }
  for (const { value } of report.identifiers?.issn ?? []) identifiers.push(value)
  if (report.identifiers?.doi) identifiers.push(report.identifiers.doi)
  if (report.identifiers?.stockNumber) identifiers.push(report.identifiers.stockNumber)
  const titles: string[] = []
  const walk = (entries: CompiledReport['contents']) => {
    for (const e of entries ?? []) {
      titles.push(e.title)
      walk(e.children)
    }
  }
  walk(report.contents)
  return {
    slug: report.slug,
    title: report.title,
    subtitle: report.subtitle ?? '',
    summary: report.summary ?? '',
    authors: (report.authors ?? [])
      .map((a) => ('name' in a ? a.name : [a.given, a.family].filter(Boolean).join(' ')))
      .join('; '),
    description: (report.description ?? '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`#>|~]+/g, ' '),
    keyFindings: (report.keyFindings ?? []).join(' '),
    contents: titles.join('; '),
    topics: (report.topics ?? []).join('; '),
    identifiers: identifiers.join(' '),
  }
}

const FACETS = ['type', 'topic', 'country', 'series', 'year'] as const
type Facet = (typeof FACETS)[number]
function facetValues(s: ReportSummary, facet: Facet): readonly string[] {
  switch (facet) {
    case 'type':
      return [s.type]
    case 'topic':
      return s.topics ?? []
    case 'country':
      return s.countries ?? []
    case 'series':
      return s.series ? [s.series.key] : []
    case 'year':
      return [s.published.slice(0, 4)]
  }
}

/** The old pipeline over `reports` (newest first) and their summaries. */
export function miniSearchBaseline(
  reports: readonly CompiledReport[],
  summaries: readonly ReportSummary[],
) {
  const index = new MiniSearch<OldDocument>(options as never)
  index.addAll(reports.map(oldDocument))
  const position = new Map(summaries.map((s, i) => [s.slug, i]))
  const hitsOf = (q: string): number[] => {
    const exact = index.search(q, TUNING as never)
    const found = exact.length > 0 ? exact : index.search(q, FUZZY as never)
    const out: number[] = []
    for (const hit of found) {
      const p = position.get(hit.id as string)
      if (p !== undefined) out.push(p)
    }
    return out
  }
  /** Facets over every hit, then the first page: what the old list did per request. */
  const page = (hits: readonly number[]) => {
    const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()]))
    for (const p of hits) {
      const s = summaries[p] as ReportSummary
      for (const f of FACETS) {
        const map = counts[f] as Map<string, number>
        for (const v of facetValues(s, f)) map.set(v, (map.get(v) ?? 0) + 1)
      }
    }
    return { total: hits.length, items: hits.slice(0, 20), counts }
  }
  return { hitsOf, page }
}
