// The generated catalogues the compile benchmarks share (bench.ts, bench-velite.ts): made once
// per size in the temp folder and reused by every later run of either.
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCatalogue } from '../src/generate.ts'

/** Where the benchmarks keep catalogues, outputs and tools between runs. */
export const BENCH_ROOT = join(tmpdir(), 'colophon-bench')
const SEED = 1
// Bump when the generator changes, so cached catalogues are made again.
const GENERATOR_VERSION = 2

/**
 * The folder of a generated catalogue of `count` reports, generated first if no complete one
 * is there.
 *
 * @example
 * const dir = await benchCatalogue(10_000) // <tmp>/colophon-bench/catalogue-10000-seed1-v2
 */
export async function benchCatalogue(count: number): Promise<string> {
  const dir = join(BENCH_ROOT, `catalogue-${count}-seed${SEED}-v${GENERATOR_VERSION}`)
  if (existsSync(join(dir, '.complete'))) return dir
  await rm(dir, { recursive: true, force: true })
  const started = performance.now()
  process.stdout.write(`generating ${count.toLocaleString('en-US')} reports… `)
  await generateCatalogue(dir, { count, seed: SEED })
  await writeFile(join(dir, '.complete'), '')
  process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  return dir
}
