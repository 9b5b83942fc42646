// Display helpers for report fields. Small and dependency-free so they stay in the first
// page's bundle without weight.
import type { Author, IsbnEntry, IssnEntry } from 'colophon-schema'

// A local check rather than colophon-schema's isPerson: importing it would pull the Zod
// model (report.ts) into the first page's bundle.
function isPerson(author: Author): author is Extract<Author, { family: string }> {
  return 'family' in author
}

/** "Given Family" for a person, the name for an organization. */
export function authorName(author: Author): string {
  if (isPerson(author)) return author.given ? `${author.given} ${author.family}` : author.family
  return author.name
}

/**
 * Joins names the way a title page does.
 *
 * @example
 * joinNames(['A', 'B', 'C']) // 'A, B and C'
 */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

export function formatAuthors(authors: readonly Author[] | undefined): string {
  return joinNames((authors ?? []).map(authorName))
}

/** "978-92-9254-047-0 (print)". */
export function formatIdentifier(entry: IsbnEntry | IssnEntry): string {
  return `${entry.value} (${entry.form})`
}

const units = ['bytes', 'KB', 'MB', 'GB'] as const

/**
 * @example
 * formatBytes(2_400_000) // '2.3 MB'
 */
export function formatBytes(size: number): string {
  let value = size
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1
  return `${value.toFixed(digits)} ${units[unit]}`
}

const mediaTypes: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/epub+zip': 'EPUB',
  'text/html': 'HTML',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'text/csv': 'CSV',
}

export function mediaTypeLabel(mediaType: string): string {
  return mediaTypes[mediaType] ?? mediaType.split('/').pop()?.toUpperCase() ?? mediaType
}

// Names are looked up once per code: building an Intl.DisplayNames costs microseconds, each
// lookup goes to ICU, and a server renders the same few codes on every page. A code can come
// from a reader's URL (`?country=…`), so each memo is bounded: past NAMES_KEPT codes, names
// are looked up and not kept.
const NAMES_KEPT = 1000
let regions: Intl.DisplayNames | undefined
let languages: Intl.DisplayNames | undefined
const regionNames = new Map<string, string>()
const languageNames = new Map<string, string>()

function keep(names: Map<string, string>, code: string, name: string): void {
  if (names.size < NAMES_KEPT) names.set(code, name)
}

/** English name of an ISO 3166-1 alpha-2 code, from the browser's own data. */
export function countryName(code: string): string {
  let name = regionNames.get(code)
  if (name === undefined) {
    try {
      regions ??= new Intl.DisplayNames(['en'], { type: 'region' })
      name = regions.of(code.toUpperCase()) ?? code
    } catch {
      name = code
    }
    keep(regionNames, code, name)
  }
  return name
}

/** English name of a BCP 47 language tag. */
export function languageName(tag: string): string {
  let name = languageNames.get(tag)
  if (name === undefined) {
    try {
      languages ??= new Intl.DisplayNames(['en'], { type: 'language' })
      name = languages.of(tag) ?? tag
    } catch {
      name = tag
    }
    keep(languageNames, tag, name)
  }
  return name
}

/** "1 report", "12 reports". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`
}
