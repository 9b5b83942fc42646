// fast-check arbitraries of valid identifiers, dates and whole reports. Check digits are
// computed here, independently of src/isbn.ts and friends, so the generators are an oracle.
import fc from 'fast-check'
import { COUNTRY_CODES } from '../country.ts'
import type { ReportInput } from '../report.ts'

const digit = fc.integer({ min: 0, max: 9 })
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n })

export function isbn13Check(first12: readonly number[]): number {
  const sum = first12.reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0)
  return (10 - (sum % 10)) % 10
}

export function isbn10Check(first9: readonly number[]): string {
  const sum = first9.reduce((acc, d, i) => acc + d * (10 - i), 0)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'X' : String(check)
}

/** Cuts `text` into groups at the given positions and joins them with `separator`. */
function group(text: string, cuts: readonly number[], separator: string): string {
  const at = [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b)
  const parts: string[] = []
  let start = 0
  for (const cut of at) {
    parts.push(text.slice(start, cut))
    start = cut
  }
  parts.push(text.slice(start))
  return parts.join(separator)
}

const separator = fc.constantFrom('', '-', ' ', '\u00a0')
const cuts = fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 4 })

/** The compact digits of a valid ISBN-13 (978 or 979). */
export const compactIsbn13 = fc
  .tuple(fc.constantFrom([9, 7, 8], [9, 7, 9]), digits(9))
  .map(([prefix, rest]) => {
    const first12 = [...prefix, ...rest]
    return first12.join('') + isbn13Check(first12)
  })

/** The compact form of a valid ISBN-10. */
export const compactIsbn10 = digits(9).map((first9) => first9.join('') + isbn10Check(first9))

/** A valid ISBN-10 or ISBN-13 as editors write them: hyphens, spaces or nothing. */
export const isbn = fc
  .tuple(fc.oneof(compactIsbn13, compactIsbn10), separator, cuts)
  .map(([compact, sep, at]) => group(compact, at, sep))

export const issn = digits(7).map((first7) => {
  const sum = first7.reduce((acc, d, i) => acc + d * (8 - i), 0)
  const check = (11 - (sum % 11)) % 11
  const body = first7.join('') + (check === 10 ? 'X' : String(check))
  return `${body.slice(0, 4)}-${body.slice(4)}`
})

export const orcid = digits(15).map((first15) => {
  let total = 0
  for (const d of first15) total = (total + d) * 2
  const check = (12 - (total % 11)) % 11
  const body = first15.join('') + (check === 10 ? 'X' : String(check))
  return body.match(/.{4}/g)?.join('-') ?? body
})

