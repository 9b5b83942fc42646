import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CatalogueSettings, Report } from 'colophon-schema'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { importPage, MAX_PAGE_CHARS, PageTooLargeError } from './import-page.ts'
import { slugFor, transliterate } from './slug-text.ts'

// The layouts of the corpus, field by field, against the bundled catalogue's vocabularies.
const settings = CatalogueSettings.parse(
  parse(readFileSync(join(import.meta.dirname, '../../catalogue/catalogue.yaml'), 'utf8')),
)
const corpus = (name: string) => readFileSync(join(import.meta.dirname, 'corpus', name), 'utf8')
const run = (text: string) =>
  importPage(text, { vocabularies: settings.vocabularies, defaults: settings.defaults })

describe('type words publishers print', () => {
  it('"Publication" takes the default type, with a warning naming the closest keys', () => {
    const result = run(corpus('p03-series-number.txt'))
    expect(result.report.type).toBe('reports')
    expect(result.warnings[0]?.message).toMatch(
      /^"Publication" names no type: the catalogue's default reports is used; closest keys: /,
    )
  })
  it('"Evaluation Document" maps through an alias of catalogue.yaml', () => {
    const result = run(corpus('p02-evaluation-document.txt'))
    expect(result.report.type).toBe('evaluation-reports')
    expect(result.mapped[0]).toMatchObject({ word: 'Evaluation Document', rule: 'alias' })
  })
  it('"Annual Report" maps as the singular of Annual Reports', () => {
    expect(run(corpus('p19-annual-report-issn.txt')).report.type).toBe('annual-reports')
  })
})

describe('series and subjects named on the page', () => {
  it('are added to the vocabularies, the series number split off', () => {
    const result = run(corpus('p03-series-number.txt'))
    expect(result.report.series).toEqual({ key: 'economics-working-paper-series', number: '641' })
    expect(result.report.topics).toEqual(['finance-sector-development', 'economics'])
    expect(result.added.map((a) => `${a.vocabulary}:${a.key}:${a.label}`)).toEqual([
      'series:economics-working-paper-series:Economics Working Paper Series',
      'topics:finance-sector-development:Finance Sector Development',
      'topics:economics:Economics',
    ])
    expect(result.unplaced).toEqual([])
  })
})

describe('prices and page counts', () => {
  it('reads a price under nested labels ("Price: Hardcopy price: US$35.00")', () => {
    expect(run(corpus('p04-price-nested.txt')).report.price).toEqual({
      amount: 35,
      currency: 'USD',
    })
    expect(run(corpus('p23-series-details-additional.txt')).report.price).toEqual({
      amount: 10,
      currency: 'USD',
    })
  })
  it('reads an unlabelled bullet with a currency as the price, not the overview', () => {
    const result = run(corpus('p05-price-bullet.txt'))
    expect(result.report.price).toEqual({ amount: 20, currency: 'USD' })
    expect(result.report.description).not.toMatch(/US\$/)
    expect(result.report.pages).toBe(120)
  })
})

