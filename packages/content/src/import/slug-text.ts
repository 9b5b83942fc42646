// Slugs for any title. Latin letters lose their diacritics (slugify does it), Greek and
// Cyrillic are transliterated letter by letter (ELOT 743 and a BGN/PCGN-like table, ASCII
// only), and a title with nothing left (CJK, emoji, punctuation) gets a stable slug from a
// hash of its text, so that the same title always gets the same slug.
import { slugify } from 'colophon-schema'

const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
}

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  қ: 'q',
  ғ: 'gh',
  ң: 'ng',
  ү: 'u',
  ұ: 'u',
  һ: 'h',
  ә: 'a',
  ө: 'o',
}

/**
 * Greek and Cyrillic letters in ASCII; every other character unchanged.
 *
 * @example
 * transliterate('Реки и города') // 'Reki i goroda'
 */
export function transliterate(text: string): string {
  let out = ''
  // Accents first, so that ά and й read as their base letters where the tables expect it.
  for (const char of text.normalize('NFC')) {
    const lower = char.toLowerCase()
    const base = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    const mapped = CYRILLIC[lower] ?? GREEK[base] ?? CYRILLIC[base]
    if (mapped === undefined) out += char
    else out += char === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1)
  }
  return out
}

/** FNV-1a, 32 bits, in base 36: short, stable across runs and platforms. */
function hash(text: string): string {
  let h = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36).padStart(7, '0')
}

/**
 * A valid slug for any text: transliterated where a transliteration exists, else
 * `<prefix>-<hash of the text>`.
 *
 * @example
 * slugFor('Θάλασσα και Λιμάνια') // 'thalassa-kai-limania'
 * slugFor('亚洲城市交通') // 'report-…' (the same for the same title)
 */
export function slugFor(text: string, prefix = 'report'): { slug: string; hashed: boolean } {
  const slug = slugify(transliterate(text))
  // A slug needs a letter or digit run; a lone digit string is kept (a year is a fine slug).
  if (slug !== '') return { slug, hashed: false }
  return { slug: `${prefix}-${hash(text.trim())}`, hashed: true }
}
