// Colophon against Velite 0.4.0 on the same generated catalogue, interleaved in one run: a
// cold `colophon build` (the CLI's bundle, no output folder, no cache) and a cold
// `velite build --clean --strict`, each in a process of its own, RUNS rounds, the order
// alternating each round. Prints every run as it ends, then the medians, the ratio
// Colophon/Velite and how far from the budget ("compile 10,000 reports, cold: < 10 s and
// ≤ 1/3 of Velite's wall time in the same run"). Asserts nothing.
//
//   pnpm --filter colophon-content bench:velite
//   BENCH_COUNT=1000 BENCH_RUNS=5 pnpm --filter colophon-content bench:velite
//
// Velite is not a dependency: it is installed once, with npm, into
// <tmpdir>/colophon-bench/velite-0.4.0 (kept for the next run).
//
// How each run is measured: `node measure.mjs` (written into the work folder) imports the
// tool's own command-line entry with the arguments a user would type and, on exit, writes
// process.resourceUsage() (user + system CPU and peak RSS of the whole process, worker
// threads included) and the CPU of the child processes it waited for (/proc/self/stat
// cutime + cstime: git for Colophon's dates; not esbuild's service, which Velite starts to
// compile its config and leaves running until exit, unreaped). Wall time is the parent's, from spawn to exit. Peak RSS is the
// process's own; a child process's memory is not in it.
//
// Where the Velite collection is not the Colophon schema (both validate the same files, but
// not identically):
// - `published` is s.isodate(): Velite turns a partial date ("2013", "2013-04") into a full
//   ISO timestamp; Colophon keeps it partial and checks its form.
// - The slug is s.path() (the file name, as Colophon takes it); Velite's s.slug() would read
//   a front-matter field the files do not have.
// - ISBNs, ISSNs, DOIs, ORCIDs, languages, countries and media types are checked by regular
//   expressions only: Colophon also checks ISBN and ISSN check digits and the code lists.
// - `type`, `topics` and the series key are enums of the catalogue's vocabularies, as
//   Colophon checks them against catalogue.yaml.
// - Lists that must not repeat an item are refined to unique items; Colophon's other rules
//   across fields (an ISBN listed twice in two forms, a report related to itself) and across
//   reports (`related` and `supersedes` naming reports that exist) have no Velite
//   counterpart and are not checked.
// - The body is rendered by s.markdown() (remark and rehype, GFM on, Velite's defaults);
//   Colophon renders it with markdown-it and sanitizes it.
// - Output differs in kind: Velite writes one reports.json (indented, as `velite build`
//   does without NODE_ENV=production) and a TypeScript entry; Colophon writes a file per
//   report, lists, a search index, a manifest and a typed entry, and its parse cache.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cacheDir } from '../src/build-cache.ts'
import { bundleIsFresh } from '../src/cli/fresh-bundle.js'
import { syntheticSettings } from '../src/generate.ts'
import { BENCH_ROOT, benchCatalogue } from './bench-catalogue.ts'

const COUNT = Number(process.env.BENCH_COUNT ?? 10_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10 * 60_000)
const VELITE_VERSION = '0.4.0'
const VELITE_DIR = join(BENCH_ROOT, `velite-${VELITE_VERSION}`)
const VELITE_BIN = join(VELITE_DIR, 'node_modules', 'velite', 'bin', 'velite.js')
const PACKAGE = fileURLToPath(new URL('../', import.meta.url))
const COLOPHON_BIN = join(PACKAGE, 'bin', 'colophon.js')
const BUDGET_MS = 10_000
const BUDGET_RATIO = 1 / 3

type Tool = 'colophon' | 'velite'

interface Run {
  tool: Tool
  round: number
  wallMs: number
  cpuMs: number
  childCpuMs: number
  peakRssMb: number
  reports: number
  note: string
}

// Runs a command-line entry in this process as `node <entry> <args>` would, and writes what
// the process used to the result file when it exits.
const MEASURE = `import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
const [result, entry, ...args] = process.argv.slice(2)
const ticks = Number(process.env.BENCH_CLK_TCK || 100)
process.on('exit', (code) => {
  const usage = process.resourceUsage()
  let childCpuMs = 0
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    childCpuMs = ((Number(fields[13]) + Number(fields[14])) * 1000) / ticks
  } catch {}
  writeFileSync(result, JSON.stringify({
    code,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    childCpuMs,
    peakRssMb: Math.round(usage.maxRSS / 1024),
  }))
})
process.argv = [process.argv[0], entry, ...args]
await import(pathToFileURL(entry).href)
`

