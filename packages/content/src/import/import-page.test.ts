import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type ContentsEntry, Report, type Vocabularies } from 'colophon-schema'
import { describe, expect, it } from 'vitest'
import { referenceReport } from '../../../schema/src/test-support/reference-report.ts'
import { importPage } from './import-page.ts'

const SEED = join(import.meta.dirname, '../../../../seeds/beyond-factory-asia.txt')
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')

const vocabularies: Vocabularies = {
  types: {
    reports: { label: 'Reports' },
    books: { label: 'Books' },
    guides: { label: 'Guides' },
    'working-papers': { label: 'Working Papers' },
    'papers-and-briefs': { label: 'Papers and Briefs' },
    'brochures-and-flyers': { label: 'Brochures and Flyers' },
  },
  series: {
    'coastal-economics-working-papers': { label: 'Coastal Economics Working Paper Series' },
  },
  topics: {
    ports: { label: 'Ports' },
    'trade-logistics': { label: 'Trade Logistics' },
    'regional-cooperation': { label: 'Regional Cooperation' },
    water: { label: 'Water' },
    industry: { label: 'Industry' },
  },
}

const run = (text: string) => importPage(text, { vocabularies })
const fieldsInferred = (result: ReturnType<typeof run>) => result.inferred.map((i) => i.field)

describe('the seed page', () => {
  const text = readFileSync(SEED, 'utf8')
  const result = run(text)

  it('is the reference report, field for field', () => {
    expect(result.report).toEqual(referenceReport)
    expect(Report.safeParse(result.report).success).toBe(true)
  })

  it('keeps every fact of the page', () => {
    const { report } = result
    expect(report.title).toBe('Beyond Factory Asia: Fuelling Growth in a Changing World')
    expect(report.subtitle).toBe("Beyond Factory Asia: Moving from the World's Workshop to Global")
    expect(report.published).toBe('2013-04')
    expect(report.type).toBe('reports')
    expect(report.identifiers?.isbn).toEqual([
      { value: '978-92-9254-047-0', form: 'print' },
      { value: '978-92-9254-048-7', form: 'web' },
    ])
    expect(report.description?.split('\n\n')).toHaveLength(2)
    expect(report.keyFindings).toHaveLength(8)
    expect(report.keyFindings?.[3]).toBe(
      'special mechanisms—and not necessarily subsidies—are needed to boost Small Medium Enterprises access to regional production networks;',
    )
    expect(report.contents).toHaveLength(8)
    // The page ends "Services Sector<NBSP>" and has no final newline.
    expect(text.endsWith('References')).toBe(true)
    expect(text).toContain('Services Sector\u00a0')
    expect(report.contents?.[6]).toEqual({ title: 'Appendix: Role of the Services Sector' })
  })

  it('lists what it decided rather than read, and nothing is left over', () => {
    expect(fieldsInferred(result).sort()).toEqual(['contents', 'slug', 'subtitle'])
    expect(result.inferred.find((i) => i.field === 'subtitle')?.line).toBe(8)
    expect(result.unplaced).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.lines.get('keyFindings[0]')).toBe(17)
    expect(result.lines.get('contents[7]')).toBe(34)
  })
})

