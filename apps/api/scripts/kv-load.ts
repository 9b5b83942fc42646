// Loads a compiled snapshot folder into Workers KV for the KV worker (`wrangler dev --env kv`,
// `wrangler deploy --env kv`):
//
//   pnpm --filter colophon-api kv:load                                 # the bundled catalogue, local KV
//   pnpm --filter colophon-api kv:load -- --dir /tmp/o                 # any folder, local KV
//   pnpm --filter colophon-api kv:load -- --dir /tmp/o --remote --namespace-id <id>
//   pnpm --filter colophon-api kv:load -- --dir /tmp/o --dry-run       # what would be written
//
// Every piece under `<name>@<hash>` and the manifest under `manifest.json@<contentHash>`, in
// batches, then the `manifest` pointer last, so a worker never sees a snapshot whose keys are
// not all there. Locally it writes through wrangler's own local KV (the state `wrangler dev`
// reads); remotely through `wrangler kv bulk put`, a bounded batch at a time.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { entryValue, snapshotEntries } from '../src/store/snapshot-entries.ts'
import { cliPath, scriptArgs, sizes, writeSnapshot } from './load-snapshot.ts'

const here = dirname(fileURLToPath(import.meta.url))
const values = scriptArgs({
  dir: { type: 'string' },
  remote: { type: 'boolean', default: false },
  env: { type: 'string', default: 'kv' },
  binding: { type: 'string', default: 'CATALOGUE' },
  'namespace-id': { type: 'string' },
  'persist-to': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
})
const dir = values.dir
  ? cliPath(values.dir)
  : join(here, '../../../packages/content/dist/catalogue')

const entries = await snapshotEntries(dir)
const { total, largest } = await sizes(entries)
console.log(
  `kv:load: ${entries.manifest.reportCount} reports, ${entries.data.length + 1} keys, ${(total / 1e6).toFixed(1)} MB (largest ${largest.key}, ${(largest.bytes / 1048576).toFixed(2)} MiB); content hash ${entries.manifest.contentHash}`,
)
if (values['dry-run']) process.exit(0)

const started = performance.now()
const progress = (done: number, all: number) => console.log(`kv:load: ${done}/${all} keys`)

if (!values.remote) {
  const { getPlatformProxy } = await import('wrangler')
  const proxy = await getPlatformProxy<
    Record<string, { put(k: string, v: Uint8Array): Promise<void> }>
  >({
    configPath: join(here, '../wrangler.toml'),
    environment: values.env,
    // `wrangler dev --persist-to X` keeps its state in X/v3.
    ...(values['persist-to'] && { persist: { path: join(cliPath(values['persist-to']), 'v3') } }),
  })
  try {
    const kv = proxy.env[values.binding]
    if (!kv) throw new Error(`no KV binding ${values.binding} in wrangler.toml [env.${values.env}]`)
    await writeSnapshot(entries, (key, value) => kv.put(key, value), progress)
  } finally {
    await proxy.dispose()
  }
} else {
  // `wrangler kv bulk put` takes a JSON file of entries; base64 keeps binary pieces intact.
  const target = values['namespace-id']
    ? ['--namespace-id', values['namespace-id']]
    : ['--binding', values.binding, '--env', values.env]
  const temp = mkdtempSync(join(tmpdir(), 'colophon-kv-'))
  const bulkPut = (batch: { key: string; value: string; base64: true }[]) => {
    const file = join(temp, 'batch.json')
    writeFileSync(file, JSON.stringify(batch))
    const result = spawnSync('wrangler', ['kv', 'bulk', 'put', file, ...target, '--remote'], {
      cwd: join(here, '..'),
      stdio: 'inherit',
    })
    if (result.status !== 0) {
      console.error(
        `kv:load: wrangler failed (exit ${result.status}); the previous catalogue stays live`,
      )
      process.exit(result.status ?? 1)
    }
  }
  try {
    // At most 1,000 keys and ~50 MB per batch: memory stays bounded whatever the catalogue.
    let batch: { key: string; value: string; base64: true }[] = []
    let bytes = 0
    for (const [i, entry] of entries.data.entries()) {
      const value = Buffer.from(await entryValue(entry)).toString('base64')
      batch.push({ key: entry.key, value, base64: true })
      bytes += value.length
      if (batch.length >= 1000 || bytes >= 50e6) {
        bulkPut(batch)
        progress(i + 1, entries.data.length)
        batch = []
        bytes = 0
      }
    }
    if (batch.length) bulkPut(batch)
    const pointer = entries.pointer
    bulkPut([
      {
        key: pointer.key,
        value: Buffer.from(pointer.text as string).toString('base64'),
        base64: true,
      },
    ])
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}
console.log(
  `kv:load: done in ${((performance.now() - started) / 1000).toFixed(1)} s; the pointer ("manifest") was written last`,
)
