// The citations as librarians' tools read them: biber's data model check, Python's
// bibtexparser with its default settings, and pandoc's citeproc over BibTeX and CSL-JSON.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { FolderStore } from '../store/folder.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from '../test-support/fixture.ts'

let fixture: Fixture
let bibFile: string
let cslFile: string
const SLUGS = [
  REFERENCE_SLUG,
  'r-and-d-special-characters',
  'energy-outlook-2019',
  'trade-finance-gaps',
]

beforeAll(async () => {
  fixture = await buildFixture()
  const app = createApp({ store: new FolderStore(fixture.out) })
  let bib = ''
  const csl: unknown[] = []
  for (const slug of SLUGS) {
    bib += await (await app.request(`/v1/reports/${slug}.bib`)).text()
    csl.push(...(await (await app.request(`/v1/reports/${slug}.csl.json`)).json()))
  }
  bibFile = join(fixture.dir, 'reports.bib')
  cslFile = join(fixture.dir, 'reports.json')
  writeFileSync(bibFile, bib)
  writeFileSync(cslFile, JSON.stringify(csl))
})
afterAll(() => fixture.cleanup())

const run = (command: string, args: string[], cwd = fixture.dir) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })

/** Every entry cited, formatted by pandoc's citeproc (Chicago author-date, its default). */
function citeproc(bibliography: string): string {
  const doc = join(fixture.dir, 'cite.md')
  writeFileSync(doc, '---\nnocite: "@*"\n---\n')
  return run('pandoc', [
    '--citeproc',
    `--bibliography=${bibliography}`,
    '-t',
    'plain',
    '--wrap=none',
    doc,
  ])
}

describe('BibTeX', () => {
  it('biber validates every entry against the biblatex data model without a warning', () => {
    const out = run('biber', [
      '--tool',
      '--validate-datamodel',
      '--output-file=checked.bib',
      bibFile,
    ])
    expect(out.split('\n').filter((line) => /WARN|ERROR/.test(line))).toEqual([])
    expect(out).toMatch(/Datamodel validation complete/)
  })

  it("Python's bibtexparser reads every entry with its default settings", () => {
    const script = `import bibtexparser, json, sys
db = bibtexparser.loads(open(sys.argv[1], encoding='utf-8').read())
print(json.dumps([{k: e.get(k) for k in ('ID', 'ENTRYTYPE', 'author', 'month', 'type', 'isbn', 'pagetotal')} for e in db.entries]))`
    // Debian's python3-bibtexparser, whatever python3 comes first on the PATH.
    const entries = JSON.parse(run('/usr/bin/python3', ['-c', script, bibFile]))
    expect(entries.map((e: { ID: string }) => e.ID)).toEqual(SLUGS)
    const byId = Object.fromEntries(entries.map((e: { ID: string }) => [e.ID, e]))
    expect(byId[REFERENCE_SLUG]).toMatchObject({
      ENTRYTYPE: 'techreport',
      author: '{Asian Development Bank}',
      month: '4',
      type: 'Report',
      isbn: null,
    })
    expect(byId['r-and-d-special-characters']).toMatchObject({
      type: 'Working Paper',
      pagetotal: '42',
    })
    expect(byId['energy-outlook-2019']).toMatchObject({ ENTRYTYPE: 'book', isbn: '9789292618582' })
  })

  it('pandoc citeproc formats it: corporate author, singular genre', () => {
    const text = citeproc(bibFile)
    expect(text).toContain(
      'Asian Development Bank. 2013a. “Beyond Factory Asia: Fuelling Growth in a Changing World.” Report. Asian Development Bank.',
    )
    expect(text).toContain('Working Paper 612.')
    expect(text).not.toMatch(/Reports|Working Papers/)
  })
})

describe('CSL-JSON', () => {
  it('pandoc citeproc formats it: corporate author, singular genre', () => {
    const text = citeproc(cslFile)
    expect(text).toContain(
      'Asian Development Bank. 2013a. “Beyond Factory Asia: Fuelling Growth in a Changing World.” Report. Asian Development Bank.',
    )
    expect(text).toContain('Working Paper. Economics Working Paper Series 612.')
    expect(text).not.toMatch(/Reports\.|Working Papers\./)
  })
})
