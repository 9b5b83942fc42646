// Phase timings of a compile, printed to stderr when COLOPHON_TIMINGS is set (benchmarks).
const enabled = typeof process !== 'undefined' && Boolean(process.env.COLOPHON_TIMINGS)
let last = 0

const mb = (bytes: number) => Math.round(bytes / 1048576)

/**
 * Marks the end of a phase: prints how long it took since the previous mark, and the
 * memory then (the compile's peak at 100,000 reports is a budget): resident, JS heap, and
 * array buffers (the reports' JSON, the search index's arrays).
 */
export function mark(phase: string): void {
  if (!enabled) return
  const now = performance.now()
  if (last !== 0) {
    const m = process.memoryUsage()
    process.stderr.write(
      `[timing] ${phase}: ${Math.round(now - last)} ms (rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, buffers ${mb(m.arrayBuffers)} MB)\n`,
    )
  }
  last = now
}
