import { describe, expect, it } from 'vitest'
import { buildSearchIndex, collectSearchEntries } from './build-index.ts'
import { searchPieces } from './pieces.ts'
import type { SearchSource } from './source.ts'
import {
  replaceTermEntries,
  searchIndexFromTermEntries,
  type TermEntries,
  termEntriesOf,
} from './term-entries.ts'

const WORDS = 'asia factory trade labour wages ports coast rice delta monsoon credit bank'.split(
  ' ',
)

/** A document of words picked by `seed`, with an ISBN on every third one. */
function doc(seed: number): SearchSource {
  const pick = (n: number) =>
    Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ')
  return {
    title: `${pick(3)} ${seed}`,
    summary: pick(9),
    keyFindings: [pick(4), pick(5)],
    authors: [`Author ${seed % 4}`],
    ...(seed % 3 === 0 && { identifiers: { isbn: ['978-92-9254-047-0'] } }),
  }
}

const byTerm = (docs: readonly SearchSource[]): TermEntries =>
  termEntriesOf(collectSearchEntries(docs.length, (d) => docs[d] as SearchSource))

describe('entries by term', () => {
  const docs = Array.from({ length: 40 }, (_, i) => doc(i))

  it('give the index, byte for byte, that the entries by document give', () => {
    expect(searchPieces(searchIndexFromTermEntries(byTerm(docs)))).toEqual(
      searchPieces(buildSearchIndex(docs)),
    )
  })

  it('replace a few documents as if all were collected again, new and vanished terms too', () => {
    const edited = [...docs]
    edited[3] = { title: 'Zygomorphic quangos', summary: 'asia asia asia' }
    edited[17] = { ...doc(17), title: 'Monsoon credit' }
    edited[39] = doc(2)
    const changed = new Map([3, 17, 39].map((d) => [d, edited[d] as SearchSource]))
    const before = new Map([3, 17, 39].map((d) => [d, docs[d] as SearchSource]))
    const expected = byTerm(edited)
    // Knowing the texts before (only their terms looked into), and not knowing them.
    expect(replaceTermEntries(byTerm(docs), changed, before)).toEqual(expected)
    expect(replaceTermEntries(byTerm(docs), changed)).toEqual(expected)
    expect(searchPieces(searchIndexFromTermEntries(expected))).toEqual(
      searchPieces(buildSearchIndex(edited)),
    )
  })

  it('look into every term when the texts before are not what was indexed', () => {
    const edited = [...docs]
    edited[5] = { title: 'Delta ports' }
    const wrongBefore = new Map([[5, { title: 'Asia' } as SearchSource]])
    expect(
      replaceTermEntries(byTerm(docs), new Map([[5, edited[5] as SearchSource]]), wrongBefore),
    ).toEqual(byTerm(edited))
  })

  it('refuse a document that is not there', () => {
    expect(() => replaceTermEntries(byTerm(docs), new Map([[40, doc(1)]]))).toThrow(RangeError)
  })
})
