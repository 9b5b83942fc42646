// The report model: one research report as an editor writes it and an API serves it.
import { z } from 'zod'
import {
  CountryCode,
  CurrencyCode,
  Doi,
  HttpUrl,
  Isbn,
  Issn,
  LanguageTag,
  MediaType,
  NonBlank,
  Orcid,
  PartialDate,
  Slug,
  strictObject,
  VocabularyKey,
} from './fields.ts'
import { normalizeIsbn } from './isbn.ts'
import { normalizeIssn } from './issn.ts'

export const IsbnForm = z.enum(['print', 'web', 'pdf', 'ebook'], {
  error: 'expected one of print, web, pdf, ebook',
})
export type IsbnForm = z.infer<typeof IsbnForm>

export const IssnForm = z.enum(['print', 'online'], { error: 'expected print or online' })
export type IssnForm = z.infer<typeof IssnForm>

export const IsbnEntry = strictObject({ value: Isbn, form: IsbnForm })
export type IsbnEntry = z.infer<typeof IsbnEntry>

export const IssnEntry = strictObject({ value: Issn, form: IssnForm })
export type IssnEntry = z.infer<typeof IssnEntry>

export const Identifiers = strictObject({
  isbn: z.array(IsbnEntry).optional(),
  issn: z.array(IssnEntry).optional(),
  doi: Doi.optional(),
  stockNumber: NonBlank.max(60).optional().meta({ description: "Publisher's stock number" }),
})
export type Identifiers = z.infer<typeof Identifiers>

export const Person = strictObject({
  family: NonBlank.max(200),
  given: NonBlank.max(200).optional(),
  orcid: Orcid.optional(),
  affiliation: NonBlank.max(300).optional(),
})
export type Person = z.infer<typeof Person>

export const Organization = strictObject({ name: NonBlank.max(300) })
export type Organization = z.infer<typeof Organization>

export const Author = z.union([Person, Organization], {
  error: 'expected a person (family, given) or an organization (name)',
})
export type Author = z.infer<typeof Author>

/** True when an author is a person rather than an organization. */
export function isPerson(author: Author): author is Person {
  return 'family' in author
}

export interface ContentsEntry {
  title: string
  page?: number | undefined
  children?: ContentsEntry[] | undefined
}

export const ContentsEntry: z.ZodType<ContentsEntry> = strictObject({
  title: NonBlank.max(500),
  page: z.int().min(1).optional(),
  get children() {
    return z.array(ContentsEntry).optional()
  },
}).meta({
  id: 'ContentsEntry',
  description: 'An entry of the table of contents, with its sub-entries',
})

export const Series = strictObject({
  key: VocabularyKey,
  number: NonBlank.max(40).optional(),
})
export type Series = z.infer<typeof Series>

export const FileLink = strictObject({
  url: HttpUrl,
  mediaType: MediaType,
  size: z.int().min(0).optional().meta({ description: 'Size in bytes' }),
  label: NonBlank.max(200).optional(),
  language: LanguageTag.optional(),
})
export type FileLink = z.infer<typeof FileLink>

export const Translation = strictObject({
  language: LanguageTag,
  slug: Slug.optional().meta({ description: 'The translation, when it is in this catalogue' }),
  url: HttpUrl.optional(),
  title: NonBlank.max(500).optional(),
})
  .refine((t) => t.slug !== undefined || t.url !== undefined, {
    message: 'a translation needs a slug (in this catalogue) or a url',
  })
  // the same rule, for the JSON Schema (Zod does not translate refinements)
  // (each branch names its property so that strict validators such as Ajv's accept it)
  .meta({
    anyOf: [
      { required: ['slug'], properties: { slug: true } },
      { required: ['url'], properties: { url: true } },
    ],
  })
export type Translation = z.infer<typeof Translation>

export const Price = strictObject({ amount: z.number().min(0), currency: CurrencyCode })
export type Price = z.infer<typeof Price>

