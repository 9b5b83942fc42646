// The `colophon` CLI: parses the command line and runs one command.
import { parseArgs } from 'node:util'
import { CompileFileError } from '../compiler.ts'
import { escapeControl } from '../format-problems.ts'
import type { Command, CommandContext } from './command.ts'
import { commands } from './commands.ts'
import { UsageError } from './report.ts'

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Usage: colophon <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run colophon <command> --help for its options.',
    '',
  ].join('\n')
}

function commandHelp(command: Command): string {
  return `Usage: colophon ${command.name} ${command.usage}\n\n${command.summary}\n`
}

/**
 * Runs the CLI with `argv` (without `node` and the script); returns the exit code:
 * 0 done, 1 the catalogue has problems, 2 the command line is wrong.
 *
 * @example
 * process.exitCode = await main(['check', '--format', 'github'])
 */
export async function main(
  argv: readonly string[],
  context: Partial<Omit<CommandContext, 'values' | 'positionals'>> = {},
): Promise<number> {
  const stdout = context.stdout ?? process.stdout
  const stderr = context.stderr ?? process.stderr
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(help())
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    stderr.write(`colophon: unknown command "${name}"\n\n${help()}`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    stdout.write(commandHelp(command))
    return 0
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: command.options ?? {},
      allowPositionals: command.positionals ?? false,
      strict: true,
    })
    return await command.run({
      values,
      positionals,
      cwd: context.cwd ?? process.cwd(),
      stdout,
      stderr,
      signal: context.signal,
    })
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    if (!usage) {
      // Never a bare stack trace: what failed, and where it was, on one line.
      const where = error instanceof CompileFileError ? `${escapeControl(error.file)}:1:1 - ` : ''
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      stderr.write(
        `${where}colophon ${name}: unexpected error: ${escapeControl(message)}. Please report this (COLOPHON_DEBUG=1 prints the stack).\n`,
      )
      if (process.env.COLOPHON_DEBUG) stderr.write(`${(error as Error)?.stack ?? ''}\n`)
      return 1
    }
    stderr.write(
      `colophon ${name}: ${escapeControl((error as Error).message)}\n\n${commandHelp(command)}`,
    )
    return 2
  }
}
