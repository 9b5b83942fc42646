// BCP 47 language tags (RFC 5646 well-formedness: language, extlang, script, region,
// variants, extensions, private use). Irregular grandfathered tags are not accepted.

export const LANGUAGE_TAG_PATTERN =
  '^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\\d{3}))?(?:-(?:[A-Za-z\\d]{5,8}|\\d[A-Za-z\\d]{3}))*(?:-[\\dA-WYZa-wyz](?:-[A-Za-z\\d]{2,8})+)*(?:-[Xx](?:-[A-Za-z\\d]{1,8})+)?$'

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
