import { watchCatalogue } from '../../watch.ts'
import { type Command, catalogueOptions } from '../command.ts'
import { catalogueLocations } from '../paths.ts'
import { plural, printProblems } from '../report.ts'

function list(names: readonly string[], max = 6): string {
  return names.length <= max
    ? names.join(', ')
    : `${names.slice(0, max).join(', ')} and ${names.length - max} more`
}

export const devCommand: Command = {
  name: 'dev',
  summary: 'build, then watch the catalogue and recompile what changes (Ctrl-C to stop)',
  usage: '[--dir <catalogue folder> (catalogue)] [--out <output folder> (dist/catalogue)]',
  options: { dir: catalogueOptions.dir, out: catalogueOptions.out },
  async run(context) {
    const { dir, out, displayPath } = catalogueLocations(context)
    const controller = new AbortController()
    const stop = () => controller.abort()
    context.signal?.addEventListener('abort', stop)
    process.once('SIGINT', stop)
    try {
      await watchCatalogue({
        dir,
        out,
        displayPath,
        signal: controller.signal,
        onEvent(event) {
          const ms = `${Math.round(event.ms)} ms`
          const what = [
            ...event.changed.map((f) => `${f} changed`),
            ...event.removed.map((f) => `${f} removed`),
          ]
          if (!event.result.ok) {
            printProblems({ ...context, values: { format: 'human' } }, event.result, dir)
            context.stderr.write(
              `${what.length ? `${list(what)}: ` : ''}not compiled; ${displayPath(out)} keeps the last good output.\n`,
            )
            return
          }
          if (event.stage === 'follow-up') {
            context.stdout.write(
              `  search index and typed entry updated: wrote ${list(event.written)} (${ms})\n`,
            )
          } else if (event.stage === 'initial') {
            context.stdout.write(
              `✓ ${plural(event.result.reportCount, 'report')} compiled into ${displayPath(out)} (${ms}); watching ${displayPath(dir)} for changes\n`,
            )
          } else {
            context.stdout.write(
              `↻ ${list(what)} → wrote ${event.written.length ? list(event.written) : 'nothing (output unchanged)'}${event.deleted.length ? `, deleted ${list(event.deleted)}` : ''} (${ms})\n`,
            )
          }
        },
      })
    } finally {
      process.off('SIGINT', stop)
      context.signal?.removeEventListener('abort', stop)
    }
    return 0
  },
}
