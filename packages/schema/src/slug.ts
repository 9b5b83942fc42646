// Slugs: lowercase ASCII words joined by single hyphens, stable in URLs and file names.

export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$'
const slugRegex = new RegExp(SLUG_PATTERN)
export const SLUG_MAX_LENGTH = 100

/**
 * Why `value` is not a slug, or `undefined` when it is one.
 *
 * @example
 * slugProblem('Beyond Factory Asia') // 'slug "Beyond Factory Asia": use lowercase letters, digits and single hyphens, e.g. "beyond-factory-asia"'
 */
export function slugProblem(value: string): string | undefined {
  if (value.length > SLUG_MAX_LENGTH)
    return `slug "${value}": at most ${SLUG_MAX_LENGTH} characters`
  if (slugRegex.test(value)) return undefined
  const suggestion = slugify(value)
  return `slug "${value}": use lowercase letters, digits and single hyphens${suggestion ? `, e.g. "${suggestion}"` : ''}`
}

/**
 * Turns a title into a slug: accents dropped, words joined by hyphens, at most `maxLength`
 * characters, cut at a word boundary.
 *
 * @example
 * slugify('Beyond Factory Asia: Fuelling Growth in a Changing World')
 * // 'beyond-factory-asia-fuelling-growth-in-a-changing-world'
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug
  const cut = slug.slice(0, maxLength + 1)
  const boundary = cut.lastIndexOf('-')
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, '')
}
