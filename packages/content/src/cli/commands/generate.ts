import { readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { Command } from '../command.ts'
import { plural, UsageError } from '../report.ts'

const MAX_COUNT = 1_000_000

function wholeNumber(name: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new UsageError(
      `--${name}: expected a whole number from 0 to ${max.toLocaleString('en')}, got "${value}"`,
    )
  return n
}

export const generateCommand: Command = {
  name: 'generate',
  summary: 'write a synthetic catalogue of realistic reports (for tests and benchmarks)',
  usage: '--count <n> [--seed <n> (1)] --out <new folder>',
  options: {
    count: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
  },
  async run(context) {
    const { values } = context
    if (values.count === undefined) throw new UsageError('--count is required')
    if (typeof values.out !== 'string' || !values.out) throw new UsageError('--out is required')
    const count = wholeNumber('count', values.count, 0, MAX_COUNT)
    const seed = wholeNumber('seed', values.seed, 1, 2 ** 32 - 1)
    const out = resolve(context.cwd, values.out)
    const existing = await readdir(out).catch(() => undefined)
    if (existing && existing.length > 0) {
      context.stderr.write(
        `colophon generate: ${values.out} exists and is not empty; name a new or empty folder\n`,
      )
      return 1
    }
    // Written beside the target and moved into place: never a half-written catalogue.
    const temp = join(dirname(out), `.${basename(out)}.generating-${process.pid}`)
    const started = performance.now()
    try {
      // Imported here: its word list is 2.5 MB, which no other command needs to load.
      const { generateCatalogue } = await import('../../generate.ts')
      await generateCatalogue(temp, { count, seed })
      if (existing) await rm(out, { recursive: true })
      await rename(temp, out)
    } catch (error) {
      await rm(temp, { recursive: true, force: true })
      throw error
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    context.stdout.write(
      `generated ${plural(count, 'report')} (seed ${seed}) in ${values.out} in ${seconds} s\n`,
    )
    return 0
  },
}
