// Labelled lines ("Date: April 2013", "ISBN (print): …", "Stock No.\tRPT135555-2") and
// the one-line header ("Reports | April 2013"): which field a label names, and how its
// value is read into the draft.
import { partialDateFromText, partialDateProblem } from 'colophon-schema'
import { addAuthors } from './authors.ts'
import type { PageContext } from './context.ts'
import { closestCountry, countryCode, splitCountries } from './countries.ts'
import { addIsbns, addIssns, bareDoi } from './identifiers.ts'
import { readPrice } from './price.ts'
import { collapseSpaces } from './text.ts'

export type FieldName =
  | 'published'
  | 'type'
  | 'isbn'
  | 'issn'
  | 'series'
  | 'authors'
  | 'price'
  | 'pages'
  | 'stockNumber'
  | 'doi'
  | 'topics'
  | 'countries'
  | 'edition'
  | 'publisher'
  | 'copublishers'
  | 'language'

const LABELS: Record<string, FieldName> = {
  date: 'published',
  published: 'published',
  'publication date': 'published',
  'date published': 'published',
  'date of publication': 'published',
  'release date': 'published',
  released: 'published',
  type: 'type',
  'publication type': 'type',
  'document type': 'type',
  isbn: 'isbn',
  isbns: 'isbn',
  issn: 'issn',
  issns: 'issn',
  series: 'series',
  author: 'authors',
  authors: 'authors',
  'author(s)': 'authors',
  by: 'authors',
  price: 'price',
  prices: 'price',
  pages: 'pages',
  'number of pages': 'pages',
  'no. of pages': 'pages',
  'page count': 'pages',
  length: 'pages',
  extent: 'pages',
  'stock number': 'stockNumber',
  'stock no.': 'stockNumber',
  'stock no': 'stockNumber',
  'publication stock number': 'stockNumber',
  'publication stock no.': 'stockNumber',
  sku: 'stockNumber',
  'sku/stock no.': 'stockNumber',
  doi: 'doi',
  subjects: 'topics',
  subject: 'topics',
  topics: 'topics',
  topic: 'topics',
  themes: 'topics',
  countries: 'countries',
  country: 'countries',
  'countries covered': 'countries',
  edition: 'edition',
  publisher: 'publisher',
  'published by': 'publisher',
  'co-publisher': 'copublishers',
  'co-publishers': 'copublishers',
  copublisher: 'copublishers',
  copublishers: 'copublishers',
  language: 'language',
}

export interface Label {
  field: FieldName
  /** A form the label carries: "ISBN (print)", "e-ISBN", "Online ISSN". */
  form?: string | undefined
}

/**
 * The field a label names, or `undefined` for a label the model has no field for.
 *
 * @example
 * fieldOfLabel('ISBN (print)') // { field: 'isbn', form: 'print' }
 * fieldOfLabel('Stock No.') // { field: 'stockNumber' }
 */
export function fieldOfLabel(label: string): Label | undefined {
  const key = collapseSpaces(label).toLowerCase()
  const field = LABELS[key]
  if (field) return { field }
  // "Hardcopy price", "Print price", "Price (paperback)".
  if (/^(?:[a-z -]{2,20} )?price(?: \([a-z -]+\))?$/.test(key)) return { field: 'price' }
  const formFirst = /^(print|web|pdf|online|electronic|e|p)[- ]?(isbn|issn)s?$/.exec(key)
  const formAfter =
    /^(isbn|issn)s?(?:-1[03])?\s*\(([a-z-]+)\)$/.exec(key) ??
    /^(isbn|issn)s?[- ](print|web|pdf|online|electronic)$/.exec(key)
  if (formFirst) {
    const word = formFirst[1] === 'e' ? 'electronic' : formFirst[1] === 'p' ? 'print' : formFirst[1]
    return { field: formFirst[2] as 'isbn' | 'issn', form: word }
  }
  if (formAfter) return { field: formAfter[1] as 'isbn' | 'issn', form: formAfter[2] }
  if (/^isbn-1[03]$/.test(key)) return { field: 'isbn' }
  return undefined
}

// Labels longest first, for "Label value" lines that a capture joined with one space.
let labelsLongestFirst: string[] | undefined

/**
 * A details line that starts with a known label and one space ("Pages 48", "Type Books"),
 * or `undefined`.
 *
 * @example
 * splitKnownLabel('Number of pages 48') // { label: 'number of pages', value: '48' }
 */
