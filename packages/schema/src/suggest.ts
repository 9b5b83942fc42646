// "Did you mean …?" for misspelt keys: the closest candidate by edit distance, where
// swapping two neighbouring letters (titel/title) counts as one edit.

function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    const above = rows[i - 1] as number[]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] as number) + 1)
      }
      row[j] = best
    }
    rows.push(row)
  }
  return rows[a.length]?.[b.length] as number
}

/**
 * The candidate closest to `input` when it is close enough to be a likely typo
 * (case-insensitive, distance at most a third of the length, minimum 1), else `undefined`.
 *
 * @example
 * closestMatch('titel', ['title', 'subtitle', 'slug']) // 'title'
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase()
  let best: string | undefined
  let bestDistance = Math.max(1, Math.floor(needle.length / 3))
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase())
    if (distance < bestDistance || (distance === bestDistance && best === undefined)) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
