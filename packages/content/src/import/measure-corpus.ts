// Prints the corpus figures: mean share of facts recovered per page, pages imported as
// valid reports, and each fact missed. Run: pnpm --filter colophon-content exec tsx src/import/measure-corpus.ts
import { measureCorpus } from './corpus-facts.ts'

const pages = await measureCorpus()
const mean = pages.reduce((n, p) => n + p.share, 0) / pages.length
const byFact = new Map<string, [number, number]>()
for (const page of pages) {
  for (const [fact, ok] of Object.entries(page.facts)) {
    const [hit, all] = byFact.get(fact) ?? [0, 0]
    byFact.set(fact, [hit + (ok ? 1 : 0), all + 1])
  }
  const missed = Object.entries(page.facts)
    .filter(([, ok]) => !ok)
    .map(([fact]) => fact)
  console.log(
    `${page.imported ? 'imported' : 'FAILED  '}  ${page.share.toFixed(2)}  ${page.page}${missed.length ? `  missed: ${missed.join(', ')}` : ''}`,
  )
}
console.log(`facts: ${[...byFact].map(([f, [h, a]]) => `${f} ${h}/${a}`).join(', ')}`)
console.log(
  `mean share of facts recovered: ${mean.toFixed(3)}; pages imported: ${pages.filter((p) => p.imported).length} of ${pages.length}`,
)