export function splitKnownLabel(text: string): LabelledLine | undefined {
  labelsLongestFirst ??= Object.keys(LABELS).sort((a, b) => b.length - a.length)
  const lower = collapseSpaces(text).toLowerCase()
  for (const label of labelsLongestFirst) {
    if (label.length < 3 || !lower.startsWith(`${label} `)) continue
    const value = collapseSpaces(text)
      .slice(label.length + 1)
      .trim()
    if (value !== '') return { label, value }
  }
  return undefined
}

export interface LabelledLine {
  label: string
  value: string
}

/**
 * Splits "Label: value", "Label<tab>value" or "Label  value" (two or more spaces), or
 * returns `undefined`. Only the shape is checked here; `fieldOfLabel` says whether the
 * label is known.
 */
export function splitLabelled(text: string): LabelledLine | undefined {
  const colon = /^([A-Za-z][A-Za-z0-9 .()/-]{0,39}?)\s*:\s*(.*)$/.exec(text)
  if (colon) return { label: colon[1] ?? '', value: collapseSpaces(colon[2] ?? '') }
  const spaced = /^([A-Za-z][A-Za-z0-9 .()/-]{0,39}?)(?:\t|\s{2,})\s*(\S.*)$/.exec(text)
  if (spaced) return { label: spaced[1] ?? '', value: collapseSpaces(spaced[2] ?? '') }
  return undefined
}

/**
 * A header line "<Type> | <Month YYYY>" or "<Type> | <DD Month YYYY>", or `undefined`.
 *
 * @example
 * readHeaderLine('Working Papers | 3 March 2021') // { type: 'Working Papers', published: '2021-03-03' }
 */
export function readHeaderLine(
  text: string,
): { type: string; published: string; pages?: number | undefined } | undefined {
  // "<Type> | <date>", and pages that add a segment: "<Type> | <date> | 48 pages".
  const segments = text.split(/[|·]/).map(collapseSpaces)
  if (segments.length < 2 || segments.length > 4) return undefined
  const [type = '', date = '', ...rest] = segments
  if (type.length < 2 || type.length > 60) return undefined
  const published = dateFromText(date)
  if (!published) return undefined
  const pages = rest
    .map((s) => (/\bpages?\b|\bpp\b/i.test(s) ? readPages(s) : undefined))
    .find(Boolean)
  if (rest.length > 0 && pages === undefined) return undefined
  return pages === undefined ? { type, published } : { type, published, pages }
}

/** "April 2013", "15 April 2013", "April 15, 2013", "2013" → a partial date. */
function dateFromText(text: string): string | undefined {
  const american = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text)
  if (american) return partialDateFromText(`${american[2]} ${american[1]} ${american[3]}`)
  return partialDateFromText(text)
}

/** A date as pages write it ("April 2013", "15 April 2013", "2013", "2013-04"), or `undefined`. */
export function readDate(text: string): string | undefined {
  const value = collapseSpaces(text)
  return dateFromText(value) ?? (partialDateProblem(value) ? undefined : value)
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
]

/** "2nd edition", "Second Edition", "3" → the edition number, or `undefined`. */
export function readEdition(text: string): number | undefined {
  const value = collapseSpaces(text)
    .toLowerCase()
    .replace(/\s*edition$/, '')
  const digits = /^(\d+)(?:st|nd|rd|th)?$/.exec(value)
  if (digits) return Number(digits[1])
  const word = ORDINALS.indexOf(value)
  return word >= 0 ? word + 1 : undefined
}

/** "148 pages", "148 pp.", "xii, 148 pages", "148" → 148, or `undefined`. */
export function readPages(text: string): number | undefined {
  const value = collapseSpaces(text)
  const match =
    /(?:^|[\s,+])(\d+)\s*(?:pages?|pp\.?|p\.)$/i.exec(value) ??
    /^(?:[ivxlc]+\s*[,+]\s*)?(\d+)$/i.exec(value)
  const pages = Number(match?.[1])
  return match && pages >= 1 ? pages : undefined
}

let languages: Map<string, string> | undefined

// Languages reports are commonly published in; a tag (fr, zh-Hant) is accepted as is.
const LANGUAGE_CODES =
  'ar bn de en es fa fr hi hy id it ja ka kk km ko ky lo mn ms my ne nl pt ru si ta tg th tl tr uk ur uz vi zh'.split(
    ' ',
  )

/** "English" → "en", "French" → "fr", "zh-Hant" → "zh-Hant"; else `undefined`. */
export function readLanguage(text: string): string | undefined {
  const value = collapseSpaces(text)
  if (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value)) return value
  if (!languages) {
    const display = new Intl.DisplayNames('en', { type: 'language' })
    languages = new Map(
      LANGUAGE_CODES.map((code) => [display.of(code)?.toLowerCase() ?? code, code]),
    )
  }
  return languages.get(value.toLowerCase())
}

