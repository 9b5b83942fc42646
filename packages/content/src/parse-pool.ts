// Reads and parses report files on worker threads: reading YAML, validating and rendering
// Markdown are independent per file and take most of a compile's time. Batches come back
// in the order of the input, so the output stays deterministic, and each batch is handed
// over as soon as it and those before it are done, so the main thread can index them while
// the workers parse the rest.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ParsedReport } from './compiler.ts'
import type { SourceRead } from './source-files.ts'

export interface SourcePath {
  /** Where to read the file. */
  path: string
  /** The path problems show. */
  file: string
  /** The catalogue folder the file must stay in. */
  root: string
  /** The file's text, when already read: parsed as given, not read again. */
  text?: string
}

export interface ParsedSource extends ParsedReport {
  file: string
  /** The text parsed; empty when the pool was asked not to send texts back. */
  text: string
  /** The build cache's key of the text parsed (`sourceKey`), or of the problem reading it. */
  key: string
  /** Set when the file could not be read as text: its problem, or that it is gone. */
  read?: SourceRead
}

const WORKER = new URL('./parse-worker.js', import.meta.url)
const BATCH = 250

/** How many threads parse by default: one per core, at most 4. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()))
}

/** A batch of files posted to a parse worker. */
export interface ParseBatch {
  items: SourcePath[]
  /** Send each file's text back with its parse (false: a build that keeps no texts). */
  texts: boolean
}

/**
 * Reads and parses every file (with `parseReport`) on `threads` workers, calling `onBatch`
 * with consecutive runs of results, in input order. With `texts: false` the results carry
 * no text (an empty string): copying 100,000 texts back to the main thread is memory a
 * one-off build does not need.
 *
 * @example
 * await parseInWorkers(files, 2, (results) => results.forEach(add))
 */
export async function parseInWorkers(
  files: readonly SourcePath[],
  threads: number,
  onBatch: (results: ParsedSource[]) => void,
  options: { texts?: boolean } = {},
): Promise<void> {
  const texts = options.texts !== false
  const batches: SourcePath[][] = []
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH))
  const count = Math.max(1, Math.min(threads, batches.length))
  const workers = Array.from({ length: count }, () => new Worker(WORKER))
  const done = new Map<number, ParsedSource[]>()
  let next = 0
  try {
    await Promise.all(
      workers.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            // Worker w parses batches w, w + count, w + 2·count, … in that order.
            const mine: number[] = []
            for (let b = w; b < batches.length; b += count) mine.push(b)
            if (mine.length === 0) return resolve()
            worker.on('error', reject)
            worker.on('message', (message: { results?: ParsedSource[]; error?: string }) => {
              if (message.error !== undefined) return reject(new Error(message.error))
              done.set(mine.shift() as number, message.results as ParsedSource[])
              for (let ready = done.get(next); ready; ready = done.get(next)) {
                done.delete(next++)
                onBatch(ready)
              }
              if (mine.length === 0) resolve()
            })
            for (const b of mine)
              worker.postMessage({ items: batches[b] as SourcePath[], texts } satisfies ParseBatch)
          }),
      ),
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