describe('labelled metadata lines', () => {
  const result = run(fixture('labelled-metadata.txt'))
  const { report } = result

  it('reads Date, Type, Series with number, ISBNs and ISSNs with forms, authors and price', () => {
    expect(report.title).toBe('Tidewater Freight Corridors')
    expect(report.subtitle).toBeUndefined()
    expect(report.published).toBe('2019-03-15')
    expect(report.type).toBe('working-papers')
    expect(report.series).toEqual({ key: 'coastal-economics-working-papers', number: '58' })
    expect(report.identifiers).toEqual({
      isbn: [
        { value: '978-1-7391-0412-2', form: 'print' },
        { value: '978-1-7391-0413-9', form: 'pdf' },
      ],
      issn: [
        { value: '3041-5527', form: 'print' },
        { value: '3041-5535', form: 'online' },
      ],
    })
    expect(report.authors).toEqual([
      { family: 'Okonkwo', given: 'Adaeze' },
      { family: 'Lindqvist', given: 'Mateo' },
    ])
    expect(report.price).toEqual({ amount: 30, currency: 'USD' })
  })

  it('reads the unlabelled subjects line as topics, and says so', () => {
    expect(report.topics).toEqual(['ports', 'trade-logistics', 'regional-cooperation'])
    expect(result.inferred).toContainEqual({
      field: 'topics',
      why: 'an unlabelled line of semicolon-separated subjects in the metadata',
      line: 9,
    })
  })

  it('takes a one-sentence paragraph before the overview as the lede', () => {
    expect(report.summary).toBe('Small harbour towns carry a growing share of inland cargo.')
    expect(report.description).toBe(
      'Barges, rail spurs and short-sea shipping now move freight that once went by road. This paper maps the corridors that link eleven river ports to the coast and prices the delays that customs, tides and missing rail links add to each container.\n\nIt closes with a set of investments ranked by the time they save per dollar spent.',
    )
    expect(fieldsInferred(result)).toContain('summary')
  })

  it('produces a valid report', () => {
    expect(Report.safeParse(report).error?.issues).toBeUndefined()
  })
})

describe('an unknown subject', () => {
  it('is read as the closest topic when it is a misspelling of one, and says so', () => {
    const result = run('A Title\nType: Reports\nDate: 2020\nPorts; Trade Logistcs\n\nText.')
    expect(result.report.topics).toEqual(['ports', 'trade-logistics'])
    expect(result.inferred).toContainEqual({
      field: 'topics',
      why: '"Trade Logistcs" read as Trade Logistics, the closest spelling',
      line: 4,
    })
  })

  it('is added to the topics vocabulary, or with --no-new-vocabulary left unplaced', () => {
    const text = 'A Title\nType: Reports\nDate: 2020\nPorts; Coral Reefs\n\nText.'
    const added = run(text)
    expect(added.report.topics).toEqual(['ports', 'coral-reefs'])
    expect(added.added).toEqual([
      { vocabulary: 'topics', key: 'coral-reefs', label: 'Coral Reefs', line: 4 },
    ])
    // The caller's vocabularies are not changed: the run decides what to keep.
    expect(vocabularies.topics?.['coral-reefs']).toBeUndefined()
    const kept = importPage(text, { vocabularies, newVocabulary: false })
    expect(kept.report.topics).toEqual(['ports'])
    expect(kept.unplaced).toEqual([
      { line: 4, text: 'Coral Reefs', why: '"Coral Reefs" is not in the topics vocabulary' },
    ])
  })
})

describe('a header line "<Type> | <Month YYYY>"', () => {
  const result = run(fixture('header-month.txt'))
  const { report } = result

  it('gives the type and the month', () => {
    expect(report.type).toBe('guides')
    expect(report.published).toBe('2021-06')
    expect(result.warnings).toEqual([])
  })

  it('splits a title that carries its subtitle after a colon, and says so', () => {
    expect(report.title).toBe('Lanterns in the Archive')
    expect(report.subtitle).toBe('A Field Guide to Preserving Village Records')
    expect(result.inferred).toContainEqual({
      field: 'subtitle',
      why: 'the title carries it after a colon',
      line: 3,
    })
    expect(report.slug).toBe('lanterns-in-the-archive')
  })

  it('turns plain-text subheadings into Markdown headings and keeps a non-findings list, nested', () => {
    expect(report.summary).toBe(
      'Paper records decay faster in humid lowland climates than anywhere else.',
    )
    const blocks = report.description?.split('\n\n')
    expect(blocks?.[1]).toBe('### Why records are lost')
    expect(blocks?.[3]).toBe('This guide is written for:')
    expect(blocks?.[4]).toBe(
      [
        '- municipal clerks',
        '- volunteer archivists',
        '  - those working alone',
        '  - those working in teams',
        '- trainers',
      ].join('\n'),
    )
  })

  it('reads findings under a "Key Findings" heading', () => {
    expect(report.keyFindings).toEqual([
      'A dry cupboard and silica gel halve the rate of decay.',
      'Scanning at 300 dots per inch is enough for handwritten registers.',
    ])
  })

  it('reads the contents under a "Contents" heading, nested, with page numbers', () => {
    expect(report.contents).toEqual([
      { title: 'Foreword' },
      {
        title: 'Surveying a Collection',
        page: 3,
        children: [
          { title: 'Counting Boxes', page: 4 },
          { title: 'Grading Damage', page: 9 },
        ],
      },
      { title: 'Storage Without Power', page: 15 },
      { title: 'Glossary', page: 40 },
    ])
    expect(fieldsInferred(result)).not.toContain('contents')
    expect(Report.safeParse(report).success).toBe(true)
  })
})

