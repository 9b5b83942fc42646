import { Cite } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import { Ajv } from 'ajv'
import type { CompiledReport } from 'colophon-schema'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { FolderStore } from '../store/folder.ts'
import { cslDataSchema } from '../test-support/csl-data-schema.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from '../test-support/fixture.ts'
import { escapeBibtex } from './bibtex.ts'
import { citationTitle } from './context.ts'

let fixture: Fixture
let app: ReturnType<typeof createApp>
let slugs: string[]

beforeAll(async () => {
  fixture = await buildFixture()
  app = createApp({ store: new FolderStore(fixture.out) })
  slugs = fixture.catalogue.summaries.map((s) => s.slug)
})
afterAll(() => fixture.cleanup())

const get = async (path: string) => {
  const res = await app.request(path)
  expect(res.status, path).toBe(200)
  return res.text()
}
const report = (slug: string) => fixture.catalogue.report(slug) as CompiledReport
const SPECIAL = 'r-and-d-special-characters'

type Csl = {
  title: string
  type: string
  author?: { family?: string; given?: string; literal?: string }[]
  issued: { 'date-parts': number[][] }
  ISBN?: string
  DOI?: string
  URL?: string
  publisher?: string
}

describe('BibTeX', () => {
  it('escapes every LaTeX special character', () => {
    expect(escapeBibtex('R&D 50% $5 #1 a_b {x} ~ ^ \\')).toBe(
      'R\\&D 50\\% \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    )
  })

  it('parses (citation-js) back to the same title, authors, date and identifiers for every report', async () => {
    for (const slug of slugs) {
      const r = report(slug)
      const text = await get(`/v1/reports/${slug}.bib`)
      const [item] = new Cite(text).data as Csl[]
      expect(item, slug).toBeDefined()
      if (!item) continue
      expect(item.title).toBe(citationTitle(r))
      expect(item.type).toBe(slug === 'energy-outlook-2019' ? 'book' : 'report')
      expect(item.issued['date-parts'][0]?.[0]).toBe(Number(r.published.slice(0, 4)))
      expect(item.URL).toBe(`https://reports.example.org/reports/${slug}`)
      expect(item.publisher).toBe(r.publisher)
    }
  })

  it('keeps people and organizations apart, and Unicode intact', async () => {
    const [item] = new Cite(await get(`/v1/reports/${SPECIAL}.bib`)).data as Csl[]
    expect(item?.author).toEqual([
      { family: 'Ng', given: 'Ana María' },
      { family: "O'Brien" },
      { family: 'Asian Development Bank Institute' },
    ])
    expect(item?.DOI).toBe('10.22617/WPS200123-2')
    // biblatex's report has no isbn field: the ISBN is in RIS, CSL-JSON, MODS and MARC.
    expect(item?.ISBN).toBeUndefined()
  })

  it('gives the reference report as @techreport with its month and a corporate author', async () => {
    const text = await get(`/v1/reports/${REFERENCE_SLUG}.bib`)
    expect(text).toMatch(/^@techreport\{beyond-factory-asia,/)
    const [item] = new Cite(text).data as Csl[]
    expect(item?.issued['date-parts']).toEqual([[2013, 4]])
    expect(item?.author).toEqual([{ family: 'Asian Development Bank' }])
    // Its subtitle is a heading of the page: the title has a subtitle of its own already.
    expect(item?.title).toBe('Beyond Factory Asia: Fuelling Growth in a Changing World')
  })
})

describe('citationTitle', () => {
  it('puts the subtitle after the title and a colon', () => {
    expect(citationTitle({ title: 'Asia 2050', subtitle: 'Realizing the Asian Century' })).toBe(
      'Asia 2050: Realizing the Asian Century',
    )
  })

  it('gives the title alone when there is no subtitle', () => {
    expect(citationTitle({ title: 'Asia 2050' })).toBe('Asia 2050')
  })

  it('never adds a second subtitle to a title that has one', () => {
    expect(
      citationTitle({
        title: 'Beyond Factory Asia: Fuelling Growth',
        subtitle: 'Beyond Factory Asia: Moving on',
      }),
    ).toBe('Beyond Factory Asia: Fuelling Growth')
  })
})

describe('RIS', () => {
  it('parses (citation-js) back for every report', async () => {
    for (const slug of slugs) {
      const r = report(slug)
      const text = await get(`/v1/reports/${slug}.ris`)
      expect(text.startsWith('TY  - ')).toBe(true)
      expect(text.endsWith('ER  - \r\n')).toBe(true)
      const [item] = new Cite(text, { forceType: '@ris/file' }).data as Csl[]
      expect(item?.title, slug).toBe(citationTitle(r))
      expect(item?.issued['date-parts'][0]?.[0]).toBe(Number(r.published.slice(0, 4)))
    }
    const [special] = new Cite(await get(`/v1/reports/${SPECIAL}.ris`), { forceType: '@ris/file' })
      .data as Csl[]
    expect(special?.DOI).toBe('10.22617/WPS200123-2')
    expect(special?.author?.[0]).toEqual({ family: 'Ng', given: 'Ana María' })
  })
})

describe('CSL-JSON', () => {
  const validate = new Ajv({
    strict: true,
    allowUnionTypes: true,
    strictRequired: false,
    allErrors: true,
  }).compile(cslDataSchema)

  it('validates against the CSL data schema for every report', async () => {
    for (const slug of slugs) {
      const data = JSON.parse(await get(`/v1/reports/${slug}.csl.json`))
      expect(validate(data), `${slug}: ${JSON.stringify(validate.errors)}`).toBe(true)
      expect(data[0].id).toBe(slug)
    }
  })

  it('carries names, dates and identifiers in CSL form', async () => {
    const [item] = JSON.parse(await get(`/v1/reports/${SPECIAL}.csl.json`))
    expect(item.author).toEqual([
      { family: 'Ng', given: 'Ana María' },
      { family: "O'Brien" },
      { literal: 'Asian Development Bank Institute' },
    ])
    expect(item.issued).toEqual({ 'date-parts': [[2020, 5, 17]] })
    expect(item['collection-title']).toBe('Economics Working Paper Series')
    expect(item['collection-number']).toBe('612')
    // citation-js reads it as CSL, the way reference managers will.
    const [cited] = new Cite([item]).data as Csl[]
    expect(cited?.title).toBe(item.title)
  })

  it('rejects what is not CSL (the schema can fail)', () => {
    expect(validate([{ id: 'x', type: 'techreport' }])).toBe(false)
    expect(validate([{ id: 'x', type: 'report', author: [{ name: 'Org' }] }])).toBe(false)
  })
})

describe('JSON-LD', () => {
  it('is a schema.org Report with isbn, datePublished, author, publisher and hasPart', async () => {
    const res = await app.request(`/v1/reports/${SPECIAL}.jsonld`)
    const doc = await res.json()
    expect(doc['@context']).toBe('https://schema.org')
    expect(doc['@type']).toEqual(['Report', 'Book'])
    expect(doc['@id']).toBe(`https://reports.example.org/reports/${SPECIAL}`)
    expect(doc.isbn).toEqual(['9780306406157'])
    expect(doc.datePublished).toBe('2020-05-17')
    expect(doc.author[0]).toMatchObject({
      '@type': 'Person',
      familyName: 'Ng',
      givenName: 'Ana María',
      '@id': 'https://orcid.org/0000-0002-1825-0097',
    })
    expect(doc.author[2]).toEqual({
      '@type': 'Organization',
      name: 'Asian Development Bank Institute',
    })
    expect(doc.publisher).toEqual({ '@type': 'Organization', name: 'Asian Development Bank' })
    // pageStart belongs to Chapter, not CreativeWork.
    expect(doc.hasPart[1]).toMatchObject({
      '@type': 'Chapter',
      name: 'Methods',
      position: 2,
      pageStart: 4,
    })
    expect(doc.hasPart[1].hasPart.map((p: { name: string }) => p.name)).toEqual(['Data', 'Model'])
    expect(doc.isPartOf).toMatchObject({ '@type': 'CreativeWorkSeries', position: '612' })
    expect(doc.sameAs).toBe('https://doi.org/10.22617/WPS200123-2')
  })

  it('is well-formed JSON-LD: every node typed, no undefined or empty values, @ids absolute', async () => {
    for (const slug of slugs) {
      const doc = await (await app.request(`/v1/reports/${slug}.jsonld`)).json()
      const walk = (node: unknown, path: string): void => {
        if (Array.isArray(node)) {
          expect(node.length, path).toBeGreaterThan(0)
          for (const [i, n] of node.entries()) walk(n, `${path}[${i}]`)
        } else if (node && typeof node === 'object') {
          const record = node as Record<string, unknown>
          expect(record['@type'], `${path} has no @type`).toBeDefined()
          if (typeof record['@id'] === 'string') expect(record['@id']).toMatch(/^https?:\/\//)
          for (const [key, value] of Object.entries(record)) {
            expect(value, `${path}.${key}`).not.toBeNull()
            walk(value, `${path}.${key}`)
          }
        }
      }
      walk(doc, slug)
    }
    const ref = await (await app.request(`/v1/reports/${REFERENCE_SLUG}.jsonld`)).json()
    expect(ref.hasPart).toHaveLength(8)
    expect(ref.workExample).toEqual([
      { '@type': 'Book', isbn: '9789292540470', bookFormat: 'https://schema.org/Paperback' },
      { '@type': 'Book', isbn: '9789292540487', bookFormat: 'https://schema.org/EBook' },
    ])
  })
})

describe('Dublin Core XML', () => {
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false })

  it('is well-formed oai_dc with escaped text for every report', async () => {
    for (const slug of slugs) {
      const text = await get(`/v1/reports/${slug}.xml`)
      expect(XMLValidator.validate(text), slug).toBe(true)
      const dc = parser.parse(text)['oai_dc:dc']
      expect(dc['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/')
      const titles = [dc['dc:title']].flat()
      expect(titles[0]).toBeDefined()
    }
    const raw = await get(`/v1/reports/${SPECIAL}.xml`)
    expect(raw).toContain('R&amp;D')
    expect(raw).toContain('&lt;tag&gt;')
    const special = parser.parse(raw)['oai_dc:dc']
    expect(special['dc:title']).toBe(report(SPECIAL).title)
    expect(special['dc:identifier']).toContain('urn:isbn:9780306406157')
    expect(special['dc:identifier']).toContain('https://doi.org/10.22617/WPS200123-2')
    expect(special['dc:creator']).toEqual([
      'Ng, Ana María',
      "O'Brien",
      'Asian Development Bank Institute',
    ])
  })
})

describe('Atom feed and sitemap', () => {
  it('serves a well-formed Atom 1.0 feed of the newest reports', async () => {
    const res = await app.request('/v1/feed.atom')
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    const text = await res.text()
    expect(XMLValidator.validate(text)).toBe(true)
    const { feed } = new XMLParser({
      ignoreAttributes: false,
      processEntities: true,
      htmlEntities: true,
    }).parse(text)
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.title).toBe('Colophon Test')
    expect(feed.updated).toBe('2020-05-17T00:00:00Z')
    expect(feed.entry).toHaveLength(4)
    expect(feed.entry[0].id).toBe(`https://reports.example.org/reports/${SPECIAL}`)
    expect(feed.entry[0].title).toBe(report(SPECIAL).title)
    expect(feed.entry[3].published).toBe('2013-04-01T00:00:00Z')
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^https:\/\//)
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/)
    }
    const etag = res.headers.get('ETag') as string
    const again = await app.request('/v1/feed.atom', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
  })

  it("lists the web app's pages in the sitemap", async () => {
    const text = await get('/sitemap.xml')
    expect(XMLValidator.validate(text)).toBe(true)
    const { urlset } = new XMLParser().parse(text)
    const locs = urlset.url.map((u: { loc: string }) => u.loc)
    expect(locs).toEqual([
      'https://reports.example.org/',
      'https://reports.example.org/about',
      ...slugs.map((s) => `https://reports.example.org/reports/${s}`),
    ])
  })
})
