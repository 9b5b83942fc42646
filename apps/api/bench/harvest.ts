// `pnpm --filter colophon-api exec tsx bench/harvest.ts`: what a full harvest of a generated
// catalogue costs in process, three ways: the REST API (list pages, then each report), the
// dump (one request) and OAI-PMH (ListRecords in oai_dc through every resumption token).
// Prints figures, asserts nothing; the REST way is the baseline of the ratios.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, generateCatalogue } from 'colophon-content/node'
import { createApp } from '../src/app.ts'
import { FolderStore } from '../src/store/folder.ts'

const COUNT = Number(process.env.BENCH_REPORTS ?? 10_000)
const dir = mkdtempSync(join(tmpdir(), 'colophon-harvest-bench-'))

try {
  await generateCatalogue(join(dir, 'catalogue'), { count: COUNT, seed: 1 })
  const result = await build({ dir: join(dir, 'catalogue'), out: join(dir, 'out'), entry: false })
  if (!result.ok) throw new Error('the generated catalogue did not compile')
  const fresh = () => createApp({ store: new FolderStore(join(dir, 'out')) })

  const rest = async () => {
    const app = fresh()
    let requests = 0
    let bytes = 0
    for (let page = 1; ; page++) {
      const res = await app.request(`/v1/reports?per_page=100&page=${page}&sort=oldest`)
      requests++
      const body = await res.json()
      for (const item of body.items as { slug: string }[]) {
        const report = await app.request(`/v1/reports/${item.slug}`)
        bytes += (await report.arrayBuffer()).byteLength
        requests++
      }
      if (page >= body.pageCount) break
    }
    return { requests, bytes }
  }
  const dump = async () => {
    const res = await fresh().request('/v1/dump.ndjson.gz')
    return { requests: 1, bytes: (await res.arrayBuffer()).byteLength }
  }
  const oai = async () => {
    const app = fresh()
    let requests = 0
    let bytes = 0
    let query = 'verb=ListRecords&metadataPrefix=oai_dc'
    for (;;) {
      const text = await (await app.request(`/oai?${query}`)).text()
      requests++
      bytes += text.length
      const token = /<resumptionToken[^>]*>([^<]+)</.exec(text)?.[1]
      if (!token) break
      query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`
    }
    return { requests, bytes }
  }

  const rows: [string, number, { requests: number; bytes: number }][] = []
  for (const [name, run] of [
    ['REST: list pages + each report', rest],
    ['dump.ndjson.gz', dump],
    ['OAI-PMH ListRecords oai_dc', oai],
  ] as const) {
    const start = performance.now()
    const figures = await run()
    rows.push([name, performance.now() - start, figures])
  }
  const baseline = rows[0]?.[1] ?? 1
  console.log(`full harvest of ${COUNT} reports, in process (cold caches each)`)
  for (const [name, ms, { requests, bytes }] of rows) {
    console.log(
      `${name.padEnd(32)} ${String(requests).padStart(6)} requests ${(bytes / 1048576).toFixed(1).padStart(7)} MB ${ms.toFixed(0).padStart(7)} ms  ${(ms / baseline).toFixed(2)}× of REST`,
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
