// What a CLI command is: a name, its options (node:util parseArgs) and a `run` that returns
// the exit code. Each command is one module under commands/, registered in commands.ts.
import type { ParseArgsConfig } from 'node:util'

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>

export interface Output {
  write(text: string): void
  /** True when this is a terminal (colours, progress). */
  isTTY?: boolean
}

export interface CommandContext {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>
  positionals: string[]
  /** Where relative paths start. */
  cwd: string
  stdout: Output
  stderr: Output
  /** Aborted to stop a long-running command (`dev`). */
  signal?: AbortSignal
}

export interface Command {
  name: string
  /** One line for `colophon --help`. */
  summary: string
  /** Arguments and options, e.g. `<slug> [--title <text>]`. */
  usage: string
  options?: OptionsConfig
  /** Whether the command takes positional arguments. */
  positionals?: boolean
  run(context: CommandContext): Promise<number>
}

/** Options every catalogue command understands. */
export const catalogueOptions = {
  dir: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string', default: 'human' },
} satisfies OptionsConfig

export const CATALOGUE_USAGE =
  '[--dir <catalogue folder> (./catalogue, or package.json "colophon.catalogue" above)] [--out <output folder> (dist/catalogue beside it)] [--format human|json|github] [--threads <n> (one per core from 2,000 reports)]'