describe('a header line "<Type> | <DD Month YYYY>" with interface text', () => {
  const result = run(fixture('header-day.txt'))
  const { report } = result

  it('gives the type and the day', () => {
    expect(report.type).toBe('papers-and-briefs')
    expect(report.published).toBe('2020-09-07')
  })

  it('splits a title at a dash', () => {
    expect(report.title).toBe('Quiet Engines')
    expect(report.subtitle).toBe('Small Hydropower in Mountain Valleys')
    expect(result.inferred).toContainEqual({
      field: 'subtitle',
      why: 'the title carries it after a dash',
      line: 5,
    })
  })

  it('drops share, follow and subscribe lines, listing them', () => {
    expect(result.ignored.map((i) => [i.line, i.why])).toEqual([
      [2, 'a share button'],
      [3, 'social media links'],
      [26, 'a subscription prompt'],
      [27, 'a follow link'],
    ])
    expect(JSON.stringify(report)).not.toMatch(/Share|Subscribe|Follow/)
  })

  it('keeps a list of changes in the overview, reads a price list, and does not take either as findings', () => {
    expect(report.description).toContain(
      'Changes since the last edition:\n\n- two new case studies from the northern ranges\n- revised cost tables',
    )
    expect(report.price).toEqual({ amount: 12, currency: 'USD' })
    expect(result.unplaced).toEqual([
      {
        line: 15,
        text: 'Free (PDF)',
        why: 'a free publication has no price in the model (price needs an amount and a currency)',
      },
    ])
    expect(report.keyFindings).toEqual([
      'maintenance budgets matter more than turbine brand;',
      'community ownership kept schemes running longer.',
    ])
  })

  it('takes an untitled list from Abstract to Appendixes as the contents, and says why', () => {
    expect((report.contents as ContentsEntry[] | undefined)?.map((c) => c.title)).toEqual([
      'Abstract',
      'Why Valleys Need Small Power',
      'Twelve Schemes Compared',
      'Appendixes',
    ])
    expect(result.inferred).toContainEqual({
      field: 'contents',
      why: 'a list of title-like entries with no heading that starts with "Abstract" and ends with "Appendixes"',
      line: 21,
    })
  })
})

describe('a page without metadata', () => {
  const result = run(fixture('no-metadata.txt'))

  it('warns, and still reads what is there', () => {
    expect(result.warnings).toEqual([
      {
        line: 1,
        message: 'no metadata: no "Date:"/"Type:" lines and no "<Type> | <Month YYYY>" header line',
      },
    ])
    expect(result.report.title).toBe('The Long Harvest')
    expect(result.report.published).toBeUndefined()
    expect(result.report.type).toBeUndefined()
    expect(result.report.description?.split('\n\n')).toHaveLength(2)
    expect(result.report.keyFindings).toEqual([
      'longer loans did not raise default rates;',
      'insurance against hail was the cheapest way to lower risk.',
    ])
  })

  it('uses the fallbacks it is given, listing them as inferred', () => {
    const withFallbacks = importPage(fixture('no-metadata.txt'), {
      vocabularies,
      typeOverride: 'Reports',
      fallbackPublished: '2016',
    })
    expect(withFallbacks.report.type).toBe('reports')
    expect(withFallbacks.report.published).toBe('2016')
    expect(fieldsInferred(withFallbacks)).toEqual(expect.arrayContaining(['type', 'published']))
    expect(Report.safeParse(withFallbacks.report).success).toBe(true)
  })
})

