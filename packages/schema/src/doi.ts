// DOI syntax (ISO 26324 / Crossref's recommended pattern): "10.", a registrant code of
// digits and dots, "/", and a suffix of printable characters. Case-insensitive.

export const DOI_PATTERN = '^10\\.[0-9]{4,9}(?:\\.[0-9]+)*/\\S+$'
const doiRegex = new RegExp(DOI_PATTERN)

/**
 * The bare DOI (`10.…`) from a DOI, a `doi:` name, or a doi.org URL, or `undefined`.
 *
 * @example
 * normalizeDoi('https://doi.org/10.22617/TCS135555') // '10.22617/tcs135555'
 */
export function normalizeDoi(value: string): string | undefined {
  const bare = value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
  if (!doiRegex.test(bare)) return undefined
  return bare.toLowerCase()
}

/**
 * Why `value` is not a bare DOI, or `undefined` when it is. Catalogue files store the bare
 * DOI (`10.22617/TCS135555`), not a URL.
 */
export function doiProblem(value: string): string | undefined {
  if (doiRegex.test(value)) return undefined
  if (normalizeDoi(value)) return `DOI ${value}: write the bare DOI, starting with "10."`
  return `DOI ${value}: expected 10.<registrant>/<suffix>, e.g. 10.22617/TCS135555`
}