function veliteConfig(reportsDir: string): string {
  const vocabularies = syntheticSettings().vocabularies
  const keys = (v: Record<string, unknown> | undefined) => JSON.stringify(Object.keys(v ?? {}))
  return `// Written by packages/content/scripts/bench-velite.ts: the Colophon report as a Velite collection.
import { defineCollection, defineConfig, s } from 'velite'

const text = (max) => s.string().trim().min(1).max(max)
const unique = (item) =>
  s.array(item).refine((items) => new Set(items).size === items.length, 'an item is listed twice')
const slug = s.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
const types = s.enum(${keys(vocabularies.types)})
const series = s.enum(${keys(vocabularies.series)})
const topics = s.enum(${keys(vocabularies.topics)})
const language = s.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)
const contentsEntry = s.lazy(() =>
  s
    .object({
      title: text(500),
      page: s.number().int().min(1).optional(),
      children: s.array(contentsEntry).optional(),
    })
    .strict(),
)
const person = s
  .object({
    family: text(200),
    given: text(200).optional(),
    orcid: s.string().regex(/^\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]$/).optional(),
    affiliation: text(300).optional(),
  })
  .strict()
const organization = s.object({ name: text(300) }).strict()

const reports = defineCollection({
  name: 'Report',
  pattern: '**/*.md',
  schema: s
    .object({
      slug: s.path(),
      title: text(500),
      subtitle: text(500).optional(),
      published: s.isodate(),
      type: types,
      series: s.object({ key: series, number: text(40).optional() }).strict().optional(),
      edition: s.number().int().min(1).optional(),
      supersedes: slug.optional(),
      authors: s.array(s.union([person, organization])).optional(),
      publisher: text(300).optional(),
      identifiers: s
        .object({
          isbn: s
            .array(
              s
                .object({
                  value: s.string().regex(/^(?:97[89]-?)?[\\d-]{9,13}[\\dX]$/),
                  form: s.enum(['print', 'web', 'pdf', 'ebook']),
                })
                .strict(),
            )
            .optional(),
          issn: s
            .array(
              s
                .object({
                  value: s.string().regex(/^\\d{4}-\\d{3}[\\dX]$/),
                  form: s.enum(['print', 'online']),
                })
                .strict(),
            )
            .optional(),
          doi: s.string().regex(/^10\\.\\d{4,9}\\/\\S+$/).optional(),
          stockNumber: text(60).optional(),
        })
        .strict()
        .optional(),
      summary: text(400).optional(),
      keyFindings: unique(text(10000)).optional(),
      contents: s.array(contentsEntry).optional(),
      topics: unique(topics).optional(),
      countries: unique(s.string().regex(/^[A-Z]{2}$/)).optional(),
      language: language.optional(),
      files: s
        .array(
          s
            .object({
              url: s.string().url(),
              mediaType: s.string().regex(/^[a-z]+\\/[a-z0-9.+-]+$/),
              size: s.number().int().min(0).optional(),
              label: text(200).optional(),
              language: language.optional(),
            })
            .strict(),
        )
        .optional(),
      pages: s.number().int().min(1).optional(),
      license: text(200).optional(),
      related: unique(slug).optional(),
      descriptionHtml: s.markdown(),
    })
    .strict(),
})

export default defineConfig({
  root: ${JSON.stringify(reportsDir)},
  output: { data: '.velite', assets: 'public/static', clean: true },
  strict: true,
  collections: { reports },
})
`
}

