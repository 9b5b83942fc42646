// Proactive content negotiation on Accept (RFC 9110 §12.5.1): q-values, wildcards, and the
// most specific matching range deciding an offer's quality.

interface MediaRange {
  type: string
  subtype: string
  q: number
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = []
  for (const part of header.split(',')) {
    const [range, ...params] = part.split(';')
    const [type, subtype] = (range ?? '').trim().toLowerCase().split('/')
    if (!type || !subtype) continue
    let q = 1
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim())
      if (name?.toLowerCase() === 'q') {
        const n = Number(value)
        q = Number.isFinite(n) ? Math.min(Math.max(n, 0), 1) : 0
      }
    }
    ranges.push({ type, subtype, q })
  }
  return ranges
}

function quality(ranges: MediaRange[], mediaType: string): number {
  const [type, subtype] = mediaType.split('/')
  let best = -1
  let specificity = -1
  for (const r of ranges) {
    const s =
      r.type === type && r.subtype === subtype
        ? 2
        : r.type === type && r.subtype === '*'
          ? 1
          : r.type === '*' && r.subtype === '*'
            ? 0
            : -1
    if (s > specificity) {
      specificity = s
      best = r.q
    }
  }
  return specificity < 0 ? 0 : best
}

/**
 * The offer the client prefers, or `undefined` when it accepts none of them. Each offer is a
 * list of media types (the first is its own, the rest aliases). No Accept header accepts all;
 * ties go to the earlier offer.
 *
 * @example
 * negotiate('application/x-bibtex, application/json;q=0.5', [['application/json'], ['application/x-bibtex']]) // 1
 */
export function negotiate(
  accept: string | undefined,
  offers: readonly (readonly string[])[],
): number | undefined {
  if (!accept?.trim()) return 0
  const ranges = parseAccept(accept)
  if (ranges.length === 0) return 0
  let chosen: number | undefined
  let bestQ = 0
  offers.forEach((types, i) => {
    const q = Math.max(...types.map((t) => quality(ranges, t)))
    if (q > bestQ) {
      bestQ = q
      chosen = i
    }
  })
  return chosen
}
