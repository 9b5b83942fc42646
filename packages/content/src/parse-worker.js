// Worker thread for parse-pool.ts: loads the TypeScript source through tsx (no build step),
// then reads and parses the batches of report files it is sent, in order.
import { readFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { tsImport } from 'tsx/esm/api'

const { parseReport } = await tsImport('./compiler.ts', import.meta.url)

parentPort.on('message', (items) => {
  try {
    const results = items.map(({ path, file }) => {
      const text = readFileSync(path, 'utf8')
      return { file, text, ...parseReport(file, text) }
    })
    parentPort.postMessage({ results })
  } catch (error) {
    parentPort.postMessage({ error: String(error?.stack ?? error) })
  }
})
