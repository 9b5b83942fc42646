// ORCID iD: 0000-0002-1825-0097, the last character an ISO 7064 MOD 11-2 check digit.

export const ORCID_PATTERN = '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$'

/** Why `value` is not a valid ORCID iD, or `undefined` when it is. */
export function orcidProblem(value: string): string | undefined {
  if (!new RegExp(ORCID_PATTERN).test(value)) {
    return `ORCID ${value}: expected 0000-0000-0000-000X (16 digits in four groups)`
  }
  const digits = value.replace(/-/g, '')
  let total = 0
  for (let i = 0; i < 15; i++) total = (total + Number(digits[i])) * 2
  const check = (12 - (total % 11)) % 11
  const expected = check === 10 ? 'X' : String(check)
  if (digits[15] !== expected) return `ORCID ${value}: check digit should be ${expected}`
  return undefined
}
