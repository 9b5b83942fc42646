// The CLI bundle's entry (scripts/bundle-cli.mjs): runs the command line it was started with.
import { main } from './main.ts'

process.exitCode = await main(process.argv.slice(2))
