// The API's own response and query schemas. Report shapes come from colophon-schema, so the
// OpenAPI document, the validation and the types all have one source.

import { z } from '@hono/zod-openapi'
import { partialDateProblem, ReportSummary } from 'colophon-schema'

export const SORTS = ['relevance', 'newest', 'oldest', 'title', 'changed'] as const
export type Sort = (typeof SORTS)[number]

export const MAX_PER_PAGE = 100
export const DEFAULT_PER_PAGE = 20
export const MAX_PAGE = 10_000
export const MAX_QUERY_LENGTH = 200

const KEY_LIST = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:,[a-z0-9]+(?:-[a-z0-9]+)*)*$/

const keyList = (name: string, what: string) =>
  z
    .string()
    .max(1000, { error: `${name}: too long` })
    .regex(KEY_LIST, {
      error: `${name}: expected ${what} keys (lowercase letters, digits, hyphens), several separated by commas`,
    })
    .optional()
    .openapi({
      param: { name, in: 'query' },
      description: `${what} keys; several separated by commas match any of them`,
    })

const partialDate = (name: string, description: string) =>
  z
    .string()
    .superRefine((value, ctx) => {
      const problem = partialDateProblem(value)
      if (problem) ctx.addIssue({ code: 'custom', message: `${name}: ${problem}`, input: value })
    })
    .optional()
    .openapi({
      param: { name, in: 'query' },
      pattern: '^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$',
      description,
      examples: ['2013', '2013-04'],
    })

// Decimal digits only: Number() would also take "0x10", "0b11", "1e1" and " 1 ".
const DECIMAL = /^[0-9]{1,9}$/

const wholeNumber = (name: string, min: number, max: number) => {
  const error = `${name}: expected a whole number from ${min} to ${max}, in decimal digits`
  // A number (the typed client's) is taken as its decimal text; a URL only ever has text.
  return z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z
      .string({ error })
      .regex(DECIMAL, { error })
      .transform(Number)
      .pipe(z.int().min(min, { error }).max(max, { error })),
  )
}

/** Query of `GET /v1/reports`. Unknown parameters are rejected (strict). */
export const ListQuery = z.strictObject({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, { error: `q: at most ${MAX_QUERY_LENGTH} characters` })
    .optional()
    .openapi({
      param: { name: 'q', in: 'query' },
      description: 'Full-text query (title, authors, overview, findings, contents, ISBNs…)',
      example: 'factory asia',
    }),
  type: keyList('type', 'Type'),
  topic: keyList('topic', 'Topic'),
  series: keyList('series', 'Series'),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}(?:,[A-Za-z]{2})*$/, {
      error: 'country: expected ISO 3166-1 alpha-2 codes, several separated by commas',
    })
    .optional()
    .openapi({
      param: { name: 'country', in: 'query' },
      description: 'ISO 3166-1 alpha-2 codes; several separated by commas match any',
      example: 'PH',
    }),
  year: z
    .string()
    .regex(/^\d{4}(?:,\d{4})*$/, { error: 'year: expected four-digit years separated by commas' })
    .optional()
    .openapi({ param: { name: 'year', in: 'query' }, example: '2013' }),
  from: partialDate('from', 'Published on or after (YYYY, YYYY-MM or YYYY-MM-DD)'),
  to: partialDate('to', 'Published on or before (YYYY, YYYY-MM or YYYY-MM-DD)'),
  changedSince: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?$/, {
      error: 'changedSince: expected a UTC date, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ',
    })
    .optional()
    .openapi({
      param: { name: 'changedSince', in: 'query' },
      description:
        "Only reports whose record changed at or after this instant (their `modified`); incremental sync. Withdrawals are in OAI-PMH's deleted records.",
      example: '2024-01-01T00:00:00Z',
    }),
  sort: z
    .enum(SORTS, { error: `sort: expected one of ${SORTS.join(', ')}` })
    .optional()
    .openapi({
      param: { name: 'sort', in: 'query' },
      description:
        'Default: relevance with q, newest without; `changed`: most recently changed first',
    }),
  cursor: z
    .string()
    .max(200, { error: 'cursor: too long' })
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description:
        'A page of this catalogue snapshot (`links.nextCursor`), instead of `page`: a 410 problem when a new catalogue has been deployed since, so that a harvest never skips or repeats reports silently',
    }),
  page: wholeNumber('page', 1, MAX_PAGE)
    .optional()
    .openapi({
      param: { name: 'page', in: 'query' },
      type: 'integer',
      minimum: 1,
      maximum: MAX_PAGE,
      example: 1,
    }),
  per_page: wholeNumber('per_page', 1, MAX_PER_PAGE)
    .optional()
    .openapi({
      param: { name: 'per_page', in: 'query' },
      type: 'integer',
      minimum: 1,
      maximum: MAX_PER_PAGE,
      example: DEFAULT_PER_PAGE,
    }),
})
export type ListQuery = z.infer<typeof ListQuery>

