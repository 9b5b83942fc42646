// A small real catalogue for tests: source files written to a temporary folder and compiled
// by colophon-content's own build, then read back. Covers what the formats must handle:
// people and organizations, series, topics, countries, DOI, ISBN-10, nested contents,
// LaTeX and XML special characters, a book, dates of every precision.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CompiledCatalogue } from 'colophon-content'
import { build, readCompiledCatalogue, serializeReportFile } from 'colophon-content/node'
import type { ReportInput } from 'colophon-schema'

export const REFERENCE_SLUG = 'beyond-factory-asia'

const REFERENCE_FILE = fileURLToPath(
  new URL(`../../../../packages/content/catalogue/reports/${REFERENCE_SLUG}.md`, import.meta.url),
)

export const settings = {
  schemaVersion: 1,
  name: 'Colophon Test',
  description: 'Reports for the API tests',
  baseUrl: 'https://reports.example.org',
  defaultPublisher: 'Asian Development Bank',
  language: 'en',
  vocabularies: {
    types: {
      reports: { label: 'Reports' },
      books: { label: 'Books' },
      'working-papers': { label: 'Working Papers' },
    },
    series: { 'economics-working-papers': { label: 'Economics Working Paper Series' } },
    topics: {
      trade: { label: 'Trade' },
      finance: { label: 'Finance & Banking' },
      energy: { label: 'Energy' },
    },
  },
}

export const extraReports: ReportInput[] = [
  {
    slug: 'r-and-d-special-characters',
    title: 'R&D: 50% of $ {braces} _under_ ~tilde #hash ^caret \\backslash <tag>',
    published: '2020-05-17',
    type: 'working-papers',
    series: { key: 'economics-working-papers', number: '612' },
    authors: [
      { family: 'Ng', given: 'Ana María', orcid: '0000-0002-1825-0097' },
      { family: "O'Brien" },
      { name: 'Asian Development Bank Institute' },
    ],
    identifiers: { doi: '10.22617/WPS200123-2', isbn: [{ value: '0-306-40615-2', form: 'pdf' }] },
    summary: 'Quotes "double" & \'single\', em—dash and ünïcödé.',
    topics: ['trade', 'finance'],
    countries: ['PH', 'VN'],
    contents: [
      { title: 'Introduction', page: 1 },
      { title: 'Methods', page: 4, children: [{ title: 'Data', page: 5 }, { title: 'Model' }] },
    ],
    files: [
      {
        url: 'https://reports.example.org/files/wps612.pdf',
        mediaType: 'application/pdf',
        size: 1234567,
      },
    ],
    pages: 42,
    license: 'CC-BY-3.0-IGO',
  },
  {
    slug: 'energy-outlook-2019',
    title: 'Energy Outlook for Asia and the Pacific',
    published: '2019',
    type: 'books',
    publisher: 'Another Publisher',
    topics: ['energy'],
    countries: ['PH'],
    identifiers: { isbn: [{ value: '978-92-9261-858-2', form: 'print' }] },
    edition: 2,
  },
  {
    slug: 'trade-finance-gaps',
    title: 'Trade Finance Gaps, Growth, and Jobs Survey',
    published: '2013-09',
    type: 'reports',
    topics: ['trade'],
    countries: ['VN'],
    description: 'A survey of **trade finance** gaps in Asia.',
  },
]

export interface Fixture {
  dir: string
  out: string
  catalogue: CompiledCatalogue
  cleanup(): void
}

/** Writes, compiles and reads back the test catalogue. */
export async function buildFixture(
  options: { drop?: string | undefined; extra?: readonly ReportInput[] } = {},
): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'colophon-api-'))
  const source = join(dir, 'catalogue')
  mkdirSync(join(source, 'reports'), { recursive: true })
  // JSON is YAML: the catalogue file needs no YAML library here.
  writeFileSync(join(source, 'catalogue.yaml'), JSON.stringify(settings, null, 2))
  copyFileSync(REFERENCE_FILE, join(source, 'reports', `${REFERENCE_SLUG}.md`))
  const reports = [...extraReports, ...(options.extra ?? [])]
  for (const report of reports.filter((r) => r.slug !== options.drop)) {
    writeFileSync(join(source, 'reports', `${report.slug}.md`), serializeReportFile(report))
  }
  const out = join(dir, 'out')
  const result = await build({ dir: source, out })
  if (!result.ok) {
    throw new Error(
      `fixture did not compile:\n${result.problems.map((p) => JSON.stringify(p)).join('\n')}`,
    )
  }
  return {
    dir,
    out,
    catalogue: readCompiledCatalogue(out),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}
