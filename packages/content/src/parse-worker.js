// Worker thread for parse-pool.ts, run from the sources: loads the TypeScript through tsx
// (no build step), then serves parses. The CLI bundle has its own, compiled worker file.
import { tsImport } from 'tsx/esm/api'

const { serveParses } = await tsImport('./parse-worker-loop.ts', import.meta.url)
serveParses()