function installVelite() {
  if (existsSync(VELITE_BIN)) return
  process.stdout.write(`installing velite@${VELITE_VERSION} into ${VELITE_DIR}… `)
  execFileSync(
    'npm',
    ['install', '--no-save', '--prefix', VELITE_DIR, `velite@${VELITE_VERSION}`],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  process.stdout.write('done\n')
}

function bundleCli(): void {
  execFileSync(process.execPath, [join(PACKAGE, 'scripts', 'bundle-cli.mjs')], {
    cwd: PACKAGE,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

function clockTicks(): string {
  try {
    return execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()
  } catch {
    return '100'
  }
}

interface Measured {
  wallMs: number
  cpuMs: number
  childCpuMs: number
  peakRssMb: number
  stdout: string
}

/** Runs `node measure.mjs <result> <entry> <args>` in `cwd`: wall time from spawn to exit. */
function measure(work: string, cwd: string, entry: string, args: string[]): Promise<Measured> {
  const result = join(work, 'result.json')
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    const started = performance.now()
    const child = spawn(process.execPath, [join(work, 'measure.mjs'), result, entry, ...args], {
      cwd,
      env: { ...process.env, BENCH_CLK_TCK: clockTicks() },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', async (code, signal) => {
      const wallMs = performance.now() - started
      clearTimeout(timer)
      const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-4).join(' | ')
      if (signal) return reject(new Error(`killed by ${signal} after ${Math.round(wallMs)} ms`))
      if (code !== 0) return reject(new Error(`exit code ${code}: ${tail}`))
      try {
        const used = JSON.parse(await readFile(result, 'utf8'))
        await rm(result)
        resolve({ wallMs, ...used, stdout })
      } catch (error) {
        reject(new Error(`no measure written (${(error as Error).message}): ${tail}`))
      }
    })
  })
}

async function colophonRun(work: string, dir: string, round: number): Promise<Run> {
  const out = join(work, 'colophon-out')
  await rm(out, { recursive: true, force: true })
  await rm(cacheDir(out), { recursive: true, force: true })
  let note = 'CLI bundle'
  // Sources edited since the bundle was made (by someone else, during the run) would make
  // the CLI run the sources through tsx: bundle again, and say so.
  if (!bundleIsFresh(new URL('../', import.meta.url), new URL('../dist/cli/', import.meta.url))) {
    bundleCli()
    note = 'CLI bundle (made again: sources had changed)'
  }
  const m = await measure(work, PACKAGE, COLOPHON_BIN, ['build', '--dir', dir, '--out', out])
  const compiled = /✓ ([\d,]+) reports? (?:compiled|unchanged)/.exec(m.stdout)
  const reports = compiled ? Number(compiled[1]?.replaceAll(',', '')) : Number.NaN
  return { tool: 'colophon', round, ...m, reports, note }
}

async function veliteRun(work: string, round: number): Promise<Run> {
  await rm(join(work, '.velite'), { recursive: true, force: true })
  await rm(join(work, 'public'), { recursive: true, force: true })
  const m = await measure(work, work, VELITE_BIN, [
    'build',
    '--config',
    join(work, 'velite.config.js'),
    '--clean',
    '--strict',
  ])
  // Counted after the clock stopped.
  const data = JSON.parse(await readFile(join(work, '.velite', 'reports.json'), 'utf8'))
  const reports = Array.isArray(data) ? data.length : Number.NaN
  return { tool: 'velite', round, ...m, reports, note: `velite ${VELITE_VERSION} CLI` }
}

const seconds = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

/** A Markdown table; `minWidths` keeps rows printed one at a time in line with the header. */
function table(header: string[], rows: string[][], minWidths: number[] = []): string {
  const all = [header, ...rows]
  const widths = header.map((_, i) =>
    Math.max(minWidths[i] ?? 0, ...all.map((r) => (r[i] ?? '').length)),
  )
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n')
}

console.log(
  `colophon vs velite bench: node ${process.version}, ${availableParallelism()} cores, load average ${load()}, ${COUNT.toLocaleString('en-US')} reports, ${RUNS} rounds`,
)
const dir = await benchCatalogue(COUNT)
installVelite()
process.stdout.write('bundling the CLI… ')
bundleCli()
process.stdout.write('done\n')
await mkdir(VELITE_DIR, { recursive: true })
// Inside the Velite install, so that the config's `import 'velite'` resolves.
const work = await mkdtemp(join(VELITE_DIR, 'work-'))
await writeFile(join(work, 'measure.mjs'), MEASURE)
await writeFile(join(work, 'velite.config.js'), veliteConfig(join(dir, 'reports')))

const runs: Run[] = []
const failures: string[] = []
const header = [
  'round',
  'tool',
  'wall',
  'CPU',
  '+ children',
  'peak RSS',
  'reports',
  'load (1 min)',
  'note',
]
// Wide enough for the rows to come: each is printed as its run ends.
const WIDTHS = [5, 8, 8, 8, 10, 8, 7, 12, 0]
console.log(`\n${table(header, [], WIDTHS)}`)
try {
  for (let round = 1; round <= RUNS; round++) {
    const order: Tool[] = round % 2 === 1 ? ['colophon', 'velite'] : ['velite', 'colophon']
    for (const tool of order) {
      const loadBefore = loadavg()[0]?.toFixed(2) ?? '-'
      try {
        const run =
          tool === 'colophon' ? await colophonRun(work, dir, round) : await veliteRun(work, round)
        runs.push(run)
        console.log(
          table(
            header,
            [
              [
                String(round),
                tool,
                seconds(run.wallMs),
                seconds(run.cpuMs),
                seconds(run.childCpuMs),
                `${run.peakRssMb} MB`,
                run.reports.toLocaleString('en-US'),
                loadBefore,
                run.note,
              ],
            ],
            WIDTHS,
          )
            .split('\n')
            .at(-1),
        )
      } catch (error) {
        const message = `round ${round}, ${tool}: ${(error as Error).message}`
        failures.push(message)
        console.log(`| ${round} | ${tool} | FAILED: ${(error as Error).message}`)
      }
    }
  }
} finally {
  await rm(work, { recursive: true, force: true })
}

const of = (tool: Tool) => runs.filter((r) => r.tool === tool)
const summary: string[][] = []
const medians: Partial<Record<Tool, number>> = {}
for (const tool of ['colophon', 'velite'] as const) {
  const these = of(tool)
  if (these.length === 0) {
    summary.push([tool, '-', '-', '-', '-', 'no run succeeded'])
    continue
  }
  medians[tool] = median(these.map((r) => r.wallMs))
  summary.push([
    tool,
    String(these.length),
    seconds(medians[tool]),
    these.map((r) => seconds(r.wallMs)).join(', '),
    seconds(median(these.map((r) => r.cpuMs + r.childCpuMs))),
    `${Math.round(median(these.map((r) => r.peakRssMb)))} MB`,
  ])
}
const pairs = runs
  .filter((r) => r.tool === 'colophon')
  .flatMap((c) => {
    const v = runs.find((r) => r.tool === 'velite' && r.round === c.round)
    return v ? [c.wallMs / v.wallMs] : []
  })
console.log(
  `\n${table(['tool', 'runs', 'median wall', 'walls', 'median CPU (+ children)', 'median peak RSS'], summary)}`,
)
if (medians.colophon !== undefined && medians.velite !== undefined) {
  const ratio = medians.colophon / medians.velite
  const wallOk = medians.colophon < BUDGET_MS
  const ratioOk = ratio <= BUDGET_RATIO
  console.log(
    `\nColophon/Velite, median wall: ${ratio.toFixed(3)} (Velite ${(1 / ratio).toFixed(1)}× slower); per round: ${pairs.map((p) => p.toFixed(3)).join(', ')}`,
  )
  console.log(
    `budget "compile ${COUNT.toLocaleString('en-US')} reports, cold: < 10 s and ≤ 1/3 of Velite's wall time in the same run":`,
  )
  console.log(
    `  wall ${seconds(medians.colophon)}: ${wallOk ? `within (${Math.round((medians.colophon / BUDGET_MS) * 100)}% of 10 s)` : `MISSED by ${Math.round((medians.colophon / BUDGET_MS - 1) * 100)}%`}`,
  )
  console.log(
    `  ratio ${ratio.toFixed(3)}: ${ratioOk ? `within (${Math.round((ratio / BUDGET_RATIO) * 100)}% of 1/3)` : `MISSED by ${Math.round((ratio / BUDGET_RATIO - 1) * 100)}%`}`,
  )
  if (COUNT !== 10_000)
    console.log('  (the budget is for 10,000 reports; this run had another count)')
}
for (const f of failures) console.log(`failed: ${f}`)
console.log(`load average at the end: ${load()}`)
