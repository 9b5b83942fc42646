// Building blocks shared by the report and catalogue models: strings with rules, each
// carrying an editor-readable message and, for the JSON Schema, the pattern it can express.
import { z } from 'zod'
import { COUNTRY_CODES, countryProblem } from './country.ts'
import { DOI_PATTERN, doiProblem } from './doi.ts'
import { isbnProblem } from './isbn.ts'
import { issnProblem } from './issn.ts'
import { LANGUAGE_TAG_PATTERN, languageTagProblem } from './language.ts'
import { ORCID_PATTERN, orcidProblem } from './orcid.ts'
import { PARTIAL_DATE_STRICT_PATTERN, partialDateProblem } from './partial-date.ts'
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugProblem } from './slug.ts'
import { closestMatch } from './suggest.ts'

/** A string checked by `problem`; `meta` carries what JSON Schema can say about it. */
function ruled(problem: (value: string) => string | undefined, meta: Record<string, unknown>) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const message = problem(value)
      if (message) ctx.addIssue({ code: 'custom', message, input: value })
    })
    .meta(meta)
}

/**
 * An object that rejects unknown keys, one message line per key in the order of the
 * issue's `keys`, each with the closest known field when there is one.
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape)
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined
      return issue.keys.map((key) => unknownFieldMessage(key, known)).join('\n')
    },
  })
}

export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const suggestion = closestMatch(key, known)
  return `${key}: unknown field${suggestion ? `, did you mean ${suggestion}?` : ''}`
}

export const NonBlank = z.string().regex(/\S/, 'must not be empty')

export const Slug = ruled(slugProblem, {
  pattern: SLUG_PATTERN,
  maxLength: SLUG_MAX_LENGTH,
  description: 'URL-safe identifier: lowercase letters, digits and single hyphens',
  examples: ['beyond-factory-asia'],
})

export const VocabularyKey = Slug.meta({
  description: 'A key of one of the catalogue vocabularies',
  examples: ['reports'],
})

export const PartialDate = ruled(partialDateProblem, {
  pattern: PARTIAL_DATE_STRICT_PATTERN,
  description: 'A date with the precision known: YYYY, YYYY-MM or YYYY-MM-DD',
  examples: ['2013', '2013-04', '2013-04-15'],
})

// The separators isbnProblem accepts: one hyphen, space or no-break space between digits.
const ISBN_SEP = '[ \\u00a0-]?'

export const Isbn = ruled(isbnProblem, {
  pattern: `^[0-9](?:${ISBN_SEP}[0-9]){8}${ISBN_SEP}[0-9Xx]$|^9${ISBN_SEP}7${ISBN_SEP}[89](?:${ISBN_SEP}[0-9]){9}${ISBN_SEP}[0-9]$`,
  description: 'ISBN-10 or ISBN-13 with a valid check digit, hyphens or spaces allowed',
  examples: ['978-92-9254-047-0'],
})

export const Issn = ruled(issnProblem, {
  pattern: '^[0-9]{4}-?[0-9]{3}[0-9Xx]$',
  description: 'ISSN with a valid check digit',
  examples: ['2071-7202'],
})

export const Doi = ruled(doiProblem, {
  pattern: DOI_PATTERN,
  description: 'A bare DOI, without https://doi.org/',
  examples: ['10.22617/TCS135555'],
})

export const Orcid = ruled(orcidProblem, {
  pattern: ORCID_PATTERN,
  description: 'ORCID iD with a valid check digit',
  examples: ['0000-0002-1825-0097'],
})

export const LanguageTag = ruled(languageTagProblem, {
  pattern: LANGUAGE_TAG_PATTERN,
  description: 'BCP 47 language tag',
  examples: ['en', 'fr', 'zh-Hant'],
})

export const CountryCode = z
  .enum(COUNTRY_CODES, { error: (issue) => countryProblem(String(issue.input)) })
  .meta({ description: 'ISO 3166-1 alpha-2 country code' })

// Stricter than z.url(): no surrounding spaces (z.url() trims, so output would differ from
// input), scheme written in lower case, and the same prefix rule the JSON Schema carries.
const HTTP_URL_PATTERN = '^https?://\\S+$'

// A global in every runtime this package targets (Node, browsers, Workers, Deno, Bun), but
// not part of the ES library the build compiles against.
declare const URL: new (url: string) => unknown

function parses(url: string): boolean {
  try {
    new URL(url) // URL.canParse is missing from browsers before 2023
    return true
  } catch {
    return false
  }
}

function httpUrlProblem(value: string): string | undefined {
  if (new RegExp(HTTP_URL_PATTERN).test(value) && parses(value)) return undefined
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value.trim())?.[1]
  if (scheme && !/^https?$/i.test(scheme)) {
    return `expected an absolute http(s) URL, not a ${scheme.toLowerCase()}: URL`
  }
  return 'expected an absolute http(s) URL'
}

export const HttpUrl = ruled(httpUrlProblem, {
  format: 'uri',
  pattern: HTTP_URL_PATTERN,
  description: 'Absolute http or https URL',
})

export const MediaType = z
  .string()
  .regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'expected a media type such as application/pdf')
  .meta({ examples: ['application/pdf', 'application/epub+zip'] })

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as USD')