describe('an Additional Details section', () => {
  it('reads labelled subjects, countries, stock number, ISBNs, ISSNs and pages', () => {
    const result = run(fixture('details-labelled.txt'))
    const { report } = result
    expect(report.topics).toEqual(['water', 'industry'])
    expect(report.countries).toEqual(['VN', 'KR', 'PH'])
    expect(report.identifiers).toEqual({
      isbn: [
        { value: '978-1-7391-0414-6', form: 'print' },
        { value: '978-1-7391-0415-3', form: 'web' },
      ],
      issn: [{ value: '3041-5543', form: 'online' }],
      stockNumber: 'RPT220871-3',
    })
    expect(report.pages).toBe(184)
    expect(result.unplaced).toEqual([
      {
        line: 16,
        text: 'Dimensions: 21 x 29.7 cm',
        why: 'the model has no field for "Dimensions"',
      },
    ])
    expect(Report.safeParse(report).success).toBe(true)
  })

  it('reads unlabelled values by their shape, and labels on their own line', () => {
    const result = run(fixture('details-unlabelled.txt'))
    const { report } = result
    expect(report.published).toBe('2018')
    expect(report.type).toBe('books')
    expect(report.topics).toEqual(['water', 'industry'])
    expect(report.countries).toEqual(['LA', 'KH', 'TH', 'BT', 'NP'])
    expect(report.identifiers).toEqual({
      isbn: [
        { value: '978-1-7391-0416-0', form: 'print' },
        { value: '978-1-7391-0417-7', form: 'ebook' },
      ],
      stockNumber: 'BKS180555-1',
    })
    expect(report.pages).toBe(212)
    expect(fieldsInferred(result)).toEqual(
      expect.arrayContaining([
        'topics',
        'countries',
        'identifiers.stockNumber',
        'identifiers.isbn',
        'pages',
      ]),
    )
    expect(result.unplaced).toEqual([])
    expect(Report.safeParse(report).success).toBe(true)
  })
})

describe('whitespace of a capture', () => {
  it('drops non-breaking and trailing spaces, reads CRLF and a missing final newline', () => {
    const result = run(fixture('crlf-nbsp.txt'))
    const { report } = result
    expect(report.title).toBe('Night Markets and Street Food')
    expect(report.published).toBe('2017-05')
    expect(report.type).toBe('brochures-and-flyers')
    expect(report.summary).toBe('Vendors feed a third of the city after dark.')
    expect(report.description).toBe(
      'This brochure lists the permits a vendor needs and where to apply for them.',
    )
    expect(report.contents).toEqual([
      { title: 'Permits' },
      { title: 'Hygiene Rules' },
      { title: 'Contacts' },
    ])
    expect(JSON.stringify(report)).not.toMatch(/[\u00a0\r]| "|" /)
  })
})

