// The loop of a parse worker (parse-pool.ts): reads and parses the batches of report files it
// is sent, in order. Started by parse-worker.js (sources, through tsx) or by the CLI bundle's
// own worker file (scripts/bundle-cli.mjs).
import { parentPort } from 'node:worker_threads'
import { parseReport } from './compiler.ts'
import type { ParsedSource, SourcePath } from './parse-pool.ts'
import { readSourceFileSync } from './source-files.ts'

/** Answers each batch of files posted to this worker with their parses. */
export function serveParses(): void {
  const port = parentPort
  if (!port) throw new Error('serveParses runs on a worker thread')
  port.on('message', (items: SourcePath[]) => {
    try {
      const results = items.map(({ path, file, root }): ParsedSource => {
        const read = readSourceFileSync(path, root)
        if (!('text' in read)) return { file, text: '', slug: '', problems: [], read }
        return { file, text: read.text, ...parseReport(file, read.text) }
      })
      port.postMessage({ results })
    } catch (error) {
      port.postMessage({ error: String((error as Error)?.stack ?? error) })
    }
  })
}
