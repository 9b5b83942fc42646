/**
 * colophon-content/node: the compile step and helpers that need Node's file system.
 *
 * @example
 * import { build, readCompiledCatalogue } from 'colophon-content/node'
 * const result = await build({ dir: 'catalogue', out: 'dist/catalogue' })
 */
export {
  type BuildOptions,
  build,
  type CompileOptions,
  compile,
  listReportFiles,
  loadCatalogue,
  updateOutput,
  writeOutputAtomic,
} from './build.js'
export { CATALOGUE_FILE, parseCatalogueFile, REPORTS_DIR } from './catalogue-file.js'
export { CatalogueCompiler, type CompileResult, type CompilerOptions } from './compiler.js'
export {
  formatGithub,
  formatHuman,
  formatJson,
  formatProblemsAs,
  type ProblemFormat,
} from './format-problems.js'
export {
  type GenerateOptions,
  generateCatalogue,
  generateReports,
  syntheticSettings,
} from './generate.js'
export { renderMarkdown } from './markdown.js'
export type { ContentProblem, Location } from './problem.js'
export { readCompiledCatalogue } from './read-catalogue.js'
export { parseReportFile, serializeReportFile, slugFromFileName } from './report-file.js'
