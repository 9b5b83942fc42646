import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCatalogue, queryKey } from './catalogue.ts'
import { FolderStore } from './store/folder.ts'
import { buildFixture, type Fixture, REFERENCE_SLUG } from './test-support/fixture.ts'

let fixture: Fixture
beforeAll(async () => {
  fixture = await buildFixture()
})
afterAll(() => fixture.cleanup())

describe('a catalogue snapshot', () => {
  it('finds reports by text through its engine, doc ids = positions in the list', async () => {
    const catalogue = await openCatalogue(new FolderStore(fixture.out))
    const { hits } = await catalogue.textHits('factory asia')
    const slugs = (await catalogue.snapshot.summariesOf(hits.docs)).map((s) => s.slug)
    expect(slugs).toContain(REFERENCE_SLUG)
  })

  it('keeps the hits of a query: the same query again (any case, any spacing) is cached', async () => {
    const catalogue = await openCatalogue(new FolderStore(fixture.out))
    const first = await catalogue.textHits('Trade  Finance')
    expect(first.cached).toBe(false)
    const again = await catalogue.textHits('trade finance')
    expect(again.cached).toBe(true)
    expect(again.hits).toBe(first.hits)
    // A trailing space means the word is complete: another query.
    expect((await catalogue.textHits('trade finance ')).cached).toBe(false)
  })

  it('gives summaries by doc id in the order asked, repeats and cache hits alike', async () => {
    const catalogue = await openCatalogue(new FolderStore(fixture.out))
    const all = await catalogue.allSummaries()
    const ids = [all.length - 1, 0, 2, 0, 1]
    const want = ids.map((id) => all[id]?.slug)
    expect((await catalogue.summariesOf(ids)).map((s) => s.slug)).toEqual(want)
    // Again, now from the cache, and mixed with one it has not seen.
    expect((await catalogue.summariesOf([...ids, 3])).map((s) => s.slug)).toEqual([
      ...want,
      all[3]?.slug,
    ])
  })

  it('builds the engine once per snapshot and keeps only the resolved engine', async () => {
    const catalogue = await openCatalogue(new FolderStore(fixture.out))
    const [a, b] = await Promise.all([catalogue.engine(), catalogue.engine()])
    expect(await catalogue.engine()).toBe(a)
    expect(b).toBe(a)
    expect(a.columns.count).toBe(catalogue.reportCount)
  })
})

describe('queryKey', () => {
  it('folds case and runs of spaces, keeps a trailing space', () => {
    expect(queryKey('  Factory   ASIA')).toBe('factory asia')
    expect(queryKey('factory ')).toBe('factory ')
  })
})
