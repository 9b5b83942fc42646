// What the KV and R2 loaders share: their arguments (as pnpm 10 passes them) and writing a
// snapshot folder into a binding in bounded batches, data first, pointer last.
import { resolve } from 'node:path'
import { type ParseArgsConfig, parseArgs } from 'node:util'
import {
  entryValue,
  type SnapshotEntries,
  type SnapshotEntry,
} from '../src/store/snapshot-entries.ts'

/**
 * The script's arguments. `pnpm --filter colophon-api kv:load -- --dir x` passes the `--`
 * through under pnpm 10 (npm and pnpm 9 drop it); without this, every option after it
 * would be read as a positional argument.
 */
export function scriptArgs<T extends NonNullable<ParseArgsConfig['options']>>(options: T) {
  const args = process.argv.slice(2)
  if (args[0] === '--') args.shift()
  return parseArgs({ args, options, strict: true }).values
}

/** A path given on the command line: relative to where the command was typed (pnpm's INIT_CWD). */
export function cliPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path)
}

/** How many keys are read and written at once: memory is bounded by this many pieces. */
export const CONCURRENCY = 32

/**
 * Writes every data entry with `put` (CONCURRENCY at a time, each file read just before it
 * is written), then the pointer. Keys are content-addressed, so running it again rewrites
 * the same values: idempotent, and a running worker keeps reading the old snapshot until
 * the pointer moves.
 */
export async function writeSnapshot(
  entries: SnapshotEntries,
  put: (key: string, value: Uint8Array) => Promise<unknown>,
  progress: (done: number, total: number) => void = () => {},
): Promise<void> {
  const { data } = entries
  let next = 0
  let done = 0
  const worker = async () => {
    for (let i = next++; i < data.length; i = next++) {
      const entry = data[i] as SnapshotEntry
      await put(entry.key, await entryValue(entry))
      if (++done % 500 === 0) progress(done, data.length)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  progress(done, data.length)
  await put(entries.pointer.key, await entryValue(entries.pointer))
}

/** The size of the largest data entry, for the loaders' summary line. */
export async function sizes(entries: SnapshotEntries) {
  const { stat } = await import('node:fs/promises')
  let total = 0
  let largest = { key: '', bytes: 0 }
  for (const e of entries.data) {
    const bytes = e.path ? (await stat(e.path)).size : (e.text?.length ?? 0)
    total += bytes
    if (bytes > largest.bytes) largest = { key: e.key, bytes }
  }
  return { total, largest }
}
