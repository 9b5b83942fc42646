import { describe, expect, it } from 'vitest'
import { measureCorpus } from './corpus-facts.ts'

// Every invented page of the corpus imports as a valid report with every expected fact:
// each page shows one layout the importer once got wrong (see corpus/expected.json).
describe('the corpus of invented pages', async () => {
  const pages = await measureCorpus()
  it.each(pages.map((p) => [p.page, p] as const))(
    '%s: every fact, and a valid report',
    (_, page) => {
      const missed = Object.entries(page.facts)
        .filter(([, ok]) => !ok)
        .map(([fact]) => fact)
      expect(missed).toEqual([])
      expect(page.imported).toBe(true)
    },
  )
})
