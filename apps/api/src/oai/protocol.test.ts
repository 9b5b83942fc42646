import { join } from 'node:path'
import { build, generateCatalogue } from 'colophon-content/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { FolderStore } from '../store/folder.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from '../test-support/fixture.ts'
import { SCHEMAS, schemaErrors } from '../test-support/xmllint.ts'
import { OAI_PAGE_SIZE } from './protocol.ts'
import { decodeToken, encodeToken } from './token.ts'

const PUBLIC = 'https://reports.example.org'
const ID = (slug: string) => `oai:reports.example.org:${slug}`
const CHANGED = 'trade-finance-gaps'
const WITHDRAWN = 'withdrawn-survey'

let fixture: Fixture
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  fixture = await buildFixture({
    extra: [
      {
        slug: WITHDRAWN,
        title: 'A Survey Withdrawn',
        published: '2015-03',
        type: 'reports',
        topics: ['trade'],
        modified: '2024-06-01T10:00:00Z',
        withdrawn: { date: '2024-06', reason: 'Replaced by a corrected edition' },
      },
    ],
  })
  const store = new FolderStore(fixture.out)
  app = createApp({ store, publicUrl: PUBLIC })
})
afterAll(() => fixture.cleanup())

/** Every response is checked against the OAI-PMH schema (with oai_dc, MODS and MARCXML). */
async function oai(query: string, init?: RequestInit): Promise<string> {
  const res = await app.request(`/oai${query ? `?${query}` : ''}`, init)
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toBe('text/xml; charset=utf-8')
  const xml = await res.text()
  expect(schemaErrors(xml, SCHEMAS.oai)).toBe('')
  return xml
}

const errorCode = (xml: string) => /<error code="([^"]+)"/.exec(xml)?.[1]
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1] as string)

describe('OAI-PMH verbs', () => {
  it('Identify names the repository, its public base URL, persistent deletes, second granularity', async () => {
    const xml = await oai('verb=Identify')
    expect(xml).toContain('<baseURL>https://reports.example.org/oai</baseURL>')
    expect(xml).toContain('<deletedRecord>persistent</deletedRecord>')
    expect(xml).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>')
    expect(xml).toContain('<earliestDatestamp>2013-04-01T00:00:00Z</earliestDatestamp>')
    expect(xml).toContain('<request verb="Identify">https://reports.example.org/oai</request>')
  })

  it('the base URL comes from the public URL, never from the Host header', async () => {
    const res = await app.request('/oai?verb=Identify', { headers: { Host: 'evil.example' } })
    const xml = await res.text()
    expect(xml).not.toContain('evil.example')
  })

  it('answers POST with a form body as GET', async () => {
    const xml = await oai('', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `verb=GetRecord&metadataPrefix=mods&identifier=${encodeURIComponent(ID(REFERENCE_SLUG))}`,
    })
    expect(xml).toContain('<mods xmlns="http://www.loc.gov/mods/v3"')
    expect(xml).toContain('Beyond Factory Asia')
  })

  it('ListMetadataFormats lists oai_dc, mods and marcxml, for the repository and for an item', async () => {
    for (const query of [
      'verb=ListMetadataFormats',
      `verb=ListMetadataFormats&identifier=${ID(REFERENCE_SLUG)}`,
    ]) {
      const xml = await oai(query)
      expect(all(xml, /<metadataPrefix>([^<]+)</g)).toEqual(['oai_dc', 'mods', 'marcxml'])
    }
  })

  it('ListSets gives the type, series and topic families and their entries', async () => {
    const specs = all(await oai('verb=ListSets'), /<setSpec>([^<]+)</g)
    expect(specs).toEqual([
      'type',
      'type:reports',
      'type:books',
      'type:working-papers',
      'series',
      'series:economics-working-papers',
      'topic',
      'topic:trade',
      'topic:finance',
      'topic:energy',
    ])
  })

  it('GetRecord in each format; each record carries its sets', async () => {
    for (const prefix of ['oai_dc', 'mods', 'marcxml']) {
      const xml = await oai(
        `verb=GetRecord&metadataPrefix=${prefix}&identifier=oai:reports.example.org:r-and-d-special-characters`,
      )
      expect(all(xml, /<setSpec>([^<]+)</g)).toEqual([
        'type:working-papers',
        'series:economics-working-papers',
        'topic:trade',
        'topic:finance',
      ])
      expect(xml).toContain('<metadata>')
    }
  })

  it('a withdrawn report is a deleted record: a header with status deleted and no metadata', async () => {
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${ID(WITHDRAWN)}`)
    expect(xml).toContain('<header status="deleted">')
    expect(xml).toContain('<datestamp>2024-06-01T10:00:00Z</datestamp>')
    expect(xml).not.toContain('<metadata>')
    const list = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-01-01')
    expect(all(list, /<identifier>([^<]+)</g)).toEqual([ID(WITHDRAWN)])
  })

  it('from and until select by datestamp, at day and second granularity', async () => {
    const ids = async (q: string) =>
      all(await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&${q}`), /<identifier>([^<]+)</g)
    expect(await ids('until=2013-04-01')).toEqual([ID(REFERENCE_SLUG)])
    expect(await ids('from=2013-09-01T00:00:00Z&until=2013-09-01T00:00:00Z')).toEqual([ID(CHANGED)])
    expect(await ids('from=2013-09-01T00:00:01Z&until=2019-01-01T00:00:00Z')).toEqual([
      ID('energy-outlook-2019'),
    ])
    expect(await ids('set=topic:trade')).toEqual([
      ID(CHANGED),
      ID('r-and-d-special-characters'),
      ID(WITHDRAWN),
    ])
    expect(await ids('set=type')).toHaveLength(5)
  })

  it('answers every error condition with its code', async () => {
    const cases: [string, string][] = [
      ['', 'badVerb'],
      ['verb=Nope', 'badVerb'],
      ['verb=Identify&verb=Identify', 'badVerb'],
      ['verb=Identify&extra=1', 'badArgument'],
      ['verb=GetRecord&identifier=x', 'badArgument'],
      ['verb=ListRecords', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=mods', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2013-13-01', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2013-02-30', 'badArgument'],
      [
        'verb=ListRecords&metadataPrefix=oai_dc&from=2013-01-01&until=2014-01-01T00:00:00Z',
        'badArgument',
      ],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2014-01-01&until=2013-01-01', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2013-01-01T00:00:00.5Z', 'badArgument'],
      ['verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=dc', 'cannotDisseminateFormat'],
      [
        `verb=GetRecord&metadataPrefix=nope&identifier=${ID(REFERENCE_SLUG)}`,
        'cannotDisseminateFormat',
      ],
      [
        'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:other.org:beyond-factory-asia',
        'idDoesNotExist',
      ],
      [`verb=GetRecord&metadataPrefix=oai_dc&identifier=${ID('no-such-report')}`, 'idDoesNotExist'],
      [`verb=ListMetadataFormats&identifier=${ID('no-such-report')}`, 'idDoesNotExist'],
      [`verb=ListMetadataFormats&identifier=${ID(WITHDRAWN)}`, 'noMetadataFormats'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01', 'noRecordsMatch'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=topic:none', 'noRecordsMatch'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=nope', 'noRecordsMatch'],
      ['verb=ListRecords&resumptionToken=not-a-token', 'badResumptionToken'],
      ['verb=ListSets&resumptionToken=abc', 'badResumptionToken'],
      [
        `verb=ListRecords&resumptionToken=${encodeToken({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', after: ['2013', 'a'] })}`,
        'badResumptionToken',
      ],
    ]
    for (const [query, code] of cases) {
      const xml = await oai(query)
      expect({ query, code: errorCode(xml) }).toEqual({ query, code })
      if (code === 'badVerb' || code === 'badArgument') {
        expect(xml).toContain('<request>https://reports.example.org/oai</request>')
      }
    }
  })

  it('POST with another media type is refused before OAI-PMH', async () => {
    const res = await app.request('/oai', { method: 'POST', body: 'verb=Identify' })
    expect(res.status).toBe(415)
  })
})

