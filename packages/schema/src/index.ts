/**
 * colophon-schema: the Zod model of institutional research reports and catalogues, the
 * validators behind it, and small helpers every consumer needs.
 *
 * @example
 * import { Report, formatProblems } from 'colophon-schema'
 * const result = Report.safeParse(data)
 * if (!result.success) console.error(formatProblems(result.error, data))
 */
export * from './catalogue.ts'
export { COUNTRY_CODES, type CountryCode, countryProblem, isCountryCode } from './country.ts'
export { doiProblem, normalizeDoi } from './doi.ts'
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
} from './fields.ts'
export {
  compactIsbn,
  isbn10To13,
  isbn13To10,
  isbnProblem,
  isValidIsbn,
  normalizeIsbn,
} from './isbn.ts'
export { issnProblem, normalizeIssn } from './issn.ts'
export { catalogueJsonSchema, compiledReportJsonSchema, reportJsonSchema } from './json-schema.ts'
export { languageTagProblem } from './language.ts'
export { orcidProblem } from './orcid.ts'
export {
  comparePartialDates,
  type DatePrecision,
  formatPartialDate,
  type PartialDateParts,
  parsePartialDate,
  partialDateFromText,
  partialDateProblem,
} from './partial-date.ts'
export {
  explainIssues,
  formatPath,
  formatProblems,
  type PathSegment,
  type Problem,
} from './problems.ts'
export * from './report.ts'
export { slugify, slugProblem } from './slug.ts'
export { closestMatch } from './suggest.ts'
