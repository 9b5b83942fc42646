import { compile } from '../../build.ts'
import { CATALOGUE_USAGE, type Command, catalogueOptions } from '../command.ts'
import { catalogueLocations } from '../paths.ts'
import { plural, printProblems, problemFormat, threadsOption } from '../report.ts'

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate the catalogue and report every problem; writes nothing',
  usage: CATALOGUE_USAGE,
  options: { ...catalogueOptions, threads: { type: 'string' } },
  async run(context) {
    const format = problemFormat(context)
    const { dir, displayPath } = catalogueLocations(context)
    const started = performance.now()
    const result = await compile({
      dir,
      displayPath,
      emit: false,
      threads: threadsOption(context),
    })
    const code = printProblems(context, result, dir)
    if (result.ok && format !== 'json') {
      const ms = Math.round(performance.now() - started)
      context.stdout.write(
        `✓ ${plural(result.reportCount, 'report')} checked, no problems (${plural(result.fileCount, 'file')}, ${ms} ms)\n`,
      )
    }
    return code
  },
}