describe("the page's structure", () => {
  it('a list after a sentence without a colon stays in the overview, after the sentence', () => {
    const result = run(corpus('p01-publication-details.txt'))
    expect(result.report.description).toContain(
      'The study draws on three kinds of sources\n\n- municipal budget records',
    )
    expect(result.report.description).not.toMatch(/^#/m)
  })
  it('a lead-in sentence stays a sentence, never a ### heading', () => {
    const result = run(corpus('p21-lead-in-sentence.txt'))
    expect(result.report.description).toContain(
      'Three designs stand out across the schemes reviewed\n\n- tax-funded cover',
    )
    expect(result.report.description).not.toContain('###')
  })
  it('"Findings" only for a list or a findings heading: a subheading with prose stays prose', () => {
    const result = run(corpus('p06-findings-subheading-prose.txt'))
    expect(result.report.keyFindings).toBeUndefined()
    expect(result.report.description).toContain(
      'The six pilot farms were connected in half the usual time. Operators reported no loss of stability during the trial, although two inverters had to be reset.',
    )
    const heading = run(
      'A Title\nType: Reports\nDate: 2020\n\nKey Findings\nCanals silt up.\n\nFees go unpaid.',
    )
    expect(heading.report.keyFindings).toEqual(['Canals silt up.', 'Fees go unpaid.'])
  })
  it('a findings introduction without a colon still introduces the findings list', () => {
    expect(run(corpus('p07-list-sentence-no-colon.txt')).report.keyFindings).toHaveLength(3)
  })
  it("splits a title with a colon and a dash where the page's subtitle line says", () => {
    const result = run(corpus('p08-colon-and-dash.txt'))
    expect(result.report.title).toBe('Water Tariffs: A Primer')
    expect(result.report.subtitle).toBe('Setting Prices That Cover Costs')
  })
  it('a repeated title line is not a subtitle', () => {
    const result = run(corpus('p15-repeated-title.txt'))
    expect(result.report.subtitle).toBeUndefined()
    expect(result.ignored).toContainEqual({
      line: 4,
      text: 'Microfinance at the Margins',
      why: 'the title, repeated (not a subtitle)',
    })
  })
  it('a label ends with its value; a social media footer is noise, not a topic or an ISSN', () => {
    const result = run(corpus('p10-additional-label-value.txt'))
    expect(result.report.identifiers?.issn).toEqual([{ value: '2071-7121', form: 'print' }])
    expect(result.report.topics).toEqual(['agriculture-and-natural-resources'])
    expect(result.ignored.map((i) => i.why)).toContain('a social media footer')
    expect(result.unplaced).toEqual([
      {
        line: 15,
        text: 'Regional offices and contacts',
        why: 'an unlabelled detail of no shape the importer knows',
      },
    ])
  })
})

describe('slugs for any title', () => {
  it('transliterates Greek and Cyrillic, and drops Latin diacritics', () => {
    expect(transliterate('Реки и города')).toBe('Reki i goroda')
    expect(slugFor('Θάλασσα και Λιμάνια').slug).toBe('thalassa-kai-limania')
    expect(slugFor('Économie du Viêt Nam').slug).toBe('economie-du-viet-nam')
    expect(run(corpus('p17-cyrillic-title.txt')).report.slug).toBe('reki-i-goroda')
  })
  it('gives CJK, emoji and punctuation-only titles a stable slug from a hash', () => {
    for (const name of ['p13-cjk-title.txt', 'p18-emoji-title.txt', 'p22-punctuation-title.txt']) {
      const first = run(corpus(name))
      expect(first.report.slug).toMatch(/^report-[0-9a-z]{7}$/)
      expect(run(corpus(name)).report.slug).toBe(first.report.slug)
      expect(Report.safeParse(first.report).success).toBe(true)
    }
    expect(slugFor('亚洲').slug).not.toBe(slugFor('亚洲城市').slug)
  })
})

describe('limits', () => {
  it('keeps 600 levels of nested bullets within 32 levels, with a warning, as a valid report', () => {
    const bullets = Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}• Level ${i}`).join('\n')
    const result = run(`A Deep Page\nType: Reports\nDate: 2020\n\nContents\n${bullets}\n`)
    expect(result.warnings).toContainEqual({
      line: 38,
      message: 'a list nested deeper than 32 levels: 568 deeper item(s) kept at level 32',
    })
    let depth = 0
    let entries = result.report.contents as readonly { children?: unknown }[] | undefined
    while (entries?.[0]) {
      depth++
      entries = entries[0].children as typeof entries
    }
    expect(depth).toBe(32)
    expect(Report.safeParse(result.report).success).toBe(true)
  })
  it('refuses a page over the documented size with a clear error', () => {
    expect(() => run('x'.repeat(MAX_PAGE_CHARS + 1))).toThrow(PageTooLargeError)
    expect(() => run('x'.repeat(MAX_PAGE_CHARS + 1))).toThrow(/pages over 2,097,152 are not read/)
  })
})

describe("the bundled catalogue's words", () => {
  it.each([
    ['Policy Brief', 'papers-and-briefs', 'alias'],
    ['Handbook', 'guides', 'alias'],
    ['Working Paper', 'working-papers', 'inflection'],
    ['Annual Report', 'annual-reports', 'inflection'],
    ['Evaluation Document', 'evaluation-reports', 'alias'],
    ['Proceedings', 'conference-proceedings', 'alias'],
    ['Publication', 'reports', 'default'],
  ])('maps "%s" to %s (%s)', (word, key, rule) => {
    const result = run(`A Title\n${word} | May 2019\n\nText.`)
    expect(result.report.type).toBe(key)
    expect(result.mapped[0]?.rule ?? 'default').toBe(rule)
  })
})

describe('more shapes of the same facts', () => {
  it('a series line under the title, a "Hardcopy price" label, prelims before the page count', () => {
    const result = run(
      'Ports and Growth\nEconomics Working Paper Series No. 712\nPublication | May 2019\n\nText of the page.\n\nAdditional Details\nHardcopy price: US$18.00\nPages: xii, 148\n',
    )
    expect(result.report.series).toEqual({ key: 'economics-working-paper-series', number: '712' })
    expect(result.report.subtitle).toBeUndefined()
    expect(result.report.price).toEqual({ amount: 18, currency: 'USD' })
    expect(result.report.pages).toBe(148)
  })
  it('an American date and a page count in the header', () => {
    const result = run('Ports and Growth\nPublication | May 3, 2019 | 48 pages\n\nText.')
    expect(result.report.published).toBe('2019-05-03')
    expect(result.report.pages).toBe(48)
  })
})
