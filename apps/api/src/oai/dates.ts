// OAI-PMH's `from` and `until`: UTC dates at day or second granularity, both the same.

export type Granularity = 'day' | 'second'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/

/**
 * A `from`/`until` value as the datestamp bounds it means (`until` a day → its last second),
 * or undefined when it is not a real UTC date in either granularity.
 *
 * @example
 * parseOaiDate('2024-02-29', 'until') // { granularity: 'day', value: '2024-02-29T23:59:59Z' }
 */
export function parseOaiDate(
  text: string,
  bound: 'from' | 'until',
): { granularity: Granularity; value: string } | undefined {
  const match = DAY.exec(text) ?? SECOND.exec(text)
  if (!match) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match
  const date = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)),
  )
  // Rejects 2023-02-30, 25:00:00 and the like, which Date would roll over.
  if (
    Number.isNaN(date.getTime()) ||
    `${date.toISOString().slice(0, 19)}Z` !== `${y}-${mo}-${d}T${h}:${mi}:${s}Z`
  )
    return undefined
  if (text.length === 10) {
    return { granularity: 'day', value: `${text}T${bound === 'from' ? '00:00:00' : '23:59:59'}Z` }
  }
  return { granularity: 'second', value: text }
}