export const Source = strictObject({
  url: HttpUrl.optional(),
  retrieved: PartialDate.optional(),
  note: NonBlank.max(500).optional(),
})
export type Source = z.infer<typeof Source>

/** A UTC instant at second precision, `2024-05-01T09:30:00Z`: OAI-PMH's datestamp granularity. */
export const UtcDateTime = z
  .string()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/,
    'expected a UTC date and time at second precision, like 2024-05-01T09:30:00Z',
  )
  .meta({ examples: ['2024-05-01T09:30:00Z'] })

/**
 * A report taken out of the catalogue: it stays as a tombstone (410 in the API, a deleted
 * record in OAI-PMH), out of lists and search.
 */
export const Withdrawal = strictObject({
  date: PartialDate.meta({ description: 'When the report was withdrawn' }),
  reason: NonBlank.max(500).meta({ description: 'Why, in one sentence readers are shown' }),
})
export type Withdrawal = z.infer<typeof Withdrawal>

// Lists whose items must differ; JSON Schema can say so for exact repeats (uniqueItems),
// reportRules says it in words, with the index of the repeat.
function uniqueList<T extends z.ZodType>(item: T) {
  return z.array(item).meta({ uniqueItems: true })
}

const reportShape = {
  slug: Slug,
  title: NonBlank.max(500),
  subtitle: NonBlank.max(500).optional(),
  published: PartialDate,
  type: VocabularyKey.meta({ description: 'A key of the catalogue types vocabulary' }),
  series: Series.optional(),
  edition: z.int().min(1).optional(),
  supersedes: Slug.optional().meta({ description: 'Slug of the earlier edition this replaces' }),
  authors: z.array(Author).optional(),
  publisher: NonBlank.max(300).optional(),
  copublishers: uniqueList(NonBlank.max(300)).optional(),
  identifiers: Identifiers.optional(),
  summary: NonBlank.max(400).optional().meta({ description: 'One-sentence lede' }),
  description: z.string().optional().meta({ description: 'Overview, in Markdown' }),
  keyFindings: uniqueList(NonBlank).optional(),
  contents: z.array(ContentsEntry).optional(),
  topics: uniqueList(VocabularyKey).optional(),
  countries: uniqueList(CountryCode).optional(),
  language: LanguageTag.optional().meta({ description: "Defaults to the catalogue's language" }),
  translations: z.array(Translation).optional(),
  files: z.array(FileLink).optional(),
  pages: z.int().min(1).optional(),
  price: Price.optional(),
  license: NonBlank.max(200).optional().meta({ description: 'SPDX identifier or licence URL' }),
  related: uniqueList(Slug).optional(),
  source: Source.optional().meta({ description: 'Where an imported record came from' }),
  modified: UtcDateTime.optional().meta({
    description:
      "When the record last changed; overrides the date the compile takes from the file's git history",
  }),
  withdrawn: Withdrawal.optional().meta({
    description: 'Set when the report is withdrawn: it stays a tombstone, out of lists and search',
  }),
}

const ReportFields = strictObject(reportShape)

type Issue = { path: (string | number)[]; message: string }

function duplicates<T>(items: readonly T[] | undefined, key: (item: T) => string | undefined) {
  const seen = new Map<string, number>()
  const repeats: { index: number; first: number; key: string }[] = []
  items?.forEach((item, index) => {
    const k = key(item)
    if (k === undefined) return
    const first = seen.get(k)
    if (first === undefined) seen.set(k, index)
    else repeats.push({ index, first, key: k })
  })
  return repeats
}

