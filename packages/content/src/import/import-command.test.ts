import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../cli/main.ts'
import { parseReportFile } from '../report-file.ts'

const here = import.meta.dirname
const SEED = join(here, '../../../../seeds/beyond-factory-asia.txt')
const REAL_CATALOGUE = join(here, '../../catalogue')

const CATALOGUE_YAML = `schemaVersion: 1
name: Test catalogue
baseUrl: https://reports.example.org
defaultPublisher: Example Institute
language: en
vocabularies:
  types:
    reports: { label: Reports }
    books: { label: Books }
    guides: { label: Guides }
    working-papers: { label: Working Papers }
    papers-and-briefs: { label: Papers and Briefs }
    brochures-and-flyers: { label: Brochures and Flyers }
  series:
    coastal-economics-working-papers: { label: Coastal Economics Working Paper Series }
  topics:
    ports: { label: Ports }
    trade-logistics: { label: Trade Logistics }
    regional-cooperation: { label: Regional Cooperation }
    water: { label: Water }
    industry: { label: Industry }
`

function capture() {
  let text = ''
  return {
    write(chunk: string) {
      text += chunk
    },
    text: () => text,
  }
}

async function colophon(cwd: string, ...argv: string[]) {
  const stdout = capture()
  const stderr = capture()
  const code = await main(argv, { cwd, stdout, stderr })
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

/** Every file under `dir` with its modification time and text. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = join(dir, name)
    if (statSync(file).isFile())
      out[name] = `${statSync(file).mtimeMs} ${readFileSync(file, 'utf8')}`
  }
  return out
}

let work: string
let catalogue: string
let pages: string

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'colophon-import-'))
  catalogue = join(work, 'catalogue')
  pages = join(work, 'pages')
  mkdirSync(join(catalogue, 'reports'), { recursive: true })
  writeFileSync(join(catalogue, 'catalogue.yaml'), CATALOGUE_YAML)
  cpSync(join(here, 'fixtures'), pages, { recursive: true })
  cpSync(SEED, join(pages, 'beyond-factory-asia.txt'))
})

afterEach(() => rmSync(work, { recursive: true, force: true }))

describe('colophon import <folder>', () => {
  it('imports every page it can, says exactly why the others failed, and the catalogue then checks', async () => {
    const run = await colophon(work, 'import', 'pages', '--catalogue', 'catalogue')
    expect(run.code).toBe(1)
    // The page without metadata cannot pass check without a date and a type.
    expect(run.stderr).toContain(
      'pages/no-metadata.txt → catalogue/reports/the-long-harvest.md: not imported',
    )
    expect(run.stderr).toContain(
      'error     pages/no-metadata.txt  published: required: the page gives no date',
    )
    expect(run.stderr).toContain(
      'warning   pages/no-metadata.txt:1  no metadata: no "Date:"/"Type:" lines',
    )
    expect(run.stderr).toContain(
      'unplaced  pages/details-labelled.txt:16  "Dimensions: 21 x 29.7 cm": the model has no field for "Dimensions"',
    )
    expect(run.stderr).toMatch(
      /Imported 7 of 8 pages \(1 failure\); 1 warning, \d+ unplaced texts?, \d+ inferred fields\.\n$/,
    )
    expect(readdirSync(join(catalogue, 'reports')).sort()).toEqual([
      'beyond-factory-asia.md',
      'bridges-made-of-bamboo.md',
      'lanterns-in-the-archive.md',
      'night-markets-and-street-food.md',
      'quiet-engines.md',
      'salt-and-silicon.md',
      'tidewater-freight-corridors.md',
    ])
    const check = await colophon(work, 'check', '--dir', 'catalogue')
    expect(check.stderr).toBe('')
    expect(check.stdout).toMatch(/^✓ 7 reports checked, no problems/)
    expect(check.code).toBe(0)
  })

  it('imports a page without metadata with --type and --published, listing them as inferred', async () => {
    const run = await colophon(
      work,
      'import',
      'pages/no-metadata.txt',
      '--catalogue',
      'catalogue',
      '--type',
      'reports',
      '--published',
      '2016-02',
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(
      'inferred  pages/no-metadata.txt  type: --type reports applies to every page of the run',
    )
    const parsed = parseReportFile(
      readFileSync(join(catalogue, 'reports/the-long-harvest.md'), 'utf8'),
      'the-long-harvest.md',
    )
    expect(parsed.problems).toEqual([])
    expect(parsed.report?.published).toBe('2016-02')
    expect(parsed.report?.keyFindings).toHaveLength(2)
  })

  it('never overwrites an existing report without --force', async () => {
    expect(
      (await colophon(work, 'import', 'pages/header-day.txt', '--catalogue', 'catalogue')).code,
    ).toBe(0)
    const file = join(catalogue, 'reports/quiet-engines.md')
    const first = readFileSync(file, 'utf8')

    // The same page again: nothing to do.
    const again = await colophon(work, 'import', 'pages/header-day.txt', '--catalogue', 'catalogue')
    expect(again.code).toBe(0)
    expect(again.stderr).toContain('with the same data: nothing to do')

    // The page changed: kept as it is without --force, replaced with it.
    const page = join(pages, 'header-day.txt')
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace('revised cost tables', 'new cost tables'),
    )
    const refused = await colophon(
      work,
      'import',
      'pages/header-day.txt',
      '--catalogue',
      'catalogue',
    )
    expect(refused.code).toBe(0)
    expect(refused.stderr).toContain(
      `the catalogue's "quiet-engines" is this report (the same title, subtitle and date (2020-09-07)), with other data: left as it is (--force replaces it)`,
    )
    // Named again in the summary, with the reason.
    expect(refused.stderr).toMatch(
      /\nSkipped:\n {2}pages\/header-day\.txt: the catalogue's "quiet-engines" is this report/,
    )
    expect(refused.stderr).toContain('1 already in the catalogue (--force overwrites)')
    expect(readFileSync(file, 'utf8')).toBe(first)

    const forced = await colophon(
      work,
      'import',
      'pages/header-day.txt',
      '--catalogue',
      'catalogue',
      '--force',
    )
    expect(forced.code).toBe(0)
    expect(forced.stderr).toContain(
      `replaces the catalogue's "quiet-engines" (--force): it is the same report, by the same title, subtitle and date (2020-09-07)`,
    )
    expect(readFileSync(file, 'utf8')).toContain('- new cost tables')
  })

  it('gives another report with the same title a slug of its own', async () => {
    writeFileSync(
      join(catalogue, 'reports/salt-and-silicon.md'),
      '---\ntitle: Salt and Silicon\npublished: 2001\ntype: books\n---\n',
    )
    const run = await colophon(
      work,
      'import',
      'pages/details-labelled.txt',
      '--catalogue',
      'catalogue',
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('→ catalogue/reports/salt-and-silicon-2022.md: new report')
    expect(run.stderr).toContain('slug: from the title; "salt-and-silicon" is taken')
  })

  it('takes a page with the same title and year for the report the catalogue has', async () => {
    writeFileSync(
      join(catalogue, 'reports/salt-and-silicon.md'),
      '---\ntitle: Salt and Silicon\npublished: 2022-11\ntype: books\n---\n',
    )
    const run = await colophon(
      work,
      'import',
      'pages/details-labelled.txt',
      '--catalogue',
      'catalogue',
    )
    expect(run.stderr).toContain(
      `→ catalogue/reports/salt-and-silicon.md: the catalogue's "salt-and-silicon" is this report (the same title and date (2022-11)), with other data: left as it is (--force replaces it)`,
    )
    expect(readFileSync(join(catalogue, 'reports/salt-and-silicon.md'), 'utf8')).toContain(
      'type: books',
    )
  })

  it('refuses a page that is the same report as another page of the batch', async () => {
    cpSync(join(pages, 'header-day.txt'), join(pages, 'header-day-copy.txt'))
    const run = await colophon(
      work,
      'import',
      'pages/header-day.txt',
      'pages/header-day-copy.txt',
      '--catalogue',
      'catalogue',
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'error     pages/header-day-copy.txt:5  slug: the same report as pages/header-day.txt (the same title, subtitle and date (2020-09-07)), imported above',
    )
  })
})

describe('colophon import, checked with the catalogue', () => {
  it('fails a page whose DOI another report has, naming both places', async () => {
    // The page is older-report by its ISBN; replacing it would give it the DOI of doi-report.
    writeFileSync(
      join(catalogue, 'reports/older-report.md'),
      '---\ntitle: Lanterns in the Archive\npublished: 2001\ntype: books\nidentifiers:\n  isbn:\n    - value: 978-1-7391-0416-0\n      form: print\n---\n',
    )
    writeFileSync(
      join(catalogue, 'reports/doi-report.md'),
      '---\ntitle: Other Report\npublished: 2001\ntype: books\nidentifiers:\n  doi: 10.5555/delta.7\n---\n',
    )
    const page = join(pages, 'header-month.txt')
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace(
        'Guides | June 2021',
        'Guides | June 2021\nDOI: https://doi.org/10.5555/delta.7\nISBN: 978-1-7391-0416-0 (print)',
      ),
    )
    const before = readFileSync(join(catalogue, 'reports/older-report.md'), 'utf8')
    const run = await colophon(
      work,
      'import',
      'pages/header-month.txt',
      '--catalogue',
      'catalogue',
      '--force',
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /error {5}pages\/header-month\.txt:2 {2}identifiers\.doi: DOI 10\.5555\/delta\.7 is already used by "doi-report" \(catalogue\/reports\/doi-report\.md:\d+(?::\d+)?\)\n/,
    )
    expect(readFileSync(join(catalogue, 'reports/older-report.md'), 'utf8')).toBe(before)
  })

  it('does not blame a page for problems the catalogue had already', async () => {
    writeFileSync(join(catalogue, 'reports/broken.md'), '---\ntitle: Broken\n---\n')
    const run = await colophon(work, 'import', 'pages/header-day.txt', '--catalogue', 'catalogue')
    expect(run.code).toBe(0)
    expect(readdirSync(join(catalogue, 'reports')).sort()).toEqual([
      'broken.md',
      'quiet-engines.md',
    ])
  })
})

describe('colophon import --dry-run', () => {
  it('prints the report files and writes nothing', async () => {
    const before = snapshot(work)
    const run = await colophon(work, 'import', 'pages', '--catalogue', 'catalogue', '--dry-run')
    expect(snapshot(work)).toEqual(before)
    expect(run.stdout).toContain(
      '==> catalogue/reports/quiet-engines.md <==\n---\ntitle: Quiet Engines\n',
    )
    expect(run.stderr).toMatch(
      /Dry run: would import 7 of 8 pages \(1 failure\);.*Nothing was written\.\n$/,
    )
  })

  it('prints the seed as the catalogue holds it', async () => {
    const run = await colophon(work, 'import', SEED, '--catalogue', REAL_CATALOGUE, '--dry-run')
    expect(run.code).toBe(0)
    const file = join(REAL_CATALOGUE, 'reports/beyond-factory-asia.md')
    const printed = parseReportFile(run.stdout, file)
    const stored = parseReportFile(readFileSync(file, 'utf8'), file)
    expect(printed.problems).toEqual([])
    expect(printed.report).toEqual(stored.report)
    expect(run.stdout).toBe(readFileSync(file, 'utf8'))
    expect(run.stderr).toContain('with the same data: nothing to do')
  })
})

describe('colophon import --format json', () => {
  it('prints every page with its notes and the counts, for scripts', async () => {
    const run = await colophon(
      work,
      'import',
      'pages',
      '--catalogue',
      'catalogue',
      '--dry-run',
      '--format',
      'json',
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    const json = JSON.parse(run.stdout)
    expect(json.summary).toMatchObject({ pages: 8, imported: 7, failed: 1, warnings: 1 })
    const failed = json.pages.find((p: { status: string }) => p.status === 'failed')
    expect(failed.source).toBe('pages/no-metadata.txt')
    expect(failed.problems.map((p: { field: string }) => p.field)).toEqual(['published', 'type'])
    const seed = json.pages.find((p: { slug: string }) => p.slug === 'beyond-factory-asia')
    expect(seed.text).toMatch(/^---\ntitle: /)
    expect(seed.inferred.map((i: { field: string }) => i.field)).toEqual([
      'subtitle',
      'contents',
      'slug',
    ])
  })
})

describe('colophon import, command line mistakes', () => {
  it('names a missing page', async () => {
    const run = await colophon(work, 'import', 'nowhere.txt', '--catalogue', 'catalogue')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('nowhere.txt: no such file or folder')
  })

  it('rejects a --published that is not a date', async () => {
    const run = await colophon(
      work,
      'import',
      'pages',
      '--published',
      'April',
      '--catalogue',
      'catalogue',
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--published: date April: expected YYYY, YYYY-MM or YYYY-MM-DD')
  })
})

describe('colophon import: no report confused or lost', () => {
  const CORPUS = join(here, 'corpus')
  const part = (n: 1 | 2) => join(CORPUS, n === 1 ? 'p11-two-part-1.txt' : 'p12-two-part-2.txt')

  it('takes part 2 of a two-part paper for another report, in one batch and into a catalogue that has part 1', async () => {
    cpSync(part(1), join(pages, 'part-1.txt'))
    cpSync(part(2), join(pages, 'part-2.txt'))
    const batch = await colophon(
      work,
      'import',
      'pages/part-1.txt',
      'pages/part-2.txt',
      '--catalogue',
      'catalogue',
    )
    expect(batch.code).toBe(0)
    expect(readdirSync(join(catalogue, 'reports')).sort()).toEqual([
      'rebuilding-irrigation-systems-part-2-remedies.md',
      'rebuilding-irrigation-systems.md',
    ])
    const first = readFileSync(join(catalogue, 'reports/rebuilding-irrigation-systems.md'), 'utf8')
    // Part 2 again, with --force: it is part 2's own file that it matches, never part 1's.
    const again = await colophon(
      work,
      'import',
      'pages/part-2.txt',
      '--catalogue',
      'catalogue',
      '--force',
    )
    expect(again.code).toBe(0)
    expect(again.stderr).toContain(
      'rebuilding-irrigation-systems-part-2-remedies.md: the catalogue has this report already, with the same data',
    )
    expect(readFileSync(join(catalogue, 'reports/rebuilding-irrigation-systems.md'), 'utf8')).toBe(
      first,
    )
  })

  it('--force replaces only the same report, and says which and why', async () => {
    cpSync(part(1), join(pages, 'part-1.txt'))
    await colophon(work, 'import', 'pages/part-1.txt', '--catalogue', 'catalogue')
    const page = join(pages, 'part-1.txt')
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace('silt, broken gates', 'silt, weeds, broken gates'),
    )
    const forced = await colophon(
      work,
      'import',
      'pages/part-1.txt',
      '--catalogue',
      'catalogue',
      '--force',
    )
    expect(forced.stderr).toContain(
      `pages/part-1.txt → catalogue/reports/rebuilding-irrigation-systems.md: replaces the catalogue's "rebuilding-irrigation-systems" (--force): it is the same report, by the same title, subtitle and date (2014-01)`,
    )
  })

  it('a page that fails reserves no slug, and every skipped page is named with its reason', async () => {
    // The first page has the title of the second but no date: it fails, and takes nothing.
    writeFileSync(join(pages, 'a-undated.txt'), 'Harbour Dues\n\nNo date on this page.\n')
    writeFileSync(
      join(pages, 'b-dated.txt'),
      'Harbour Dues\nReports | May 2013\n\nA page with a date.\n',
    )
    const run = await colophon(
      work,
      'import',
      'pages/a-undated.txt',
      'pages/b-dated.txt',
      '--catalogue',
      'catalogue',
    )
    expect(run.code).toBe(1)
    expect(readdirSync(join(catalogue, 'reports'))).toEqual(['harbour-dues.md'])
    expect(run.stderr).toMatch(
      /\nSkipped:\n {2}pages\/a-undated\.txt: published: required: the page gives no date/,
    )
    expect(run.stderr).toMatch(
      /\nPer page:\n {2}pages\/a-undated\.txt → —: failed; .*\n {2}pages\/b-dated\.txt → harbour-dues: new; /,
    )
  })

  it('adds the series and topics pages name to catalogue.yaml, keeping its comments and layout', async () => {
    const yaml = `# Our catalogue: comments stay.\n${CATALOGUE_YAML.replace('  series:\n', '  # series we publish\n  series:\n')}`
    writeFileSync(join(catalogue, 'catalogue.yaml'), yaml)
    cpSync(join(CORPUS, 'p09-dash-title.txt'), join(pages, 'ports.txt'))
    const run = await colophon(work, 'import', 'pages/ports.txt', '--catalogue', 'catalogue')
    expect(run.code).toBe(0)
    const after = readFileSync(join(catalogue, 'catalogue.yaml'), 'utf8')
    expect(after.startsWith('# Our catalogue: comments stay.\n')).toBe(true)
    expect(after).toContain(
      '  # series we publish\n  series:\n    coastal-economics-working-papers: { label: Coastal Economics Working Paper Series }\n    trade-facilitation-series:\n      label: Trade Facilitation Series\n',
    )
    expect(after).toContain(
      '    transport:\n      label: Transport\n    trade:\n      label: Trade\n',
    )
    // Only lines were added.
    const kept = after.split('\n').filter((line) => yaml.split('\n').includes(line))
    expect(kept).toEqual(yaml.split('\n'))
    expect(run.stderr).toContain(
      'Added to catalogue.yaml:\n  vocabularies.series.trade-facilitation-series: { label: "Trade Facilitation Series" }',
    )
    const check = await colophon(work, 'check', '--dir', 'catalogue')
    expect(check.code).toBe(0)
  })

  it('with --no-new-vocabulary leaves catalogue.yaml alone and the words unplaced', async () => {
    cpSync(join(CORPUS, 'p09-dash-title.txt'), join(pages, 'ports.txt'))
    const run = await colophon(
      work,
      'import',
      'pages/ports.txt',
      '--catalogue',
      'catalogue',
      '--no-new-vocabulary',
    )
    expect(readFileSync(join(catalogue, 'catalogue.yaml'), 'utf8')).toBe(CATALOGUE_YAML)
    expect(run.stderr).toContain(
      'unplaced  pages/ports.txt:10  "Trade Facilitation Series": "Trade Facilitation Series" is not in the series vocabulary',
    )
  })

  it('--map maps a word for the run and prints the alias to add', async () => {
    cpSync(join(CORPUS, 'p03-series-number.txt'), join(pages, 'savings.txt'))
    const run = await colophon(
      work,
      'import',
      'pages/savings.txt',
      '--catalogue',
      'catalogue',
      '--dry-run',
      '--map',
      'type:"Publication"=working-papers',
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('type: working-papers')
    expect(run.stderr).toContain(
      'mapped    pages/savings.txt:2  type: "Publication" → working-papers (by --map)',
    )
    expect(run.stderr).toContain(
      'Aliases to add to catalogue.yaml, so that these words map in every run:\n  vocabularies.types.working-papers.aliases: ["Publication"]',
    )
    const bad = await colophon(
      work,
      'import',
      'pages/savings.txt',
      '--catalogue',
      'catalogue',
      '--map',
      'type:"Publication"=reprts',
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      '--map type:"publication"=reprts: no key reprts in the types vocabulary',
    )
  })

  it('refuses a page over the size limit unread, with the limit in the message', async () => {
    writeFileSync(
      join(pages, 'huge.txt'),
      `Huge\nReports | May 2013\n\n${'word '.repeat(1_000_000)}`,
    )
    const run = await colophon(work, 'import', 'pages/huge.txt', '--catalogue', 'catalogue')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('pages/huge.txt: the page is 4.8 MB: pages over 2 MB are not read')
  })
})

describe('colophon import: a duplicate of a page that fails', () => {
  it('is imported once the page it duplicated fails', async () => {
    // The first page's type names nothing (and this catalogue has no default): it fails. The
    // second, the same report by title and date, then stands on its own.
    writeFileSync(join(pages, 'a.txt'), 'Harbour Dues\nCookbooks | May 2013\n\nA page.\n')
    writeFileSync(join(pages, 'b.txt'), 'Harbour Dues\nReports | May 2013\n\nA page.\n')
    const run = await colophon(
      work,
      'import',
      'pages/a.txt',
      'pages/b.txt',
      '--catalogue',
      'catalogue',
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('pages/b.txt → catalogue/reports/harbour-dues.md: new report')
    expect(run.stderr).toMatch(
      /Skipped:\n {2}pages\/a\.txt: type: required: line 2: "Cookbooks" is not in the types vocabulary/,
    )
    expect(readdirSync(join(catalogue, 'reports'))).toEqual(['harbour-dues.md'])
  })
})
