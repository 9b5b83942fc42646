// Small corpora for the engine's tests: documents and summaries agreeing on doc ids, and
// the engine opened over their serialized pieces (the path the API takes).
import type { ReportSummary } from 'colophon-schema'
import { buildSearchIndex, type SearchIndexData } from './build-index.ts'
import { buildColumns, columnPieces, openColumns, reportColumns } from './columns.ts'
import { openSearchIndex, searchPieces } from './pieces.ts'
import { SearchEngine, type TextOptions } from './query.ts'
import type { SearchSource } from './source.ts'

export interface Corpus {
  docs: SearchSource[]
  summaries: ReportSummary[]
}

export async function openCorpus(
  corpus: Corpus,
  options: TextOptions & { shardBytes?: number } = {},
): Promise<{ engine: SearchEngine; index: SearchIndexData; pieces: Map<string, Uint8Array> }> {
  const index = buildSearchIndex(corpus.docs)
  const pieces = new Map([
    ...searchPieces(index, { shardBytes: options.shardBytes }),
    ...columnPieces(buildColumns(corpus.summaries, reportColumns('en'))),
  ])
  const read = async (name: string) => pieces.get(name)
  const engine = new SearchEngine(await openSearchIndex(read), await openColumns(read), options)
  return { engine, index, pieces }
}

/** A summary with just what the columns read. */
export function summary(i: number, fields: Partial<ReportSummary> = {}): ReportSummary {
  return {
    slug: `r-${i}`,
    title: `Report ${i}`,
    published: '2020',
    type: 'reports',
    ...fields,
  } as ReportSummary
}
