// `colophon import <file|folder>...`: turns plain-text captures of publication pages into
// report files. A dry run prints the files (stdout) and the notes (stderr) and writes nothing.
import { resolve } from 'node:path'
import { partialDateProblem } from 'colophon-schema'
import type { Command } from '../cli/command.ts'
import { catalogueLocations } from '../cli/paths.ts'
import { printProblems, UsageError } from '../cli/report.ts'
import { formatPage, formatRunJson, formatSummary } from './format-run.ts'
import type { RunMaps } from './import-page.ts'
import { ImportSourceError, runImport } from './run-import.ts'

const MAP_FIELDS: Record<string, keyof RunMaps> = {
  type: 'types',
  types: 'types',
  series: 'series',
  topic: 'topics',
  topics: 'topics',
}

/**
 * `--map type:"Publication"=reports` (the shell may have taken the quotes) → run maps;
 * a malformed one is a usage error naming it.
 */
export function parseMaps(specs: readonly string[]): RunMaps {
  const maps: {
    types?: Map<string, string>
    series?: Map<string, string>
    topics?: Map<string, string>
  } = {}
  for (const spec of specs) {
    const match = /^([a-z]+):\s*(?:"([^"]+)"|'([^']+)'|([^=]+?))\s*=\s*([a-z0-9-]+)$/.exec(
      spec.trim(),
    )
    const field = match && MAP_FIELDS[match[1] as string]
    const word = match?.[2] ?? match?.[3] ?? match?.[4]
    if (!match || !field || !word) {
      throw new UsageError(
        `--map ${spec}: expected <type|series|topics>:"<word on the page>"=<key>, e.g. --map type:"Publication"=reports`,
      )
    }
    const map = maps[field] ?? new Map<string, string>()
    maps[field] = map
    map.set(word.trim().replace(/\s+/g, ' ').toLowerCase(), match[5] as string)
  }
  return maps
}

export const importCommand: Command = {
  name: 'import',
  summary: 'turn plain-text captures of publication pages into report files',
  usage:
    '<file|folder>... [--dry-run] [--force] [--catalogue <folder> (as --dir in check)] [--type <key> (every page)] [--map type|series|topics:"<word>"=<key>]... [--no-new-vocabulary] [--published <YYYY[-MM[-DD]]>] [--format human|json]',
  positionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    catalogue: { type: 'string' },
    dir: { type: 'string' },
    type: { type: 'string' },
    map: { type: 'string', multiple: true },
    'no-new-vocabulary': { type: 'boolean', default: false },
    published: { type: 'string' },
    format: { type: 'string', default: 'human' },
  },
  async run(context) {
    const { values, positionals } = context
    if (positionals.length === 0) throw new UsageError('name a page file or a folder of pages')
    const format = String(values.format ?? 'human')
    if (format !== 'human' && format !== 'json') {
      throw new UsageError(`--format ${format}: expected human or json`)
    }
    const published = values.published as string | undefined
    if (published !== undefined && partialDateProblem(published)) {
      throw new UsageError(`--published: ${partialDateProblem(published)}`)
    }
    // --catalogue is this command's name for the catalogue folder; --dir as in check/build.
    const { dir, displayPath } = catalogueLocations({
      ...context,
      values: { ...values, dir: values.catalogue ?? values.dir },
    })
    const dryRun = values['dry-run'] === true
    let run: Awaited<ReturnType<typeof runImport>>
    try {
      run = await runImport({
        sources: positionals.map((p) => resolve(context.cwd, p)),
        dir,
        dryRun,
        force: values.force === true,
        typeOverride: values.type as string | undefined,
        maps: parseMaps((values.map as string[] | undefined) ?? []),
        newVocabulary: values['no-new-vocabulary'] !== true,
        fallbackPublished: published,
        displayPath,
      })
    } catch (error) {
      if (error instanceof ImportSourceError) throw new UsageError(error.message)
      throw error
    }
    if (run.catalogueProblems.length > 0) {
      context.stderr.write('colophon import: the catalogue file has problems; fix them first.\n')
      printProblems(
        { ...context, values: { format: 'human' } },
        { ok: false, problems: run.catalogueProblems, fileCount: 1, reportCount: 0 },
      )
      return 1
    }
    const failed = run.pages.some((p) => p.status === 'failed')
    if (format === 'json') {
      context.stdout.write(formatRunJson(run))
      return failed ? 1 : 0
    }
    if (dryRun) {
      const shown = run.pages.filter((p) => p.text !== undefined)
      for (const page of shown) {
        // One page: the file exactly, so that `> x.md` saves it; several: a header each.
        if (shown.length > 1) context.stdout.write(`==> ${page.target} <==\n`)
        context.stdout.write(page.text as string)
        if (shown.length > 1) context.stdout.write('\n')
      }
    }
    for (const page of run.pages) context.stderr.write(formatPage(page, dryRun))
    context.stderr.write(formatSummary(run))
    return failed ? 1 : 0
  },
}
