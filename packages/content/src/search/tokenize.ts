// The one tokenizer of indexing and querying: case and diacritics folded, possessive "'s"
// dropped, identifiers (ISBN, ISSN, DOI) recognised and kept apart from the words, so that
// they never become full-text terms and a hyphenated ISBN stays one thing.
import { identifierKey, normalizeIdentifierToken } from './identifiers.ts'

/**
 * Lower case without diacritics ("Économie" → "economie"); NFKD also splits ligatures.
 *
 * @example
 * foldText('Économie Ｆｉｎ') // 'economie fin'
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase()
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(/\p{M}+/gu, '') : lower
}

// A DOI (bare, `doi:` or a doi.org URL), an ISBN (10 or 13 digits, hyphens or single spaces
// between them, optional "ISBN" label), an ISSN (NNNN-NNNC). Validated after matching.
const IDENTIFIER_SPAN =
  /(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?\b10\.\d{4,9}(?:\.\d+)*\/[^\s"<>]+|(?<![\p{L}\p{N}])(?:isbn(?:-1[03])?:?\s*)?\d(?:[-\s]?\d){8,11}[-\s]?[\dx](?![\p{L}\p{N}])|(?<![\p{L}\p{N}-])\d{4}-\d{3}[\dx](?![\p{L}\p{N}-])/giu

const WORD = /[\p{L}\p{N}]+/gu
const ASCII_WORD = /[a-z0-9]+/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const NON_ASCII = /[^\u0000-\u007f]/
/** Cheap test that a text may hold an identifier: a run of digits, or a DOI's "10.". */
const MAY_HOLD_IDENTIFIER = /\d[\d\s-]{6,}[\dx]|\b10\.\d{4}/i

export interface Tokens {
  /** Folded words in text order (repeats kept). */
  words: string[]
  /** Identifier keys (see `identifierKey`) found in the text. */
  identifiers: string[]
}

/**
 * Splits text into folded words and identifier keys. An identifier-looking span that does
 * not validate (a wrong check digit) is read as ordinary words.
 *
 * @example
 * tokenize("Asia's ISBN 978-92-9254-047-0") // { words: ['asia'], identifiers: ['i:9789292540470'] }
 */
export function tokenize(text: string): Tokens {
  const identifiers: string[] = []
  const folded = foldText(text)
  const rest = MAY_HOLD_IDENTIFIER.test(folded)
    ? folded.replace(IDENTIFIER_SPAN, (span) => {
        const key = normalizeIdentifierToken(span)
        if (!key) return span
        identifiers.push(key)
        return ' '
      })
    : folded
  const words = splitWords(rest)
  return { words, identifiers }
}

/** Folded text → words (letters and digits; "'s" dropped, other apostrophes split). */
export function splitWords(folded: string): string[] {
  const text =
    folded.includes("'s") || folded.includes('’s') ? folded.replace(/['’]s\b/g, '') : folded
  return (NON_ASCII.test(text) ? text.match(WORD) : text.match(ASCII_WORD)) ?? []
}

export interface QueryTokens {
  /** Distinct words, in the order typed. */
  words: string[]
  /** Distinct identifier keys. */
  identifiers: string[]
  /** Whether the text ends in a word being typed (no trailing space or punctuation). */
  lastIsPrefix: boolean
  /** Tokens before removing repeats: what the term limit counts. */
  count: number
}

/**
 * Tokens of a query: identifiers by pattern, then any whitespace-separated chunk with a digit
 * that `isStockNumber` recognises (a stock number such as "RPT-000123"), then words.
 *
 * @example
 * tokenizeQuery('factory asi').lastIsPrefix // true
 */
export function tokenizeQuery(text: string, isStockNumber?: (key: string) => boolean): QueryTokens {
  const stock: string[] = []
  const rest = isStockNumber
    ? text.replace(/\S+/g, (chunk) => {
        if (!/\d/.test(chunk)) return chunk
        const key = identifierKey('stock', chunk)
        if (!key || !isStockNumber(key)) return chunk
        stock.push(key)
        return ' '
      })
    : text
  const { words, identifiers } = tokenize(rest)
  const all = [...stock, ...identifiers]
  return {
    words: [...new Set(words)],
    identifiers: [...new Set(all)],
    lastIsPrefix: words.length > 0 && /[\p{L}\p{N}]$/u.test(rest),
    count: words.length + all.length,
  }
}
