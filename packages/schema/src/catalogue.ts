// The catalogue: its settings and vocabularies, and the rules that span reports.
import { z } from 'zod'
import { normalizeDoi } from './doi.ts'
import { HttpUrl, LanguageTag, NonBlank, strictObject, VocabularyKey } from './fields.ts'
import { normalizeIsbn } from './isbn.ts'
import { Report } from './report.ts'
import { closestMatch } from './suggest.ts'

export const VocabularyEntry = strictObject({
  /** The display label ("Reports"). */
  label: NonBlank.max(200),
  description: NonBlank.max(1000).optional(),
  /** Other words publishers print for this entry ("Publication", "Evaluation Document"). */
  aliases: z.array(NonBlank.max(200)).optional(),
  /** The label for one item ("Report"), when it is not the label itself. */
  singular: NonBlank.max(200).optional(),
  /** The label for several items ("Reports"), when it is not the label itself. */
  plural: NonBlank.max(200).optional(),
})
export type VocabularyEntry = z.infer<typeof VocabularyEntry>

/** Keys (slugs) to labels; the order of keys is the display order. */
export const Vocabulary = z.record(VocabularyKey, VocabularyEntry)
export type Vocabulary = z.infer<typeof Vocabulary>

export const Vocabularies = strictObject({
  types: Vocabulary,
  series: Vocabulary.optional(),
  topics: Vocabulary.optional(),
})
export type Vocabularies = z.infer<typeof Vocabularies>

/**
 * Keys used when a source gives a word that names no entry (the importer's fallback):
 * `defaults: { type: reports }`.
 */
export const VocabularyDefaults = strictObject({
  type: VocabularyKey.optional(),
  series: VocabularyKey.optional(),
  topics: VocabularyKey.optional(),
})
export type VocabularyDefaults = z.infer<typeof VocabularyDefaults>

export const SCHEMA_VERSION = 1

const settingsShape = {
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `expected schemaVersion ${SCHEMA_VERSION}` }),
  name: NonBlank.max(200),
  description: NonBlank.max(1000).optional(),
  baseUrl: HttpUrl.meta({ description: "The web app's public URL; pages and feeds link from it" }),
  defaultPublisher: NonBlank.max(300),
  language: LanguageTag.meta({ description: 'Language of reports that do not say theirs' }),
  vocabularies: Vocabularies,
  defaults: VocabularyDefaults.optional().meta({
    description: 'Vocabulary keys for words that name no entry (used by the importer)',
  }),
}

/**
 * A catalogue's own settings: name, base URL, default publisher and vocabularies.
 *
 * @example
 * CatalogueSettings.parse({
 *   schemaVersion: 1,
 *   name: 'Colophon',
 *   baseUrl: 'https://reports.example.org',
 *   defaultPublisher: 'Asian Development Bank',
 *   language: 'en',
 *   vocabularies: { types: { reports: { label: 'Reports' } } },
 * })
 */
export const CatalogueSettings = strictObject(settingsShape)
  .superRefine((settings, ctx) => {
    for (const issue of defaultsProblems(settings)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: settings })
    }
  })
  .meta({ id: 'CatalogueSettings' })
export type CatalogueSettings = z.infer<typeof CatalogueSettings>

export interface CatalogueIssue {
  path: (string | number)[]
  message: string
  /** Index of the other report involved (a duplicate's first use), when there is one. */
  otherReport?: number
}

type VocabularyName = keyof Vocabularies

const DEFAULT_VOCABULARY = { type: 'types', series: 'series', topics: 'topics' } as const

/** A default that names no entry of its vocabulary. */
function defaultsProblems(settings: {
  vocabularies: Vocabularies
  defaults?: VocabularyDefaults | undefined
}): CatalogueIssue[] {
  const issues: CatalogueIssue[] = []
  for (const [field, name] of Object.entries(DEFAULT_VOCABULARY)) {
    const key = settings.defaults?.[field as keyof VocabularyDefaults]
    if (key === undefined) continue
    const message = unknownKey(settings.vocabularies, name, key)
    if (message) issues.push({ path: ['defaults', field], message })
  }
  return issues
}

