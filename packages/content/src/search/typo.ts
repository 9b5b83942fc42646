// Bounded edit distance over UTF-8 bytes, for the typo fallback.

const row = new Int32Array(64)

/**
 * Levenshtein distance between two byte ranges, or `max + 1` as soon as it must exceed `max`.
 *
 * @example
 * boundedDistance(utf8.encode('fctory'), 0, 6, utf8.encode('factory'), 1) // 1
 */
export function boundedDistance(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  max: number,
): number {
  const n = aEnd - aStart
  const m = b.length
  if (Math.abs(n - m) > max) return max + 1
  if (m + 1 > row.length) return max + 1
  for (let j = 0; j <= m; j++) row[j] = j
  for (let i = 1; i <= n; i++) {
    let diagonal = row[0] as number
    row[0] = i
    let best = i
    const ai = a[aStart + i - 1]
    for (let j = 1; j <= m; j++) {
      const above = row[j] as number
      const cost = ai === b[j - 1] ? 0 : 1
      const value = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost)
      row[j] = value
      diagonal = above
      if (value < best) best = value
    }
    if (best > max) return max + 1
  }
  return row[m] as number
}
