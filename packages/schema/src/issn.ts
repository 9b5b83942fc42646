// ISSN (ISO 3297): eight characters, NNNN-NNNC, where C is a mod-11 check digit or X.

function issnCheckDigit(first7: string): string {
  let sum = 0
  for (let i = 0; i < 7; i++) sum += (8 - i) * Number(first7[i])
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'X' : String(check)
}

/**
 * Why `value` is not a valid ISSN, or `undefined` when it is.
 *
 * @example
 * issnProblem('0378-5955') // undefined
 * issnProblem('0378-5954') // 'ISSN 0378-5954: check digit should be 5'
 */
export function issnProblem(value: string): string | undefined {
  if (!/^\d{4}-?\d{3}[\dXx]$/.test(value))
    return `ISSN ${value}: expected NNNN-NNNC (C a digit or X)`
  const compact = value.replace('-', '').toUpperCase()
  const expected = issnCheckDigit(compact.slice(0, 7))
  if (compact[7] !== expected) return `ISSN ${value}: check digit should be ${expected}`
  return undefined
}

/** The canonical form `NNNN-NNNC`, or `undefined` for an invalid ISSN. */
export function normalizeIssn(value: string): string | undefined {
  if (issnProblem(value)) return undefined
  const compact = value.replace('-', '').toUpperCase()
  return `${compact.slice(0, 4)}-${compact.slice(4)}`
}
