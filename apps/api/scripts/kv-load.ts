// Loads a compiled catalogue into Workers KV for the KV worker (`wrangler deploy --env kv`).
//
//   pnpm --filter colophon-api kv:load                       # local KV (wrangler dev --env kv)
//   pnpm --filter colophon-api kv:load -- --remote           # the namespace in wrangler.toml
//   pnpm --filter colophon-api kv:load -- --dir <compiled> --out <folder> --dry-run
//
// Writes the entries as JSON files for `wrangler kv bulk put`, the data first and the
// manifest last, so a worker never sees a manifest whose keys are not there yet.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { readCompiledCatalogue } from 'colophon-content/node'
import { kvEntries } from '../src/store/kv-layout.ts'

const here = dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: join(here, '../../../packages/content/dist/catalogue') },
    out: { type: 'string' },
    remote: { type: 'boolean', default: false },
    env: { type: 'string', default: 'kv' },
    binding: { type: 'string', default: 'CATALOGUE' },
    'namespace-id': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
})

const catalogue = readCompiledCatalogue(resolve(values.dir))
const { data, manifest } = kvEntries(catalogue)
const out = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'colophon-kv-'))
mkdirSync(out, { recursive: true })
const files = [join(out, 'kv-data.json'), join(out, 'kv-manifest.json')] as const
writeFileSync(files[0], JSON.stringify(data))
writeFileSync(files[1], JSON.stringify([manifest]))
const bytes = data.reduce((n, e) => n + e.value.length, 0)
console.log(
  `kv:load: ${catalogue.manifest.reportCount} reports, ${data.length + 1} keys, ${(bytes / 1e6).toFixed(1)} MB; content hash ${catalogue.manifest.contentHash}`,
)
console.log(`kv:load: wrote ${files.join(' and ')}`)
if (values['dry-run']) process.exit(0)

const target = values['namespace-id']
  ? ['--namespace-id', values['namespace-id']]
  : ['--binding', values.binding, '--env', values.env]
for (const file of files) {
  const args = ['kv', 'bulk', 'put', file, ...target, values.remote ? '--remote' : '--local']
  console.log(`kv:load: wrangler ${args.join(' ')}`)
  const result = spawnSync('wrangler', args, {
    cwd: join(here, '..'),
    stdio: 'inherit',
    shell: false,
  })
  if (result.status !== 0) {
    console.error(
      `kv:load: wrangler failed (exit ${result.status}); the previous catalogue stays live`,
    )
    process.exit(result.status ?? 1)
  }
}
console.log('kv:load: done; the manifest was written last')
