// Worker thread for parse-pool.ts: loads the TypeScript source through tsx (no build step),
// then reads and parses the batches of report files it is sent, in order.
import { parentPort } from 'node:worker_threads'
import { tsImport } from 'tsx/esm/api'

const { parseReport } = await tsImport('./compiler.ts', import.meta.url)
const { readSourceFileSync } = await tsImport('./source-files.ts', import.meta.url)

parentPort.on('message', (items) => {
  try {
    const results = items.map(({ path, file, root }) => {
      const read = readSourceFileSync(path, root)
      if (!('text' in read)) return { file, text: '', slug: '', problems: [], read }
      return { file, text: read.text, ...parseReport(file, read.text) }
    })
    parentPort.postMessage({ results })
  } catch (error) {
    parentPort.postMessage({ error: String(error?.stack ?? error) })
  }
})
