// What one query may cost: the API names these in its 400 for `q`.

/** Most characters of a query. */
export const MAX_QUERY_LENGTH = 200
/** Most words and identifiers of a query (repeats counted). */
export const MAX_QUERY_TERMS = 12

/** A query over the limits: `parameter` is the request parameter to name (`q`). */
export class SearchLimitError extends RangeError {
  readonly parameter = 'q'
  constructor(message: string) {
    super(message)
    this.name = 'SearchLimitError'
  }
}

/**
 * Why a query is over the limits, or `undefined`.
 *
 * @example
 * queryLimitProblem('a '.repeat(20)) // 'q: at most 12 words, found 20'
 */
export function queryLimitProblem(text: string, termCount?: number): string | undefined {
  if (text.length > MAX_QUERY_LENGTH)
    return `q: at most ${MAX_QUERY_LENGTH} characters, found ${text.length}`
  const count = termCount ?? text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  if (count > MAX_QUERY_TERMS) return `q: at most ${MAX_QUERY_TERMS} words, found ${count}`
  return undefined
}
