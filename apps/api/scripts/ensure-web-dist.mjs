// Run by wrangler ([build] command) before `wrangler dev` and `wrangler deploy`: the worker
// bundles the web app's server renderer and serves its built files, so both must exist.
// When they do not, this builds the web app (client and renderer) once.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const web = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web')
const needed = [
  join(web, 'dist', '.vite', 'manifest.json'),
  join(web, 'dist-server', 'entry-server.js'),
]
if (!needed.every((file) => existsSync(file))) {
  console.log('ensure-web-dist: building apps/web (client and server renderer)')
  execFileSync('pnpm', ['--filter', 'colophon-web', 'build'], { stdio: 'inherit', cwd: web })
}
