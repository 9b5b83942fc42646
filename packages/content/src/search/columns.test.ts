import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildColumns, rankOrder, reportColumns } from './columns.ts'

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const fullSort = (keys: readonly string[]) =>
  [...keys.keys()].sort((a, b) => byText(keys[a] as string, keys[b] as string) || a - b)

describe('rankOrder', () => {
  it('placing the changed keys again gives what sorting all gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 3 })), { maxLength: 8 }),
        (keys, edits) => {
          const first = rankOrder(keys, byText)
          expect([...first.order]).toEqual(fullSort(keys))
          const edited = [...keys]
          for (const [at, key] of edits) edited[at % keys.length] = key
          const next = rankOrder(edited, byText, first)
          expect([...next.order]).toEqual(fullSort(edited))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps the same order when no key changed, and sorts all again when many did', () => {
    const keys = Array.from({ length: 64 }, (_, i) => `k${(i * 37) % 64}`)
    const first = rankOrder(keys, byText)
    expect(rankOrder([...keys], byText, first).order).toBe(first.order)
    const reversed = [...keys].reverse()
    expect([...rankOrder(reversed, byText, first).order]).toEqual(fullSort(reversed))
  })
})

describe('buildColumns from the previous columns', () => {
  const summary = (slug: string, title: string, modified: string) =>
    ({ slug, title, modified, type: 'reports', published: '2024', language: 'en' }) as never
  it('gives the columns a fresh build gives, after a title and a date changed', () => {
    const specs = reportColumns('en')
    const items = Array.from({ length: 40 }, (_, i) =>
      summary(
        `s${i}`,
        `Title ${(i * 7) % 40}`,
        `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
      ),
    )
    const first = buildColumns(items, specs)
    const edited = [...items]
    edited[5] = summary('s5', 'Aardvark', '2025-06-01T00:00:00Z')
    const { orders: _a, ...incremental } = buildColumns(edited, specs, first)
    const { orders: _b, ...fresh } = buildColumns(edited, specs)
    expect(incremental).toEqual(fresh)
    expect(incremental.columns.titleRank).not.toEqual(first.columns.titleRank)
    expect(incremental.columns.modified).not.toEqual(first.columns.modified)
    // A column nothing changed in is the very same object.
    expect(incremental.columns.type).toBe(first.columns.type)
  })
})
