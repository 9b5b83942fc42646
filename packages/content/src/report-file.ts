// One report's source file: Markdown with YAML frontmatter. The structured fields live in the
// frontmatter; the overview (`description`) is the Markdown body. The slug is the file name.

import { createRequire } from 'node:module'
import { type PathSegment, Report, type ReportInput, slugProblem } from 'colophon-schema'
import { stringify } from 'yaml'
import type { ContentProblem } from './problem.ts'
import { normalizeNewlines, textProblems } from './source-text.ts'
import { locateProblem, validateYamlValue } from './validate.ts'
import { type Anchor, LineIndex, mayHoldUnsafeNodes, YamlSource } from './yaml-source.ts'

// js-yaml's CommonJS build: its ESM build is 3-4x slower on Node 20 (object spreads in its
// parser state, see MEASUREMENTS.md); both give the same values.
const { CORE_SCHEMA, load: loadYaml } = createRequire(import.meta.url)(
  'js-yaml',
) as typeof import('js-yaml')

export interface ParsedReportFile {
  /** The report, when the file is valid on its own (rules across files not applied yet). */
  report?: Report
  /** The slug the file stands for (its name), valid or not. */
  slug: string
  problems: ContentProblem[]
  /** Where a field of this report is in the file (the parent's place when it is missing). */
  locate(path: readonly PathSegment[], anchor?: Anchor): { line: number; column: number }
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/m

interface Frontmatter {
  yaml: string
  yamlOffset: number
  body: string
}

function splitFrontmatter(text: string): Frontmatter | { error: string; offset: number } {
  const opening = OPENING.exec(text)
  if (!opening) {
    return { error: 'expected YAML frontmatter: the file must start with a line "---"', offset: 0 }
  }
  const yamlOffset = opening[0].length
  // An empty frontmatter closes on the very next line.
  const rest = text.slice(yamlOffset)
  const closing = CLOSING.exec(rest)
  if (!closing) {
    return { error: 'the frontmatter is not closed: add a line "---" after it', offset: 0 }
  }
  const yaml = rest.slice(0, closing.index)
  const body = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '')
  return { yaml, yamlOffset, body }
}

/** The slug a report file stands for: its name without `.md`. */
export function slugFromFileName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file
  return name.replace(/\.md$/i, '')
}

/**
 * Reads and validates one report file on its own. The slug comes from the file name; a
 * `slug` in the frontmatter, if present, must agree with it. The Markdown body is the
 * report's `description`.
 *
 * @example
 * const { report, problems } = parseReportFile(text, 'reports/beyond-factory-asia.md')
 */
export function parseReportFile(source: string, file: string): ParsedReportFile {
  const slug = slugFromFileName(file)
  const text = normalizeNewlines(source)
  const refused = textProblems(text)
  if (refused.length > 0) {
    const problems = refused.map((p) => ({ file, ...p, path: '', code: 'file' }))
    return { slug, problems, locate: () => ({ line: 1, column: 1 }) }
  }
  const split = splitFrontmatter(text)
  if ('error' in split) {
    const problem = { file, line: 1, column: 1, path: '', message: split.error, code: 'file' }
    return { slug, problems: [problem], locate: () => ({ line: 1, column: 1 }) }
  }
  return fastPath(split, slug, file, text) ?? slowPath(split, slug, file, text)
}

