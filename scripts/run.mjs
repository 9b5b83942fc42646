#!/usr/bin/env node
// Entry point for the README's two commands (`npm start`, `npm test`) on a machine that has
// Node.js and npm only: installs the workspace with the pinned pnpm (fetched through npx the
// first time, then kept as a root devDependency) and hands over to the workspace's own scripts.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const bin = join(root, 'node_modules', '.bin')
const env = {
  ...process.env,
  PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
}
// Set when this runs under `npx -c` / `npm exec --call`; the inner npx would take them as its own.
for (const key of ['npm_config_call', 'npm_config_package']) delete env[key]

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.error) throw result.error
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function needsInstall() {
  const marker = join(root, 'node_modules', '.modules.yaml')
  if (!existsSync(marker) || !existsSync(join(bin, 'pnpm'))) return true
  return statSync(join(root, 'pnpm-lock.yaml')).mtimeMs > statSync(marker).mtimeMs
}

if (needsInstall()) {
  console.log(`colophon: installing dependencies with ${packageManager}`)
  run('npx', ['-y', packageManager, 'install', '--frozen-lockfile'])
}

const task = process.argv[2]
const scripts = {
  start: ['run', 'serve'],
  test: ['run', 'test:all'],
}
if (!scripts[task]) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(scripts).join('|')}>`)
  process.exit(2)
}
run(join(bin, 'pnpm'), scripts[task])
