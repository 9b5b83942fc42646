// Phase timings of a compile, printed to stderr when COLOPHON_TIMINGS is set (benchmarks).
const enabled = typeof process !== 'undefined' && Boolean(process.env.COLOPHON_TIMINGS)
let last = 0

/** Marks the end of a phase: prints how long it took since the previous mark. */
export function mark(phase: string): void {
  if (!enabled) return
  const now = performance.now()
  if (last !== 0) process.stderr.write(`[timing] ${phase}: ${Math.round(now - last)} ms\n`)
  last = now
}
