// Every CLI command, in the order `colophon --help` lists them. A command is one module;
// adding one is one line here.
import { importCommand } from '../import/import-command.js'
import type { Command } from './command.js'
import { buildCommand } from './commands/build.js'
import { checkCommand } from './commands/check.js'
import { devCommand } from './commands/dev.js'
import { newCommand } from './commands/new.js'
import { statsCommand } from './commands/stats.js'

export const commands: Command[] = [
  checkCommand,
  buildCommand,
  devCommand,
  newCommand,
  statsCommand,
  importCommand,
]
