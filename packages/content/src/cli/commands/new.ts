import { access, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parsePartialDate, partialDateProblem, slugProblem } from 'colophon-schema'
import { CATALOGUE_FILE, parseCatalogueFile, REPORTS_DIR } from '../../catalogue-file.ts'
import { parseReportFile, serializeReportFile } from '../../report-file.ts'
import { type Command, catalogueOptions } from '../command.ts'
import { catalogueLocations } from '../paths.ts'
import { UsageError } from '../report.ts'

/** "beyond-factory-asia" → "Beyond Factory Asia": a placeholder title to edit. */
function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}

function thisMonth(): string {
  const now = new Date()
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`
}

export const newCommand: Command = {
  name: 'new',
  summary: 'scaffold a valid report file, reports/<slug>.md, to fill in',
  usage:
    '<slug> [--title <text>] [--type <type key>] [--published YYYY[-MM[-DD]]] [--dir <catalogue folder>]',
  options: {
    dir: catalogueOptions.dir,
    title: { type: 'string' },
    type: { type: 'string' },
    published: { type: 'string' },
  },
  positionals: true,
  async run(context) {
    const [slug, ...extra] = context.positionals
    if (!slug || extra.length > 0) throw new UsageError('expected exactly one slug')
    const problem = slugProblem(slug)
    if (problem) throw new UsageError(problem)
    const { dir, displayPath } = catalogueLocations(context)
    const published = String(context.values.published ?? thisMonth())
    const dateProblem = partialDateProblem(published)
    if (dateProblem) throw new UsageError(`--published: ${dateProblem}`)
    parsePartialDate(published)

    const settingsPath = join(dir, CATALOGUE_FILE)
    const settingsText = await readFile(settingsPath, 'utf8').catch(() => undefined)
    if (settingsText === undefined) {
      context.stderr.write(`colophon new: no ${displayPath(settingsPath)}; is --dir right?\n`)
      return 1
    }
    const { settings } = parseCatalogueFile(settingsText, displayPath(settingsPath))
    const types = Object.keys(settings?.vocabularies.types ?? {})
    const type = String(context.values.type ?? types[0] ?? 'reports')
    if (types.length > 0 && !types.includes(type)) {
      throw new UsageError(`--type ${type}: expected one of ${types.join(', ')}`)
    }

    const file = join(dir, REPORTS_DIR, `${slug}.md`)
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    ) {
      context.stderr.write(`colophon new: ${displayPath(file)} exists already; nothing written\n`)
      return 1
    }
    const text = serializeReportFile(
      {
        title: String(context.values.title ?? titleFromSlug(slug)),
        published,
        type,
        keyFindings: ['The first finding.'],
        contents: [{ title: 'Introduction' }],
      },
      'The overview, in Markdown: what the report is about, in a paragraph or two.',
    )
    // The scaffold must be valid as written: check it before writing it.
    const parsed = parseReportFile(text, file)
    if (!parsed.report) throw new Error(`scaffold is invalid: ${parsed.problems[0]?.message}`)
    await mkdir(join(dir, REPORTS_DIR), { recursive: true })
    await writeFile(file, text, { flag: 'wx' })
    context.stdout.write(`✓ created ${displayPath(file)}; edit it, then run colophon check\n`)
    return 0
  },
}