describe('unknown vocabulary words', () => {
  it('leave the type out without a default, and name the closest keys', () => {
    const result = run('A Title\nType: Cookbooks\nDate: 2020\n\nText.')
    expect(result.report.type).toBeUndefined()
    expect(result.unplaced).toEqual([
      {
        line: 2,
        text: 'Cookbooks',
        why: '"Cookbooks" is not in the types vocabulary; closest keys: books, reports, guides',
      },
    ])
    expect(result.missing.type).toMatch(/--map type:"Cookbooks"=<key>/)
  })

  it("take the catalogue's default, with a warning listing the closest keys", () => {
    const result = importPage('A Title\nPublication | May 2019\n\nText.', {
      vocabularies,
      defaults: { type: 'reports' },
    })
    expect(result.report.type).toBe('reports')
    expect(result.warnings).toEqual([
      {
        line: 2,
        message: expect.stringMatching(
          /^"Publication" names no type: the catalogue's default reports is used; closest keys: .+; map it with --map type:"Publication"=<key>/,
        ),
      },
    ])
    expect(result.mapped).toContainEqual({
      field: 'type',
      word: 'Publication',
      key: 'reports',
      rule: 'default',
      line: 2,
    })
  })

  it('prefer a labelled type to the generic word of the header', () => {
    const result = importPage(
      'A Title\nPublication | May 2019\n\nText.\n\nAdditional Details\nType\tBooks',
      {
        vocabularies,
        defaults: { type: 'reports' },
      },
    )
    expect(result.report.type).toBe('books')
    expect(result.warnings).toEqual([])
  })

  it('--type applies to every page of the run, whatever the page says', () => {
    const result = importPage('A Title\nType: Books\nDate: 2020\n\nText.', {
      vocabularies,
      typeOverride: 'Guides',
    })
    expect(result.report.type).toBe('guides')
    expect(result.inferred).toContainEqual({
      field: 'type',
      why: '--type Guides applies to every page of the run (the page says "Books")',
      line: undefined,
    })
  })

  it('--map maps a word for the run', () => {
    const result = importPage('A Title\nPublication | May 2019\n\nText.', {
      vocabularies,
      maps: { types: new Map([['publication', 'books']]) },
    })
    expect(result.report.type).toBe('books')
    expect(result.mapped[0]).toMatchObject({ word: 'Publication', key: 'books', rule: 'map' })
  })

  it('accepts a singular of a label, listing it as inferred', () => {
    const result = run('A Title\nType: Guide\nDate: 2020\n\nText.')
    expect(result.report.type).toBe('guides')
    expect(result.inferred).toContainEqual({
      field: 'type',
      why: '"Guide" read as Guides (singular or plural)',
      line: 2,
    })
  })
})

describe('slugs', () => {
  it('avoid slugs taken in the catalogue or the batch', () => {
    const text = 'Beyond the Harbour: Notes\nType: Reports\nDate: 2020\n\nText.'
    const taken = new Set(['beyond-the-harbour'])
    const result = importPage(text, { vocabularies, takenSlugs: taken })
    expect(result.report.slug).toBe('beyond-the-harbour-notes')
    const both = importPage(text, {
      vocabularies,
      takenSlugs: new Set([...taken, 'beyond-the-harbour-notes', 'beyond-the-harbour-notes-2020']),
    })
    expect(both.report.slug).toBe('beyond-the-harbour-notes-2020-2')
  })

  it('reuse the slug of the catalogue report with the same ISBN', () => {
    const result = importPage(readFileSync(SEED, 'utf8'), {
      vocabularies,
      known: [{ slug: 'factory-asia', title: 'Other', isbns: ['9789292540470'] }],
      takenSlugs: new Set(['factory-asia', 'beyond-factory-asia']),
    })
    expect(result.report.slug).toBe('factory-asia')
    expect(result.existing).toBe('factory-asia')
  })
})

describe('links to other publications', () => {
  it('are listed as unplaced, not taken for contents or overview', () => {
    const text = [
      'Rain Gardens for Small Towns',
      'Type: Guides',
      'Date: 2021',
      '',
      'Gardens that drink the rain keep streets dry. This guide shows how to build them.',
      '',
      'Related Publications',
      '  • Green Roofs in the Tropics',
      '  • Urban Wetlands',
      'Read more',
    ].join('\n')
    const result = run(text)
    expect(result.report.contents).toBeUndefined()
    expect(result.report.description).toBe(
      'Gardens that drink the rain keep streets dry. This guide shows how to build them.',
    )
    expect(result.unplaced.map((u) => [u.line, u.text])).toEqual([
      [8, 'Green Roofs in the Tropics'],
      [9, 'Urban Wetlands'],
    ])
    expect(result.ignored.map((i) => i.line)).toEqual([7, 10])
  })
})