/** Splits a list of subjects at semicolons, or at commas when there are none. */
export function splitSubjects(value: string): string[] {
  const separator = value.includes(';') ? ';' : ','
  return value
    .split(separator)
    .map((s) => collapseSpaces(s).replace(/\.$/, ''))
    .filter(Boolean)
}

/**
 * Reads the value of a labelled field into the draft; a value that cannot be read is listed
 * as unplaced with the reason, at its page line.
 */
export function applyField(
  ctx: PageContext,
  label: Label,
  value: string,
  line: number,
  text: string,
): void {
  const { field } = label
  switch (field) {
    case 'published': {
      const date = readDate(value)
      if (date) ctx.setOnce('published', date, line, text)
      else ctx.unplace(line, text, `not a date: expected e.g. "April 2013" or "15 April 2013"`)
      return
    }
    case 'type':
      ctx.setOnce('typeLabel', value, line, text, 'type')
      return
    case 'series':
      ctx.setOnce('seriesLabel', value, line, text, 'series')
      return
    case 'isbn':
      addIsbns(ctx, value, line, label.form)
      return
    case 'issn':
      addIssns(ctx, value, line, label.form)
      return
    case 'authors':
      addAuthors(ctx, value, line)
      return
    case 'price': {
      // "Hardcopy price: US$40.00; PDF: free": the first part that is a price.
      const parts = value.split(/\s*[;|]\s*/)
      const read = parts.map((part) => readPrice(part)).find((p) => p !== undefined)
      if (!read) {
        ctx.unplace(
          line,
          text,
          /free/i.test(value)
            ? 'a free publication has no price in the model (price needs an amount and a currency)'
            : 'not a price: expected e.g. "US$25.00" or "25 EUR"',
        )
        return
      }
      if (ctx.setOnce('price', read.price, line, text) && read.assumed)
        ctx.infer('price.currency', read.assumed, line)
      return
    }
    case 'pages': {
      const pages = readPages(value)
      if (pages) ctx.setOnce('pages', pages, line, text)
      else ctx.unplace(line, text, 'not a page count: expected e.g. "148 pages"')
      return
    }
    case 'stockNumber':
      ctx.setOnce('stockNumber', value, line, text, 'identifiers.stockNumber')
      return
    case 'doi': {
      const doi = bareDoi(value)
      if (doi) ctx.setOnce('doi', doi, line, text, 'identifiers.doi')
      else ctx.unplace(line, text, 'not a DOI: expected 10.<registrant>/<suffix>')
      return
    }
    case 'topics':
      for (const subject of splitSubjects(value)) {
        const labels = ctx.list('topicLabels')
        if (!labels.some((l) => l.label === subject)) labels.push({ label: subject, line })
      }
      return
    case 'countries':
      addCountries(ctx, value, line)
      return
    case 'edition': {
      const edition = readEdition(value)
      if (edition) ctx.setOnce('edition', edition, line, text)
      else
        ctx.unplace(line, text, 'not an edition: expected e.g. "2nd edition" or "Second Edition"')
      return
    }
    case 'publisher':
      ctx.setOnce('publisher', value, line, text)
      return
    case 'copublishers': {
      const list = ctx.list('copublishers')
      for (const name of value.split(/;|,(?![^(]*\))/)) {
        const clean = collapseSpaces(name)
        if (clean) list.push(clean)
      }
      ctx.at('copublishers', line)
      return
    }
    case 'language': {
      const language = readLanguage(value)
      if (language) ctx.setOnce('language', language, line, text)
      else ctx.unplace(line, text, `unknown language "${value}": write a BCP 47 tag such as fr`)
      return
    }
  }
}

/** Reads country names into the draft; a name that is not a country is listed with the closest one. */
export function addCountries(ctx: PageContext, value: string, line: number): void {
  for (const name of splitCountries(value)) {
    const code = countryCode(name)
    if (!code) {
      const suggestion = closestCountry(name)
      ctx.unplace(
        line,
        name,
        `not an ISO 3166-1 country${suggestion ? `, did you mean ${suggestion}?` : ' (regions are not countries)'}`,
      )
      continue
    }
    const list = ctx.list('countries')
    if (list.includes(code)) continue
    ctx.at(`countries[${list.length}]`, line)
    list.push(code)
  }
}

/** True when every item of a list names a country: an unlabelled countries line. */
export function allCountries(value: string): boolean {
  const names = splitCountries(value)
  return names.length > 0 && names.every((n) => countryCode(n) !== undefined)
}
