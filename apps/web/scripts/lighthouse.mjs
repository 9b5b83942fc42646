#!/usr/bin/env node
// Lighthouse scores of the catalogue and the report page, desktop and mobile, against the real
// Node server (`npm start`'s entry) on an ephemeral port, with Debian's Chromium
// (CHROME_PATH, default /usr/bin/chromium). Prints the four category scores of each run; run
// it by hand (`pnpm --filter colophon-web lighthouse`), it is a measurement, not a test.
// LIGHTHOUSE_OUT=dir also writes each run's full report (JSON) there, to read the largest
// contentful paint's element and phases and the long tasks behind total blocking time.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as pause } from 'node:timers/promises'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { API_DIR } from './paths.mjs'

const PAGES = { catalogue: '/', report: '/reports/beyond-factory-asia' }
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']

/** Sends SIGTERM and resolves when the process has exited. */
function ended(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  return exited
}

async function startServer() {
  const child = spawn(join(API_DIR, 'node_modules', '.bin', 'tsx'), ['src/node.ts'], {
    cwd: API_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      const match = /Web: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
      if (match) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
  return { url, stop: () => ended(child) }
}

/** Debian's Chromium with a debugging port of its choosing (read back from its profile). */
async function launchChrome() {
  const profile = mkdtempSync(join(tmpdir(), 'colophon-lighthouse-'))
  const child = spawn(
    process.env.CHROME_PATH ?? '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  )
  const portFile = join(profile, 'DevToolsActivePort')
  while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
    if (child.exitCode !== null) throw new Error(`Chromium exited with ${child.exitCode}`)
    await pause(100)
  }
  const port = Number(readFileSync(portFile, 'utf8').split('\n')[0])
  return {
    port,
    // The profile goes once Chromium has exited (it writes to it until then).
    kill: async () => {
      await ended(child)
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 })
    },
  }
}

const server = await startServer()
const chrome = await launchChrome()
const rows = []
try {
  for (const [form, config] of [
    ['desktop', desktopConfig],
    ['mobile', undefined],
  ]) {
    for (const [name, path] of Object.entries(PAGES)) {
      const result = await lighthouse(
        `${server.url}${path}`,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
        config,
      )
      const lhr = result?.lhr
      if (!lhr) throw new Error(`no result for ${name} ${form}`)
      if (process.env.LIGHTHOUSE_OUT) {
        mkdirSync(process.env.LIGHTHOUSE_OUT, { recursive: true })
        writeFileSync(join(process.env.LIGHTHOUSE_OUT, `${name}-${form}.json`), JSON.stringify(lhr))
      }
      const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100))
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id)
      const metric = (id) => lhr.audits[id]?.numericValue ?? Number.NaN
      rows.push({
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        page: name,
        form,
        scores,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue,
        failing,
      })
    }
  }
} finally {
  try {
    await chrome.kill()
  } finally {
    await server.stop()
  }
}
console.log('page       form     perf  a11y  best  seo   CLS    FCP      LCP      TBT')
for (const { page, form, scores, cls, fcp, lcp, tbt, failing } of rows) {
  const ms = (v) => `${Math.round(v)} ms`.padEnd(8)
  console.log(
    `${page.padEnd(10)} ${form.padEnd(8)} ${scores.map((s) => String(s).padEnd(5)).join(' ')} ${cls?.toFixed(3)}  ${ms(fcp)} ${ms(lcp)} ${ms(tbt)}${failing.length ? `  failing: ${failing.join(', ')}` : ''}`,
  )
}
console.log(
  `load average ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
)
console.log(
  `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${new Date().toISOString()}`,
)