function unknownKey(
  vocabularies: Vocabularies,
  name: VocabularyName,
  key: string,
): string | undefined {
  const vocabulary = vocabularies[name] ?? {}
  if (Object.hasOwn(vocabulary, key)) return undefined
  const suggestion = closestMatch(key, Object.keys(vocabulary))
  return `"${key}" is not in the ${name} vocabulary${suggestion ? `, did you mean ${suggestion}?` : ''}`
}

/**
 * Rules across the reports of one catalogue: unique slugs, no ISBN or DOI shared by two
 * reports, vocabulary keys defined, links (`related`, `supersedes`, translations) resolved.
 * Paths start with `reports`, index.
 */
export function catalogueRules(
  settings: Pick<CatalogueSettings, 'vocabularies'>,
  reports: readonly Report[],
): CatalogueIssue[] {
  const issues: CatalogueIssue[] = []
  const bySlug = new Map<string, number>()
  const byIsbn = new Map<string, number>()
  const byDoi = new Map<string, number>()
  reports.forEach((report, index) => {
    const first = bySlug.get(report.slug)
    if (first === undefined) bySlug.set(report.slug, index)
    else
      issues.push({
        path: ['reports', index, 'slug'],
        message: `slug "${report.slug}" is already used`,
        otherReport: first,
      })

    report.identifiers?.isbn?.forEach((entry, i) => {
      const key = normalizeIsbn(entry.value)
      if (key === undefined) return
      const owner = byIsbn.get(key)
      if (owner === undefined) byIsbn.set(key, index)
      else if (owner !== index) {
        issues.push({
          path: ['reports', index, 'identifiers', 'isbn', i, 'value'],
          message: `ISBN ${entry.value} is already used by "${reports[owner]?.slug}"`,
          otherReport: owner,
        })
      }
    })
    const doi = report.identifiers?.doi && normalizeDoi(report.identifiers.doi)
    if (doi) {
      const owner = byDoi.get(doi)
      if (owner === undefined) byDoi.set(doi, index)
      else {
        issues.push({
          path: ['reports', index, 'identifiers', 'doi'],
          message: `DOI ${report.identifiers?.doi} is already used by "${reports[owner]?.slug}"`,
          otherReport: owner,
        })
      }
    }
  })

  const { vocabularies } = settings
  const vocabularyProblem = (path: (string | number)[], name: VocabularyName, key: string) => {
    const message = unknownKey(vocabularies, name, key)
    if (message) issues.push({ path, message })
  }
  const linkProblem = (path: (string | number)[], slug: string) => {
    if (bySlug.has(slug)) return
    const suggestion = closestMatch(slug, bySlug.keys())
    issues.push({
      path,
      message: `no report with slug "${slug}"${suggestion ? `, did you mean ${suggestion}?` : ''}`,
    })
  }
  reports.forEach((report, index) => {
    vocabularyProblem(['reports', index, 'type'], 'types', report.type)
    if (report.series)
      vocabularyProblem(['reports', index, 'series', 'key'], 'series', report.series.key)
    report.topics?.forEach((topic, i) => {
      vocabularyProblem(['reports', index, 'topics', i], 'topics', topic)
    })
    if (report.supersedes) linkProblem(['reports', index, 'supersedes'], report.supersedes)
    report.related?.forEach((slug, i) => {
      linkProblem(['reports', index, 'related', i], slug)
    })
    report.translations?.forEach((t, i) => {
      if (t.slug) linkProblem(['reports', index, 'translations', i, 'slug'], t.slug)
    })
  })
  return issues
}

/**
 * A whole catalogue in one document: settings plus every report, with the rules across
 * reports applied. Editors keep one file per report; this is the shape for exchange.
 */
export const Catalogue = strictObject({ ...settingsShape, reports: z.array(Report) })
  .superRefine((catalogue, ctx) => {
    const issues = [...defaultsProblems(catalogue), ...catalogueRules(catalogue, catalogue.reports)]
    for (const { path, message } of issues) {
      ctx.addIssue({ code: 'custom', path, message, input: catalogue })
    }
  })
  .meta({ id: 'Catalogue', title: 'Catalogue' })
export type Catalogue = z.infer<typeof Catalogue>
export type CatalogueInput = z.input<typeof Catalogue>