describe('a harvest of a generated catalogue', () => {
  let dir: string
  let harvestApp: ReturnType<typeof createApp>
  const COUNT = 320

  beforeAll(async () => {
    dir = join(fixture.dir, 'generated')
    await generateCatalogue(join(dir, 'catalogue'), { count: COUNT, seed: 12 })
    const result = await build({ dir: join(dir, 'catalogue'), out: join(dir, 'out'), entry: false })
    expect(result.ok).toBe(true)
    harvestApp = createApp({
      store: new FolderStore(join(dir, 'out')),
      publicUrl: 'http://127.0.0.1:8787',
    })
  })

  for (const prefix of ['oai_dc', 'mods', 'marcxml']) {
    it(`harvests every record in ${prefix} through resumption tokens, each response valid`, async () => {
      const seen: string[] = []
      let query = `verb=ListRecords&metadataPrefix=${prefix}`
      let pages = 0
      for (;;) {
        const res = await harvestApp.request(`/oai?${query}`)
        const xml = await res.text()
        expect(schemaErrors(xml, SCHEMAS.oai)).toBe('')
        seen.push(...all(xml, /<identifier>(oai:[^<]+)</g))
        pages++
        const token = /<resumptionToken completeListSize="(\d+)" cursor="(\d+)">([^<]*)</.exec(xml)
        expect(token?.[1]).toBe(String(COUNT))
        expect(token?.[2]).toBe(String((pages - 1) * OAI_PAGE_SIZE))
        if (!token?.[3]) break
        expect(decodeToken(token[3])?.metadataPrefix).toBe(prefix)
        query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token[3] as string)}`
      }
      expect(pages).toBe(Math.ceil(COUNT / OAI_PAGE_SIZE))
      expect(seen).toHaveLength(COUNT)
      expect(new Set(seen).size).toBe(COUNT)
    })
  }
})
