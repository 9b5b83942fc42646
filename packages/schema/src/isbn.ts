// ISBN-10 / ISBN-13: shape, check digits, and one canonical form (13 digits, no separators)
// so that a lookup matches whichever form an editor or a reader typed.

/**
 * Digits (and a final X for ISBN-10) with hyphens and spaces removed, upper-cased. Does not
 * validate.
 *
 * @example
 * compactIsbn('0-306-40615-x') // '030640615X'
 */
export function compactIsbn(value: string): string {
  return value.replace(/[\s\u00a0-]/g, '').toUpperCase()
}

function isbn10CheckDigit(first9: string): string {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(first9[i])
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'X' : String(check)
}

function isbn13CheckDigit(first12: string): string {
  let sum = 0
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(first12[i])
  return String((10 - (sum % 10)) % 10)
}

/**
 * Why `value` is not a valid ISBN-10 or ISBN-13, in words an editor understands, or
 * `undefined` when it is valid.
 *
 * @example
 * isbnProblem('978-92-9254-047-1') // 'ISBN 978-92-9254-047-1: check digit should be 0'
 * isbnProblem('978-92-9254-047-0') // undefined
 */
export function isbnProblem(value: string): string | undefined {
  if (!/^[0-9Xx][0-9Xx \u00a0-]*$/.test(value) || /[ \u00a0-]{2}|[ \u00a0-]$/.test(value)) {
    return `ISBN ${value}: expected 10 or 13 digits, optionally separated by single hyphens or spaces`
  }
  const compact = compactIsbn(value)
  if (compact.length === 13) {
    if (!/^\d{13}$/.test(compact)) return `ISBN ${value}: an ISBN-13 has digits only`
    if (!/^97[89]/.test(compact)) return `ISBN ${value}: an ISBN-13 starts with 978 or 979`
    const expected = isbn13CheckDigit(compact.slice(0, 12))
    if (compact[12] !== expected) return `ISBN ${value}: check digit should be ${expected}`
    return undefined
  }
  if (compact.length === 10) {
    if (!/^\d{9}[\dX]$/.test(compact)) {
      return `ISBN ${value}: an ISBN-10 has nine digits and a final digit or X`
    }
    const expected = isbn10CheckDigit(compact.slice(0, 9))
    if (compact[9] !== expected) return `ISBN ${value}: check digit should be ${expected}`
    return undefined
  }
  return `ISBN ${value}: expected 10 or 13 digits, found ${compact.replace(/X/g, '').length}`
}

/**
 * True when `value` is a valid ISBN-10 or ISBN-13 in any usual notation.
 *
 * @example
 * isValidIsbn('978 92 9254 047 0') // true
 * isValidIsbn('978-92-9254-047-1') // false
 */
export function isValidIsbn(value: string): boolean {
  return isbnProblem(value) === undefined
}

/**
 * Converts a valid ISBN-10 to its ISBN-13 (978 prefix), compact. Throws a `RangeError` for
 * anything that is not a valid ISBN-10.
 *
 * @example
 * isbn10To13('92-9254-047-5') // '9789292540470'
 */
export function isbn10To13(isbn10: string): string {
  const compact = compactIsbn(isbn10)
  if (compact.length !== 10 || !isValidIsbn(compact))
    throw new RangeError(`not a valid ISBN-10: ${isbn10}`)
  const first12 = `978${compact.slice(0, 9)}`
  return first12 + isbn13CheckDigit(first12)
}

/**
 * Converts a valid 978-prefixed ISBN-13 to ISBN-10 (compact), or returns `undefined` for
 * 979 ISBNs, which have no ISBN-10. Throws a `RangeError` for anything that is not a valid
 * ISBN-13.
 *
 * @example
 * isbn13To10('978-92-9254-047-0') // '9292540475'
 * isbn13To10('979-10-90636-07-1') // undefined
 */
export function isbn13To10(isbn13: string): string | undefined {
  const compact = compactIsbn(isbn13)
  if (compact.length !== 13 || !isValidIsbn(compact))
    throw new RangeError(`not a valid ISBN-13: ${isbn13}`)
  if (!compact.startsWith('978')) return undefined
  const first9 = compact.slice(3, 12)
  return first9 + isbn10CheckDigit(first9)
}

/**
 * The canonical form used for comparison and lookup: 13 digits, no separators (an ISBN-10
 * is converted to its ISBN-13). Returns `undefined` for a value that is not a valid ISBN.
 *
 * @example
 * normalizeIsbn('978-92-9254-047-0') // '9789292540470'
 * normalizeIsbn('92-9254-047-5')     // '9789292540470' (the same book's ISBN-10)
 * normalizeIsbn('978-92-9254-047-1') // undefined
 */
export function normalizeIsbn(value: string): string | undefined {
  if (!isValidIsbn(value)) return undefined
  const compact = compactIsbn(value)
  return compact.length === 10 ? isbn10To13(compact) : compact
}
