// What OAI-PMH harvests: every report and every withdrawn one (a deleted record), in the
// order of their datestamps, each with its sets.
import type { Catalogue } from '../catalogue.ts'

export interface OaiItem {
  slug: string
  /** The datestamp: the report's date of change, `YYYY-MM-DDThh:mm:ssZ`. */
  datestamp: string
  /** Leaf setSpecs (`type:reports`, `series:…`, `topic:…`); the item is also in their parents. */
  sets: string[]
  deleted: boolean
}

/** The set families: a setSpec is `<family>` or `<family>:<key>`. */
export const SET_FAMILIES = [
  { spec: 'type', vocabulary: 'types', name: 'Types of publication' },
  { spec: 'series', vocabulary: 'series', name: 'Series' },
  { spec: 'topic', vocabulary: 'topics', name: 'Topics' },
] as const

function setsOf(type: string, series: string | undefined, topics: readonly string[] = []) {
  return [
    `type:${type}`,
    ...(series ? [`series:${series}`] : []),
    ...topics.map((t) => `topic:${t}`),
  ]
}

/** Oldest change first, then by slug: the order a harvest pages through. */
export function compareItems(a: Pick<OaiItem, 'datestamp' | 'slug'>, b: typeof a): number {
  if (a.datestamp !== b.datestamp) return a.datestamp < b.datestamp ? -1 : 1
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0
}

/**
 * Every item of the snapshot, by datestamp then slug; computed once per snapshot, after
 * `catalogue.allSummaries()` has been awaited.
 */
export function oaiItems(catalogue: Catalogue): readonly OaiItem[] {
  return catalogue.memo('oai:items', () => {
    const items: OaiItem[] = catalogue.summaries.map((s) => ({
      slug: s.slug,
      datestamp: s.modified,
      sets: setsOf(s.type, s.series?.key, s.topics),
      deleted: false,
    }))
    for (const [slug, t] of Object.entries(catalogue.withdrawn)) {
      items.push({
        slug,
        datestamp: t.modified,
        sets: setsOf(t.type, t.series, t.topics),
        deleted: true,
      })
    }
    return items.sort(compareItems)
  })
}

/** Whether an item is in `set`: its own leaf set or that set's family. */
export function inSet(item: OaiItem, set: string): boolean {
  return item.sets.some((s) => s === set || s.startsWith(`${set}:`))
}
