// A bounded map that forgets the least recently used entry first. It holds resolved values
// only: a Worker must never share an in-flight promise between requests (the runtime cancels
// I/O started by a request that has ended, and the next request would wait on it forever).

export interface LruWeightLimit<V> {
  /** The most total weight kept (the newest entry is kept even when alone it weighs more). */
  maxWeight: number
  /** An entry's weight: for a parsed piece, the bytes it was parsed from. */
  weigh: (value: V) => number
}

/**
 * Bounded by a count of entries and, optionally, by their total weight.
 *
 * @example
 * const cache = new LruCache<string, number>(2)
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3) // 'b' is gone
 * const bytes = new LruCache<string, string>(1000, { maxWeight: 1 << 20, weigh: (s) => s.length })
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, { value: V; weight: number }>()
  readonly limit: number
  readonly #weightLimit: LruWeightLimit<V> | undefined
  #weight = 0

  constructor(limit: number, weightLimit?: LruWeightLimit<V>) {
    if (!(limit >= 1)) throw new RangeError(`LruCache: limit must be at least 1, got ${limit}`)
    if (weightLimit && !(weightLimit.maxWeight > 0))
      throw new RangeError(`LruCache: maxWeight must be positive, got ${weightLimit.maxWeight}`)
    this.limit = limit
    this.#weightLimit = weightLimit
  }

  get size(): number {
    return this.#entries.size
  }

  /** The total weight of what is kept (the count of entries without a weight limit). */
  get weight(): number {
    return this.#weightLimit ? this.#weight : this.#entries.size
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key)
    if (entry === undefined) return undefined
    // Most recently used last: a Map keeps insertion order.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: K, value: V): void {
    this.#forget(key)
    const weight = this.#weightLimit?.weigh(value) ?? 0
    this.#entries.set(key, { value, weight })
    this.#weight += weight
    const maxWeight = this.#weightLimit?.maxWeight ?? Number.POSITIVE_INFINITY
    while (
      this.#entries.size > this.limit ||
      (this.#weight > maxWeight && this.#entries.size > 1)
    ) {
      this.#forget(this.#entries.keys().next().value as K)
    }
  }

  #forget(key: K): void {
    const entry = this.#entries.get(key)
    if (entry === undefined) return
    this.#entries.delete(key)
    this.#weight -= entry.weight
  }

  clear(): void {
    this.#entries.clear()
    this.#weight = 0
  }
}