export const FacetValue = z
  .object({ value: z.string(), label: z.string(), count: z.int().min(0) })
  .meta({ id: 'FacetValue' })
export type FacetValue = z.infer<typeof FacetValue>

export const FACETS = ['type', 'topic', 'country', 'series', 'year'] as const
export type FacetName = (typeof FACETS)[number]

export const Facets = z
  .object({
    type: z.array(FacetValue),
    topic: z.array(FacetValue),
    country: z.array(FacetValue),
    series: z.array(FacetValue),
    year: z.array(FacetValue),
  })
  .meta({
    id: 'Facets',
    description:
      "Counts per filter value over the current result; each filter's own selection is left out of its counts, so alternatives stay visible",
  })
export type Facets = z.infer<typeof Facets>

export const PageLinks = z
  .object({
    self: z.string(),
    first: z.string(),
    last: z.string(),
    prev: z.string().optional(),
    next: z.string().optional(),
    nextCursor: z
      .string()
      .optional()
      .meta({ description: 'The next page, bound to this catalogue snapshot' }),
  })
  .meta({ id: 'PageLinks' })

export const ItemLinks = z
  .object({
    self: z.string().meta({ description: 'The report in this API' }),
    web: z.string().meta({ description: "The report's page in the web app (absolute)" }),
    formats: z.record(z.string(), z.string()).meta({
      description: 'The report in each format, by format name (jsonld, bibtex, mods, …)',
    }),
  })
  .meta({ id: 'ItemLinks' })

export const ReportListItem = ReportSummary.extend({
  oaiIdentifier: z.string().meta({ description: 'The OAI-PMH identifier, oai:<host>:<slug>' }),
  links: ItemLinks,
}).meta({ id: 'ReportListItem' })

export const ReportList = z
  .object({
    total: z.int().min(0),
    page: z.int().min(1),
    perPage: z.int().min(1),
    pageCount: z.int().min(0),
    sort: z.enum(SORTS),
    items: z.array(ReportListItem),
    facets: Facets,
    links: PageLinks,
  })
  .meta({ id: 'ReportList' })
export type ReportList = z.infer<typeof ReportList>

const VocabularyCount = z
  .object({
    key: z.string(),
    label: z.string(),
    singular: z.string().optional().meta({ description: 'The label of one item ("Report")' }),
    plural: z.string().optional().meta({ description: 'The label of several items ("Reports")' }),
    aliases: z
      .array(z.string())
      .optional()
      .meta({ description: 'Other words publishers print for this entry ("Monograph")' }),
    description: z.string().optional(),
    count: z.int().min(0),
  })
  .meta({ id: 'VocabularyCount' })
const CodeCount = z.object({ code: z.string(), count: z.int().min(0) }).meta({ id: 'CodeCount' })
const YearCount = z.object({ year: z.int(), count: z.int().min(0) }).meta({ id: 'YearCount' })

export const VOCABULARY_NAMES = [
  'types',
  'series',
  'topics',
  'countries',
  'languages',
  'years',
] as const
export type VocabularyName = (typeof VOCABULARY_NAMES)[number]

export const Vocabularies = z
  .object({
    types: z.array(VocabularyCount),
    series: z.array(VocabularyCount),
    topics: z.array(VocabularyCount),
    countries: z.array(CodeCount),
    languages: z.array(CodeCount),
    years: z.array(YearCount),
  })
  .meta({ id: 'Vocabularies' })

export const VocabularyList = z
  .union([z.array(VocabularyCount), z.array(CodeCount), z.array(YearCount)])
  .meta({ id: 'VocabularyList' })

export const Health = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    name: z.string().meta({ description: "The catalogue's name" }),
    description: z.string().optional(),
    contentHash: z.string(),
    reportCount: z.int().min(0),
    schemaVersion: z.int(),
    store: z.string().meta({ description: 'Where the catalogue is read from: embedded or kv' }),
  })
  .meta({ id: 'Health' })
export type Health = z.infer<typeof Health>
