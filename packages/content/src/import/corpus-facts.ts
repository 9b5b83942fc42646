// The facts a page should give (fixtures/corpus/expected.json) against what the importer
// read: the share recovered per page and the pages that became valid reports. Used by the
// corpus test and by `measure-corpus.ts`, which prints the figures.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { normalizeIsbn } from 'colophon-schema'
import { runImport } from './run-import.ts'

export const CORPUS_DIR = join(import.meta.dirname, 'corpus')
const CATALOGUE_YAML = join(import.meta.dirname, '../../catalogue/catalogue.yaml')

type Expected = Record<string, unknown>

export interface PageFacts {
  page: string
  imported: boolean
  /** Fact name → recovered or not. */
  facts: Record<string, boolean>
  share: number
}

type AnyReport = Record<string, unknown> & {
  identifiers?: { isbn?: { value: string }[]; issn?: { value: string }[] }
}

function actualFact(report: AnyReport, fact: string): unknown {
  switch (fact) {
    case 'isbn':
      return (report.identifiers?.isbn ?? []).map((e) => normalizeIsbn(e.value) ?? e.value).sort()
    case 'issn':
      return (report.identifiers?.issn ?? []).map((e) => e.value).sort()
    case 'keyFindings':
    case 'contents':
      return (report[fact] as unknown[] | undefined)?.length ?? 0
    case 'subtitle':
      return report.subtitle ?? null
    case 'topics':
    case 'countries':
      return [...((report[fact] as string[] | undefined) ?? [])].sort()
    default:
      return report[fact]
  }
}

function expectedFact(fact: string, value: unknown): unknown {
  if (fact === 'isbn') return (value as string[]).map((v) => normalizeIsbn(v) ?? v).sort()
  if (fact === 'issn' || fact === 'topics' || fact === 'countries')
    return [...(value as string[])].sort()
  return value
}

/**
 * Imports the corpus (dry run) into an empty copy of the bundled catalogue and compares
 * every expected fact.
 */
export async function measureCorpus(dir = CORPUS_DIR): Promise<PageFacts[]> {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
    string,
    Expected
  >
  const catalogue = mkdtempSync(join(tmpdir(), 'colophon-corpus-'))
  try {
    cpSync(CATALOGUE_YAML, join(catalogue, 'catalogue.yaml'))
    mkdirSync(join(catalogue, 'reports'))
    const run = await runImport({
      sources: Object.keys(expected).map((name) => join(dir, name)),
      dir: catalogue,
      dryRun: true,
      displayPath: (file) => file.slice(file.lastIndexOf('/') + 1),
    })
    return Object.entries(expected).map(([page, facts]) => {
      const outcome = run.pages.find((p) => p.source === page)
      const report = (outcome?.result?.report ?? {}) as AnyReport
      const recovered: Record<string, boolean> = {}
      for (const [fact, value] of Object.entries(facts)) {
        recovered[fact] = isDeepStrictEqual(actualFact(report, fact), expectedFact(fact, value))
      }
      const values = Object.values(recovered)
      return {
        page,
        imported: outcome?.status === 'new',
        facts: recovered,
        share: values.filter(Boolean).length / values.length,
      }
    })
  } finally {
    rmSync(catalogue, { recursive: true, force: true })
  }
}