export const doi = fc
  .tuple(
    fc.integer({ min: 1000, max: 999_999_999 }),
    fc.stringMatching(/^[A-Za-z0-9._;()/:-]{1,20}$/),
  )
  .map(([registrant, suffix]) => `10.${registrant}/${suffix}`)

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A valid partial date of any precision. */
export const partialDate = fc
  .record({
    year: fc.integer({ min: 1000, max: 2999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    precision: fc.constantFrom('year', 'month', 'day'),
  })
  .map(({ year, month, day, precision }) => {
    if (precision === 'year') return String(year)
    if (precision === 'month') return `${year}-${pad(month)}`
    return `${year}-${pad(month)}-${pad(Math.min(day, daysIn(year, month)))}`
  })

const word = fc.stringMatching(/^[a-z0-9]{1,8}$/)
export const slug = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join('-'))

/** Text with at least one non-space character, any Unicode. */
export const text = (maxLength: number) =>
  fc.string({ minLength: 1, maxLength, unit: 'grapheme' }).filter((s) => /\S/.test(s))

export const languageTag = fc.constantFrom(
  'en',
  'en-GB',
  'fr',
  'es-419',
  'zh-Hant',
  'fil',
  'sr-Latn-RS',
)
const translationLanguages = ['de', 'ja', 'ko', 'vi', 'id', 'th', 'ru'] as const

const url = slug.map((s) => `https://example.org/files/${s}.pdf`)

export type ContentsInput = { title: string; page?: number; children?: ContentsInput[] }

function contentsEntry(depth: number): fc.Arbitrary<ContentsInput> {
  const page = fc.integer({ min: 1, max: 999 })
  if (depth === 0) return fc.record({ title: text(60), page }, { requiredKeys: ['title'] })
  const children = fc.array(contentsEntry(depth - 1), { maxLength: 3 })
  return fc.record({ title: text(60), page, children }, { requiredKeys: ['title'] })
}

/** A table of contents up to four levels deep. */
export const contents = fc.array(contentsEntry(3), { minLength: 1, maxLength: 5 })

const person = fc.record(
  { family: text(30), given: text(30), orcid, affiliation: text(40) },
  { requiredKeys: ['family'] },
)
const organization = fc.record({ name: text(60) })
export const author = fc.oneof(person, organization)

const isbnEntry = fc.record({ value: isbn, form: fc.constantFrom('print', 'web', 'pdf', 'ebook') })

/** Canonical key of an ISBN, computed here (not with normalizeIsbn) for uniqueness. */
export function isbnKey(value: string): string {
  const compact = value.replace(/[^0-9X]/gi, '')
  return compact.length === 10 ? `978${compact.slice(0, 9)}` : compact.slice(0, 12)
}

const identifiers = fc.record(
  {
    isbn: fc.uniqueArray(isbnEntry, {
      minLength: 1,
      maxLength: 4,
      selector: (e) => isbnKey(e.value),
    }),
    issn: fc.uniqueArray(fc.record({ value: issn, form: fc.constantFrom('print', 'online') }), {
      maxLength: 2,
      selector: (e) => e.value,
    }),
    doi,
    stockNumber: fc.stringMatching(/^[A-Z]{3}[0-9]{6}$/),
  },
  { requiredKeys: ['isbn'] },
)

const file = fc.record(
  {
    url,
    mediaType: fc.constantFrom('application/pdf', 'application/epub+zip', 'text/html'),
    size: fc.integer({ min: 0, max: 50_000_000 }),
    label: text(40),
    language: languageTag,
  },
  { requiredKeys: ['url', 'mediaType'] },
)

const translation = fc
  .record({
    language: fc.constantFrom(...translationLanguages),
    link: fc.constantFrom('slug', 'url', 'both'),
    slug: slug.map((s) => `other-${s}`),
    url,
    title: fc.option(text(60), { nil: undefined }),
  })
  .map(({ language, link, slug, url, title }) => ({
    language,
    ...(link !== 'url' ? { slug } : {}),
    ...(link !== 'slug' ? { url } : {}),
    ...(title !== undefined ? { title } : {}),
  }))

const reportFields = {
  slug: slug.map((s) => `report-${s}`),
  title: text(120),
  subtitle: text(120),
  published: partialDate,
  type: fc.constantFrom('reports', 'books', 'working-papers', 'briefs'),
  series: fc.record(
    { key: slug, number: fc.stringMatching(/^[0-9]{1,3}$/) },
    { requiredKeys: ['key'] },
  ),
  edition: fc.integer({ min: 1, max: 20 }),
  supersedes: slug.map((s) => `other-${s}`),
  authors: fc.array(author, { minLength: 1, maxLength: 5 }),
  publisher: text(60),
  copublishers: fc.uniqueArray(text(60), { minLength: 1, maxLength: 3 }),
  identifiers,
  summary: text(200),
  description: fc.string({ maxLength: 400 }),
  keyFindings: fc.uniqueArray(text(120), { minLength: 1, maxLength: 6 }),
  contents,
  topics: fc.uniqueArray(slug, { minLength: 1, maxLength: 4 }),
  countries: fc.uniqueArray(fc.constantFrom(...COUNTRY_CODES), { minLength: 1, maxLength: 5 }),
  language: languageTag,
  translations: fc.uniqueArray(translation, {
    minLength: 1,
    maxLength: 3,
    selector: (t) => t.language,
  }),
  files: fc.uniqueArray(file, { minLength: 1, maxLength: 3, selector: (f) => f.url }),
  pages: fc.integer({ min: 1, max: 2000 }),
  price: fc.record({
    amount: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
    currency: fc.constantFrom('USD', 'EUR', 'PHP', 'JPY'),
  }),
  license: fc.constantFrom('CC-BY-3.0-IGO', 'CC-BY-4.0', 'https://example.org/licence'),
  related: fc.uniqueArray(
    slug.map((s) => `other-${s}`),
    { minLength: 1, maxLength: 4 },
  ),
  source: fc.record({ url: url, retrieved: partialDate, note: text(80) }, { requiredKeys: [] }),
}

const required = ['slug', 'title', 'published', 'type'] as const

/** Valid reports: the required fields plus any selection of the optional ones. */
export const report: fc.Arbitrary<ReportInput> = fc.record(reportFields, {
  requiredKeys: [...required],
}) as fc.Arbitrary<ReportInput>

/** Valid reports with every field present and every list non-empty (for mutations). */
export const completeReport: fc.Arbitrary<ReportInput> = fc.record(
  reportFields,
) as fc.Arbitrary<ReportInput>
