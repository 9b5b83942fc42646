// One measured run for bench.ts, in its own process so that peak memory is this run's only:
// prints one JSON line with wall time, CPU time and peak RSS (worker threads included).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build, listReportFiles } from '../src/build.ts'
import { watchCatalogue } from '../src/watch.ts'

const [mode, dir, out, extra] = process.argv.slice(2) as [string, string, string, string?]

function finish(result: Record<string, unknown>) {
  process.stdout.write(
    `${JSON.stringify({ ...result, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  )
}

if (mode === 'baseline') {
  // Reading every source file, nothing else: what the machine does in the same run.
  const started = performance.now()
  const files = await listReportFiles(dir)
  let bytes = 0
  for (const file of files) bytes += (await readFile(file, 'utf8')).length
  finish({ ms: performance.now() - started, files: files.length, bytes })
} else if (mode === 'build') {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const result = await build({ dir, out, displayPath: (f) => f })
  const used = process.cpuUsage(cpu)
  if (!result.ok) throw new Error(`build failed: ${result.problems[0]?.message}`)
  finish({
    ms: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    reports: result.reportCount,
  })
} else if (mode === 'watch') {
  // Start watching, then change one report `changes` times; time each recompile.
  const changes = Number(extra ?? 5)
  const controller = new AbortController()
  const events: { ms: number; endToEnd: number; written: number }[] = []
  const followUps: number[] = []
  let wrote = 0
  // Off once the changes are made: putting the file back is not one of them (its time from
  // `wrote` would include the pause before it).
  let measuring = true
  let wake: () => void = () => {}
  const file = (await listReportFiles(dir))[0] as string
  const original = await readFile(file, 'utf8')
  const watching = watchCatalogue({
    dir,
    out,
    displayPath: (f) => f,
    signal: controller.signal,
    onEvent(event) {
      if (!event.result.ok)
        throw new Error(`watch compile failed: ${event.result.problems[0]?.message}`)
      if (event.stage === 'change' && measuring) {
        events.push({
          ms: event.ms,
          endToEnd: performance.now() - wrote,
          written: event.written.length,
        })
      } else if (event.stage === 'follow-up') {
        // The search index and typed entry: after the change event plus the pause.
        followUps.push(event.ms)
        wake()
      } else wake()
    },
  })
  const nextEvent = () =>
    new Promise<void>((resolve) => {
      wake = resolve
    })
  await nextEvent()
  const { writeFile } = await import('node:fs/promises')
  for (let i = 1; i <= changes; i++) {
    const waiting = nextEvent()
    wrote = performance.now()
    // The whole line: a generated title may be quoted, so appending to it could break the YAML.
    await writeFile(
      file,
      original.replace(/^title: .*$/m, `title: A benchmark report, revision ${i}`),
    )
    await waiting
  }
  measuring = false
  await writeFile(file, original)
  await nextEvent()
  controller.abort()
  await watching
  const sorted = events.map((e) => e.endToEnd).sort((a, b) => a - b)
  finish({
    ms: sorted[Math.floor(sorted.length / 2)],
    maxMs: sorted.at(-1),
    compileMs: events.map((e) => Math.round(e.ms)),
    filesWritten: events[0]?.written,
    followUpMs: followUps.map(Math.round),
    out: join(out),
  })
}
