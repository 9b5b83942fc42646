// The catalogue file (`catalogue.yaml`): settings and vocabularies.
import { CatalogueSettings, type PathSegment } from 'colophon-schema'
import type { ContentProblem } from './problem.ts'
import { normalizeNewlines, textProblems } from './source-text.ts'
import { locateProblem, validateYamlValue } from './validate.ts'
import { type Anchor, LineIndex, YamlSource } from './yaml-source.ts'

export const CATALOGUE_FILE = 'catalogue.yaml'
export const REPORTS_DIR = 'reports'

export interface ParsedCatalogueFile {
  settings?: CatalogueSettings
  problems: ContentProblem[]
  locate(path: readonly PathSegment[], anchor?: Anchor): { line: number; column: number }
}

/**
 * Reads and validates the catalogue file.
 *
 * @example
 * const { settings, problems } = parseCatalogueFile(text, 'catalogue/catalogue.yaml')
 */
export function parseCatalogueFile(source: string, file: string): ParsedCatalogueFile {
  const text = normalizeNewlines(source)
  const refused = textProblems(text)
  if (refused.length > 0) {
    const problems = refused.map((p) => ({ file, ...p, path: '', code: 'file' }))
    return { problems, locate: () => ({ line: 1, column: 1 }) }
  }
  const lines = new LineIndex(text)
  const yaml = new YamlSource(text, 0)
  const locate = (path: readonly PathSegment[], anchor?: Anchor) =>
    lines.position(yaml.offsetOf(path, anchor))
  const problems: ContentProblem[] = yaml.problems.map((p) => ({
    file,
    ...lines.position(p.offset),
    path: '',
    message: p.message,
    code: 'yaml',
  }))
  if (problems.length > 0) return { problems, locate }
  const result = validateYamlValue(CatalogueSettings, yaml.value() ?? {}, yaml)
  for (const problem of result.problems) problems.push(locateProblem(problem, file, lines, yaml))
  return problems.length > 0 ? { problems, locate } : { settings: result.data, problems, locate }
}
