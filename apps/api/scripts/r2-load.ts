// Loads a compiled snapshot folder into R2 for the R2 worker (`wrangler dev --env r2`):
//
//   pnpm --filter colophon-api r2:load -- --dir /tmp/o                 # local R2
//   pnpm --filter colophon-api r2:load -- --dir /tmp/o --remote --bucket <name>
//
// The same keys as kv:load (pieces, the manifest under its hash, the pointer last). Locally
// through wrangler's own local R2; remotely one `wrangler r2 object put` per object.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { snapshotEntries } from '../src/store/snapshot-entries.ts'
import { cliPath, scriptArgs, sizes, writeSnapshot } from './load-snapshot.ts'

const here = dirname(fileURLToPath(import.meta.url))
const values = scriptArgs({
  dir: { type: 'string' },
  remote: { type: 'boolean', default: false },
  env: { type: 'string', default: 'r2' },
  binding: { type: 'string', default: 'CATALOGUE_BUCKET' },
  bucket: { type: 'string', default: 'colophon-catalogue' },
  'persist-to': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
})
const dir = values.dir
  ? cliPath(values.dir)
  : join(here, '../../../packages/content/dist/catalogue')

const entries = await snapshotEntries(dir)
const { total, largest } = await sizes(entries)
console.log(
  `r2:load: ${entries.manifest.reportCount} reports, ${entries.data.length + 1} objects, ${(total / 1e6).toFixed(1)} MB (largest ${largest.key}, ${(largest.bytes / 1048576).toFixed(2)} MiB); content hash ${entries.manifest.contentHash}`,
)
if (values['dry-run']) process.exit(0)
const started = performance.now()
const progress = (done: number, all: number) => console.log(`r2:load: ${done}/${all} objects`)

if (!values.remote) {
  const { getPlatformProxy } = await import('wrangler')
  const proxy = await getPlatformProxy<
    Record<string, { put(k: string, v: Uint8Array): Promise<unknown> }>
  >({
    configPath: join(here, '../wrangler.toml'),
    environment: values.env,
    // `wrangler dev --persist-to X` keeps its state in X/v3.
    ...(values['persist-to'] && { persist: { path: join(cliPath(values['persist-to']), 'v3') } }),
  })
  try {
    const bucket = proxy.env[values.binding]
    if (!bucket)
      throw new Error(`no R2 binding ${values.binding} in wrangler.toml [env.${values.env}]`)
    await writeSnapshot(entries, (key, value) => bucket.put(key, value), progress)
  } finally {
    await proxy.dispose()
  }
} else {
  const temp = mkdtempSync(join(tmpdir(), 'colophon-r2-'))
  try {
    // One object at a time: a file per put, nothing held but the current piece.
    await writeSnapshot(
      entries,
      async (key, value) => {
        const file = join(temp, 'object')
        writeFileSync(file, value)
        const args = ['r2', 'object', 'put', `${values.bucket}/${key}`, '--file', file, '--remote']
        const result = spawnSync('wrangler', args, { cwd: join(here, '..'), stdio: 'inherit' })
        if (result.status !== 0)
          throw new Error(`wrangler r2 object put ${key} failed; the previous catalogue stays live`)
      },
      progress,
    )
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}
console.log(
  `r2:load: done in ${((performance.now() - started) / 1000).toFixed(1)} s; the pointer was written last`,
)
