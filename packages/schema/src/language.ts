// BCP 47 language tags (RFC 5646 well-formedness: language, extlang, script, region,
// variants, extensions, private use). Irregular grandfathered tags are not accepted, nor are
// primary subtags of 4-8 letters: well-formed in RFC 5646 but none is registered, and
// refusing them catches "english" or "french" written for en or fr.
// Patterns say [0-9], not \d, so that they mean the same in other languages' regex engines
// (Python's \d also matches non-ASCII digits) when they reach the JSON Schema.

export const LANGUAGE_TAG_PATTERN =
  '^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$'

/**
 * Why `value` is not a well-formed BCP 47 language tag, or `undefined`.
 *
 * @example
 * languageTagProblem('en-GB')   // undefined
 * languageTagProblem('english') // 'language "english": expected a BCP 47 tag such as en, fr or zh-Hant'
 */
export function languageTagProblem(value: string): string | undefined {
  if (new RegExp(LANGUAGE_TAG_PATTERN).test(value)) return undefined
  return `language "${value}": expected a BCP 47 tag such as en, fr or zh-Hant`
}