/** The report's fields: the frontmatter, the slug from the file name, the body. */
function reportInput(fields: Record<string, unknown>, slug: string, body: string) {
  const input: Record<string, unknown> = { slug, ...fields }
  input.slug = slug
  if (body !== '' && fields.description === undefined) input.description = body
  return input
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Most files are valid: js-yaml (several times faster, no source positions) reads them and
 * the schema accepts them. Anything else, a YAML error or a single problem, goes the slow
 * path, which finds positions. `undefined` means "take the slow path".
 */
function fastPath(
  split: Frontmatter,
  slug: string,
  file: string,
  text: string,
): ParsedReportFile | undefined {
  // js-yaml has no limit on aliases: anything that may hold one goes the strict way.
  if (mayHoldUnsafeNodes(split.yaml)) return undefined
  let fields: unknown
  try {
    fields = loadYaml(split.yaml, { schema: CORE_SCHEMA }) ?? {}
  } catch {
    return undefined
  }
  if (!isMapping(fields) || (fields.slug !== undefined && fields.slug !== slug)) return undefined
  const body = split.body.trim()
  if (fields.description !== undefined && body !== '') return undefined
  const result = Report.safeParse(reportInput(fields, slug, body))
  if (!result.success) return undefined
  // Positions are only needed if a rule across files fails: parse for them then.
  let located: ParsedReportFile | undefined
  const locate = (path: readonly PathSegment[], anchor?: Anchor) => {
    located ??= slowPath(split, slug, file, text)
    return located.locate(path, anchor)
  }
  return { slug, report: result.data, problems: [], locate }
}

function slowPath(split: Frontmatter, slug: string, file: string, text: string): ParsedReportFile {
  const lines = new LineIndex(text)
  const problems: ContentProblem[] = []
  const at = (offset: number) => lines.position(offset)
  const yaml = new YamlSource(split.yaml, split.yamlOffset)
  const locate = (path: readonly PathSegment[], anchor?: Anchor) => {
    // The slug usually is not written: it is the file name, at the top of the file.
    if (path[0] === 'slug' && !yaml.document.has('slug')) return { line: 1, column: 1 }
    return lines.position(yaml.offsetOf(path, anchor))
  }
  for (const problem of yaml.problems) {
    problems.push({ file, ...at(problem.offset), path: '', message: problem.message, code: 'yaml' })
  }
  if (problems.length > 0) return { slug, problems, locate }

  const fields = yaml.value() ?? {}
  if (!isMapping(fields)) {
    problems.push({
      file,
      ...at(split.yamlOffset),
      path: '',
      message: 'the frontmatter must be a mapping of fields (`title: …`)',
      code: 'file',
    })
    return { slug, problems, locate }
  }
  const body = split.body.trim()

  if (fields.slug !== undefined && fields.slug !== slug) {
    problems.push({
      file,
      ...locate(['slug']),
      path: 'slug',
      message: `slug "${String(fields.slug)}" does not match the file name ${slug}.md: rename one of them (or drop the slug: the file name is the slug)`,
      code: 'file',
    })
  } else if (slugProblem(slug)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      path: 'slug',
      message: `file name: ${slugProblem(slug)}`,
      code: 'file',
    })
  }
  if (fields.description !== undefined && body !== '') {
    problems.push({
      file,
      ...locate(['description'], 'key'),
      path: 'description',
      message:
        'the overview is written twice, in the frontmatter and as the Markdown body: keep one',
      code: 'file',
    })
  }

  const result = validateYamlValue(Report, reportInput(fields, slug, body), yaml)
  for (const problem of result.problems) {
    // The file-name problems above already cover the slug.
    if (problem.path[0] === 'slug' && problems.some((p) => p.path === 'slug')) continue
    problems.push(locateProblem(problem, file, lines, yaml))
  }
  if (problems.length > 0) return { slug, problems, locate }
  return { slug, report: result.data, problems, locate }
}

const FIELD_ORDER = Object.keys(Report.shape)

/**
 * Writes a report as a source file: frontmatter with the fields in the schema's order, then
 * the overview as the Markdown body. The slug is left out (it is the file name: save the
 * result as `<slug>.md`). `parseReportFile` reads the result back to the same report.
 *
 * @example
 * await writeFile(`catalogue/reports/${report.slug}.md`, serializeReportFile(report))
 */
export function serializeReportFile(
  report: Partial<ReportInput>,
  body: string | undefined = report.description,
): string {
  const fields: Record<string, unknown> = {}
  for (const key of FIELD_ORDER) {
    if (key === 'slug' || key === 'description') continue
    const value = report[key as keyof ReportInput]
    if (value !== undefined) fields[key] = value
  }
  const yaml = stringify(fields, { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: true })
  const text = body?.trim()
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`
}