/** Rules that involve more than one field of the same report. */
export function reportRules(report: z.infer<typeof ReportFields>): Issue[] {
  const issues: Issue[] = []
  for (const d of duplicates(report.identifiers?.isbn, (e) => normalizeIsbn(e.value))) {
    const first = report.identifiers?.isbn?.[d.first]?.value
    issues.push({
      path: ['identifiers', 'isbn', d.index, 'value'],
      message: `ISBN ${report.identifiers?.isbn?.[d.index]?.value} is listed twice (same as ${first} at isbn[${d.first}])`,
    })
  }
  for (const d of duplicates(report.identifiers?.issn, (e) => normalizeIssn(e.value))) {
    issues.push({
      path: ['identifiers', 'issn', d.index, 'value'],
      message: `ISSN ${d.key} is listed twice`,
    })
  }
  const lists = ['topics', 'countries', 'related', 'copublishers', 'keyFindings'] as const
  for (const field of lists) {
    for (const d of duplicates(report[field] as string[] | undefined, (v) => v)) {
      issues.push({ path: [field, d.index], message: `"${d.key}" is listed twice` })
    }
  }
  for (const d of duplicates(report.files, (f) => f.url)) {
    issues.push({ path: ['files', d.index, 'url'], message: `${d.key} is listed twice` })
  }
  for (const d of duplicates(report.translations, (t) => t.language)) {
    issues.push({
      path: ['translations', d.index, 'language'],
      message: `two translations in ${d.key}`,
    })
  }
  if (report.supersedes === report.slug) {
    issues.push({ path: ['supersedes'], message: 'a report cannot supersede itself' })
  }
  report.related?.forEach((slug, index) => {
    if (slug === report.slug)
      issues.push({ path: ['related', index], message: 'a report cannot be related to itself' })
  })
  if (report.language && report.translations?.some((t) => t.language === report.language)) {
    const index = report.translations.findIndex((t) => t.language === report.language)
    issues.push({
      path: ['translations', index, 'language'],
      message: `a translation cannot be in the report's own language (${report.language})`,
    })
  }
  return issues
}

/**
 * A research report, as written in a catalogue file and served by the API.
 *
 * @example
 * import { Report } from 'colophon-schema'
 * const report = Report.parse({
 *   slug: 'beyond-factory-asia',
 *   title: 'Beyond Factory Asia: Fuelling Growth in a Changing World',
 *   published: '2013-04',
 *   type: 'reports',
 *   identifiers: { isbn: [{ value: '978-92-9254-047-0', form: 'print' }] },
 * })
 */
export const Report = ReportFields.superRefine((report, ctx) => {
  for (const issue of reportRules(report)) ctx.addIssue({ code: 'custom', ...issue, input: report })
}).meta({ id: 'Report', title: 'Report', description: 'An institutional research report' })
export type Report = z.infer<typeof Report>
export type ReportInput = z.input<typeof Report>

/** The fields of a report that a list or search result shows. */
export const ReportSummary = ReportFields.pick({
  slug: true,
  title: true,
  subtitle: true,
  summary: true,
  published: true,
  type: true,
  series: true,
  authors: true,
  topics: true,
  countries: true,
  language: true,
  identifiers: true,
})
  .extend({
    modified: UtcDateTime.meta({
      description: 'When the record last changed (see CompiledReport)',
    }),
  })
  .meta({ id: 'ReportSummary' })
export type ReportSummary = z.infer<typeof ReportSummary>

/** Picks a report's summary fields, dropping those that are absent. */
export function toSummary(report: CompiledReport): ReportSummary {
  const summary: Record<string, unknown> = {}
  for (const key of Object.keys(ReportSummary.shape)) {
    const value = report[key as keyof CompiledReport]
    if (value !== undefined) summary[key] = value
  }
  return summary as ReportSummary
}

/**
 * A report as the compile step emits it: the source fields plus the overview rendered to
 * safe HTML and the publisher and language resolved from the catalogue's defaults.
 */
export const CompiledReport = ReportFields.extend({
  publisher: NonBlank.max(300),
  language: LanguageTag,
  modified: UtcDateTime.meta({
    description:
      "When the record last changed: the file's `modified`, else its last commit, else the catalogue's (see colophon-content's README)",
  }),
  descriptionHtml: z
    .string()
    .optional()
    .meta({ description: 'The overview rendered to safe HTML' }),
}).meta({ id: 'CompiledReport' })
export type CompiledReport = z.infer<typeof CompiledReport>
