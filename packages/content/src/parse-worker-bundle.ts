// The CLI bundle's parse worker entry (scripts/bundle-cli.mjs): serves parses.
import { serveParses } from './parse-worker-loop.ts'

serveParses()