describe('less common shapes', () => {
  it('reads unbulleted lines under a "Contents" heading, nested by indentation', () => {
    const text = [
      'Field Notes on Ferries',
      'Type: Reports',
      'Date: 2019',
      '',
      'Ferries carry more people than bridges in the delta. The notes record twelve crossings.',
      '',
      'Table of Contents',
      'Preface',
      'Crossings',
      '    Morning Boats .... 12',
      '    Night Boats .... 30',
      'Index .... ix',
    ].join('\n')
    const result = run(text)
    expect(result.report.contents).toEqual([
      { title: 'Preface' },
      {
        title: 'Crossings',
        children: [
          { title: 'Morning Boats', page: 12 },
          { title: 'Night Boats', page: 30 },
        ],
      },
      { title: 'Index' },
    ])
    expect(result.warnings).toEqual([
      { line: 12, message: 'page "ix" of "Index" is not kept: pages are whole numbers from 1' },
    ])
    expect(fieldsInferred(result)).toContain('contents')
  })

  it('reads paragraphs under a "Key findings" heading as findings, and flattens nested findings with a warning', () => {
    const paragraphs = run(
      'Salt Roads\nType: Reports\nDate: 2019\n\nThe old salt roads still shape trade. They cross four borders.\n\nKey findings\n\nTolls have doubled since 2010.\n\nTrucks wait two days at each border.',
    )
    expect(paragraphs.report.keyFindings).toEqual([
      'Tolls have doubled since 2010.',
      'Trucks wait two days at each border.',
    ])
    expect(fieldsInferred(paragraphs)).toContain('keyFindings')

    const nested = run(
      'Salt Roads\nType: Reports\nDate: 2019\n\nThe key findings are:\n  • tolls rose;\n      • most on the coast;\n  • waits grew.',
    )
    expect(nested.report.keyFindings).toEqual(['tolls rose;', 'most on the coast;', 'waits grew.'])
    expect(nested.warnings).toEqual([
      {
        line: 6,
        message:
          'key findings are a flat list: the nested items under this finding are added as findings of their own',
      },
    ])
  })

  it('reads a one-line overview as the overview, not as a lede', () => {
    const result = run('Short Page\nType: Reports\nDate: 2019\n\nOnly one sentence here.')
    expect(result.report.summary).toBeUndefined()
    expect(result.report.description).toBe('Only one sentence here.')
  })

  it('escapes text that would read as Markdown', () => {
    const result = run(
      'Odd Lines\nType: Reports\nDate: 2019\n\n1. Numbers first: this is not a list, and *stars* stay stars.\n\n# Not a heading either.',
    )
    expect(result.report.description).toBe(
      '1\\. Numbers first: this is not a list, and \\*stars\\* stay stars.\n\n\\# Not a heading either.',
    )
  })

  it('reads a labelled list: "Subjects:" or "Countries:" over bullets', () => {
    const result = run(
      'Wells and Pumps\nType: Reports\nDate: 2019\nSubjects:\n  • Water\n  • Industry\nCountries:\n  • Nepal\n  • Atlantis\n\nGroundwater falls a metre a year. Pumps are to blame.',
    )
    expect(result.report.topics).toEqual(['water', 'industry'])
    expect(result.report.countries).toEqual(['NP'])
    expect(result.unplaced).toEqual([
      { line: 9, text: 'Atlantis', why: 'not an ISO 3166-1 country (regions are not countries)' },
    ])
    expect(result.report.description).toBe('Groundwater falls a metre a year. Pumps are to blame.')
  })

  it('reports a second, different date instead of dropping it silently', () => {
    const result = run('Two Dates\nDate: April 2013\nType: Reports\nPublished: May 2014\n\nText.')
    expect(result.report.published).toBe('2013-04')
    expect(result.unplaced).toEqual([
      { line: 4, text: 'Published: May 2014', why: 'published is given already (line 2)' },
    ])
  })
})
