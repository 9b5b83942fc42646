// Run by wrangler ([build] command) before `wrangler dev` and `wrangler deploy`: Workers static
// assets need ../web/dist to exist. When the web app has not been built, a one-page
// placeholder says how to build it; the API works either way.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist')
if (!existsSync(join(dist, 'index.html'))) {
  mkdirSync(dist, { recursive: true })
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Colophon</title>' +
      '<p>The web app is not built yet: run <code>pnpm --filter colophon-web build</code>. ' +
      'The API is at <a href="/v1/reports">/v1/reports</a>, its docs at <a href="/docs">/docs</a>.</p></html>\n',
  )
  console.log(`ensure-web-dist: wrote a placeholder ${join(dist, 'index.html')}`)
}
