import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LruCache } from './lru-cache.ts'

describe('LruCache', () => {
  it('forgets the least recently used entry past its count', () => {
    const cache = new LruCache<string, number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.get('a')).toBe(1)
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3])
  })

  it('forgets entries past its total weight, however many fit by count', () => {
    const cache = new LruCache<string, string>(100, { maxWeight: 10, weigh: (s) => s.length })
    cache.set('a', 'xxxx')
    cache.set('b', 'yyyy')
    cache.get('a')
    cache.set('c', 'zzzz') // 12 > 10: 'b', the least recently used, goes
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['xxxx', undefined, 'zzzz'])
    expect(cache.weight).toBe(8)
    // Replacing an entry counts only its new weight.
    cache.set('a', 'x')
    expect(cache.weight).toBe(5)
  })

  it('keeps the newest entry even when it alone weighs more than the limit', () => {
    const cache = new LruCache<string, string>(100, { maxWeight: 3, weigh: (s) => s.length })
    cache.set('a', 'x')
    cache.set('big', 'xxxxxxx')
    expect([cache.get('a'), cache.get('big')]).toEqual([undefined, 'xxxxxxx'])
  })

  it('never holds more than its bounds allow, whatever the sequence of writes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.string({ maxLength: 9 }))),
        (writes) => {
          const cache = new LruCache<number, string>(5, { maxWeight: 12, weigh: (s) => s.length })
          for (const [key, value] of writes) {
            cache.set(key, value)
            expect(cache.get(key)).toBe(value)
            expect(cache.size).toBeLessThanOrEqual(5)
            if (cache.size > 1) expect(cache.weight).toBeLessThanOrEqual(12)
          }
        },
      ),
    )
  })

  it('refuses bounds that could hold nothing', () => {
    expect(() => new LruCache(0)).toThrow(RangeError)
    expect(() => new LruCache(1, { maxWeight: 0, weigh: () => 1 })).toThrow(/maxWeight/)
  })
})
