// Every CLI command, in the order `colophon --help` lists them. A command is one module;
// adding one is one line here.
import { importCommand } from '../import/import-command.ts'
import type { Command } from './command.ts'
import { buildCommand } from './commands/build.ts'
import { checkCommand } from './commands/check.ts'
import { devCommand } from './commands/dev.ts'
import { generateCommand } from './commands/generate.ts'
import { newCommand } from './commands/new.ts'
import { statsCommand } from './commands/stats.ts'

export const commands: Command[] = [
  checkCommand,
  buildCommand,
  devCommand,
  newCommand,
  statsCommand,
  importCommand,
  generateCommand,
]
