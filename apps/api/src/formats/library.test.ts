import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { FolderStore } from '../store/folder.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from '../test-support/fixture.ts'
import { SCHEMAS, schemaErrors } from '../test-support/xmllint.ts'
import { singularLabel } from './library.ts'

let fixture: Fixture
let app: ReturnType<typeof createApp>
const SLUGS = [
  REFERENCE_SLUG,
  'r-and-d-special-characters',
  'energy-outlook-2019',
  'trade-finance-gaps',
]

beforeAll(async () => {
  fixture = await buildFixture()
  app = createApp({ store: new FolderStore(fixture.out) })
})
afterAll(() => fixture.cleanup())

async function get(path: string, init?: RequestInit) {
  const res = await app.request(path, init)
  return { res, text: await res.text() }
}

/** Runs a command on `input`, giving its standard output. */
const run = (command: string, args: string[], input: string) =>
  execFileSync(command, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })

/** yaz-marcdump reads a file (it does not read a pipe): MARCXML → MARC line format. */
function marcLines(xml: string): string {
  const file = join(fixture.dir, 'record.xml')
  writeFileSync(file, xml)
  return execFileSync('yaz-marcdump', ['-i', 'marcxml', '-o', 'line', file], { encoding: 'utf8' })
}

describe('MODS', () => {
  it('every report validates against the MODS 3.6 schema', async () => {
    for (const slug of SLUGS) {
      const { res, text } = await get(`/v1/reports/${slug}.mods.xml`)
      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Type')).toBe('application/mods+xml; charset=utf-8')
      expect({ slug, errors: schemaErrors(text, SCHEMAS.mods) }).toEqual({ slug, errors: '' })
    }
  })

  it('bibutils reads it back: title, authors (a corporate one too), year, ISBN, the singular genre', async () => {
    const { text } = await get('/v1/reports/r-and-d-special-characters.mods.xml')
    const ris = run('xml2ris', [], text)
    expect(ris).toMatch(
      /^TI {2}- R&D: 50% of \$ \{braces\} _under_ ~tilde #hash \^caret \\backslash <tag>/m,
    )
    expect(ris).toMatch(/^AU {2}- Ng, Ana María/m)
    expect(ris).toMatch(/^AU {2}- O'Brien/m)
    expect(ris).toMatch(/Asian Development Bank Institute/)
    expect(ris).toMatch(/^PY {2}- 2020/m)
    expect(ris).toMatch(/^SN {2}- 9780306406157/m)
    const bib = run('xml2bib', [], (await get(`/v1/reports/${REFERENCE_SLUG}.mods.xml`)).text)
    expect(bib).toMatch(/@TechReport\{beyond-factory-asia,$/m)
    expect(bib).toMatch(/^isbn="9789292540470",$/m)
  })

  it('is offered by Accept', async () => {
    const { res } = await get(`/v1/reports/${REFERENCE_SLUG}`, {
      headers: { Accept: 'application/mods+xml' },
    })
    expect(res.headers.get('Content-Location')).toBe(`/v1/reports/${REFERENCE_SLUG}.mods.xml`)
  })
})

describe('MARCXML', () => {
  it('every report validates against MARC21slim and yaz-marcdump reads it as MARC 21', async () => {
    for (const slug of SLUGS) {
      const { res, text } = await get(`/v1/reports/${slug}.marcxml`)
      expect(res.status).toBe(200)
      expect(schemaErrors(text, SCHEMAS.marcxml)).toBe('')
      // yaz-marcdump converts the MARCXML to ISO 2709 and prints it as line format.
      const lines = marcLines(text)
      expect(lines).toMatch(/^001 /m)
      expect(lines).toMatch(/^245 [01]0 \$a /m)
      expect(lines).toMatch(/^264 {2}1 \$a /m)
      expect(lines).toMatch(/^856 40 \$u https:\/\/reports\.example\.org\/reports\//m)
    }
  })

  it('carries the fields libraries load: 020 per ISBN, 1XX/7XX, 300, 490, 520, 650', async () => {
    const { text } = await get('/v1/reports/r-and-d-special-characters.marcxml')
    const lines = marcLines(text)
    expect(lines).toMatch(/^020 {4}\$a 9780306406157 \$q pdf/m)
    expect(lines).toMatch(/^024 7 {2}\$a 10\.22617\/WPS200123-2 \$2 doi/m)
    expect(lines).toMatch(
      /^100 1 {2}\$a Ng, Ana María .*\$1 https:\/\/orcid\.org\/0000-0002-1825-0097/m,
    )
    expect(lines).toMatch(/^700 1 {2}\$a O'Brien/m)
    expect(lines).toMatch(/^710 2 {2}\$a Asian Development Bank Institute/m)
    expect(lines).toMatch(/^300 {4}\$a 1 online resource \(42 pages\)/m)
    expect(lines).toMatch(/^490 0 {2}\$a Economics Working Paper Series ; \$v 612/m)
    expect(lines).toMatch(/^520 {4}\$a Quotes/m)
    expect(lines).toMatch(/^650 {2}4 \$a Trade/m)
    expect(lines).toMatch(/^650 {2}4 \$a Finance & Banking/m)
    expect(lines).toMatch(/^655 {2}4 \$a Working Paper/m)
    const reference = (await get(`/v1/reports/${REFERENCE_SLUG}.marcxml`)).text
    const referenceLines = marcLines(reference)
    expect(referenceLines.match(/^020 /gm)).toHaveLength(2)
    // No author: the title is the main entry (245 first indicator 0).
    expect(referenceLines).toMatch(/^245 00 \$a Beyond Factory Asia/m)
  })
})

describe('DataCite', () => {
  it('a report with a DOI validates against the DataCite 4 schema', async () => {
    const { res, text } = await get('/v1/reports/r-and-d-special-characters.datacite.xml')
    expect(res.status).toBe(200)
    expect(schemaErrors(text, SCHEMAS.datacite)).toBe('')
    expect(text).toContain('<identifier identifierType="DOI">10.22617/WPS200123-2</identifier>')
    expect(text).toContain('resourceTypeGeneral="Report">Working Paper</resourceType>')
    expect(text).toContain(
      '<creatorName nameType="Organizational">Asian Development Bank Institute</creatorName>',
    )
  })

  it('a report without a DOI has no DataCite record: a 404 that says why', async () => {
    const res = await app.request(`/v1/reports/${REFERENCE_SLUG}.datacite.xml`)
    expect(res.status).toBe(404)
    expect((await res.json()).detail).toMatch(/DOI/)
  })

  it('a schema violation is caught (the check can fail)', async () => {
    const { text } = await get('/v1/reports/r-and-d-special-characters.datacite.xml')
    expect(
      schemaErrors(text.replace(/<publisher>[^<]*<\/publisher>/, ''), SCHEMAS.datacite),
    ).toMatch(/publisher|Missing child/)
  })
})

describe('singular labels', () => {
  it('takes the singular field, else makes the last word singular', () => {
    const list = [
      { key: 'reports', label: 'Reports' },
      { key: 'working-papers', label: 'Working Papers' },
      { key: 'policies', label: 'Policies' },
      { key: 'papers-and-briefs', label: 'Papers and Briefs', singular: 'Paper or Brief' },
      { key: 'news', label: 'Business' },
    ]
    expect(list.map((e) => singularLabel(list, e.key))).toEqual([
      'Report',
      'Working Paper',
      'Policy',
      'Paper or Brief',
      'Business',
    ])
  })
})
