// A bounded map that forgets the least recently used entry first. It holds resolved values
// only: a Worker must never share an in-flight promise between requests (the runtime cancels
// I/O started by a request that has ended, and the next request would wait on it forever).

/**
 * @example
 * const cache = new LruCache<string, number>(2)
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3) // 'b' is gone
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>()
  readonly limit: number

  constructor(limit: number) {
    if (!(limit >= 1)) throw new RangeError(`LruCache: limit must be at least 1, got ${limit}`)
    this.limit = limit
  }

  get size(): number {
    return this.#entries.size
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key)
    if (value === undefined) return undefined
    // Most recently used last: a Map keeps insertion order.
    this.#entries.delete(key)
    this.#entries.set(key, value)
    return value
  }

  set(key: K, value: V): void {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    while (this.#entries.size > this.limit) {
      this.#entries.delete(this.#entries.keys().next().value as K)
    }
  }

  clear(): void {
    this.#entries.clear()
  }
}
