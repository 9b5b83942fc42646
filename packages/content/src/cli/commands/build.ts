import { build } from '../../build.ts'
import { mark } from '../../timings.ts'
import { CATALOGUE_USAGE, type Command, catalogueOptions } from '../command.ts'
import { catalogueLocations } from '../paths.ts'
import { plural, printProblems, problemFormat, threadsOption } from '../report.ts'

export const buildCommand: Command = {
  name: 'build',
  summary:
    'validate and compile the catalogue into the output folder (nothing is written on failure)',
  usage: `${CATALOGUE_USAGE} [--no-cache]`,
  options: { ...catalogueOptions, threads: { type: 'string' }, 'no-cache': { type: 'boolean' } },
  async run(context) {
    const format = problemFormat(context)
    const { dir, out, displayPath } = catalogueLocations(context)
    const started = performance.now()
    const result = await build({
      dir,
      out,
      displayPath,
      threads: threadsOption(context),
      cache: context.values['no-cache'] !== true,
    })
    mark('done')
    const code = printProblems(context, result, dir)
    if (result.upToDate && format !== 'json') {
      const ms = Math.round(performance.now() - started)
      context.stdout.write(
        `✓ ${plural(result.reportCount, 'report')} unchanged since the last build of ${displayPath(out)} (content hash ${result.contentHash}, ${ms} ms)\n`,
      )
    } else if (result.ok && result.output && format !== 'json') {
      const ms = Math.round(performance.now() - started)
      const read = result.filesRead ?? result.reportCount
      const known =
        read < result.reportCount
          ? `; ${read.toLocaleString('en')} of ${plural(result.reportCount, 'report file')} read, the others known from the last build`
          : ''
      const inPlace =
        result.updatedInPlace === undefined
          ? ''
          : `; updated in place, ${plural(result.updatedInPlace, 'file')} written`
      context.stdout.write(
        `✓ ${plural(result.reportCount, 'report')} compiled into ${displayPath(out)} (${plural(result.output.fileCount, 'file')}, content hash ${result.output.manifest.contentHash}, ${ms} ms${known}${inPlace})\n`,
      )
    } else if (!result.ok && format === 'human') {
      context.stderr.write(`Nothing written; ${displayPath(out)} is unchanged.\n`)
    }
    return code
  },
}
