/**
 * colophon-schema: the Zod model of institutional research reports and catalogues, the
 * validators behind it, and small helpers every consumer needs.
 *
 * @example
 * import { Report, formatProblems } from 'colophon-schema'
 * const result = Report.safeParse(data)
 * if (!result.success) console.error(formatProblems(result.error, data))
 */
export * from './catalogue.js'
export { COUNTRY_CODES, type CountryCode, countryProblem, isCountryCode } from './country.js'
export { doiProblem, normalizeDoi } from './doi.js'
export {
  CountryCode as CountryCodeSchema,
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
  VocabularyKey,
} from './fields.js'
export {
  compactIsbn,
  isbn10To13,
  isbn13To10,
  isbnProblem,
  isValidIsbn,
  normalizeIsbn,
} from './isbn.js'
export { issnProblem, normalizeIssn } from './issn.js'
export { catalogueJsonSchema, reportJsonSchema } from './json-schema.js'
export { languageTagProblem } from './language.js'
export { orcidProblem } from './orcid.js'
export {
  comparePartialDates,
  type DatePrecision,
  formatPartialDate,
  type PartialDateParts,
  parsePartialDate,
  partialDateFromText,
  partialDateProblem,
} from './partial-date.js'
export {
  explainIssues,
  formatPath,
  formatProblems,
  type PathSegment,
  type Problem,
} from './problems.js'
export * from './report.js'
export { slugify, slugProblem } from './slug.js'
export { closestMatch } from './suggest.js'
