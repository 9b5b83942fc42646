// The loop of a parse worker (parse-pool.ts): reads and parses the batches of report files it
// is sent, in order. Started by parse-worker.js (sources, through tsx) or by the CLI bundle's
// own worker entry (parse-worker-bundle.ts).
import { parentPort } from 'node:worker_threads'
import { sourceKey } from './build-cache.ts'
import { parseReport } from './compiler.ts'
import type { ParseBatch, ParsedSource } from './parse-pool.ts'
import { readSourceFileSync, unreadText } from './source-files.ts'

/** Answers each batch of files posted to this worker with their parses. */
export function serveParses(): void {
  const port = parentPort
  if (!port) throw new Error('serveParses runs on a worker thread')
  port.on('message', ({ items, texts }: ParseBatch) => {
    try {
      const results = items.map(({ path, file, root, text: given }): ParsedSource => {
        const read = given === undefined ? readSourceFileSync(path, root) : { text: given }
        if (!('text' in read)) {
          const key = sourceKey(file, unreadText(read))
          return { file, text: '', key, slug: '', problems: [], read }
        }
        return {
          file,
          text: texts ? read.text : '',
          key: sourceKey(file, read.text),
          ...parseReport(file, read.text),
        }
      })
      port.postMessage({ results })
    } catch (error) {
      port.postMessage({ error: String((error as Error)?.stack ?? error) })
    }
  })
}
