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
} from './build.ts'
export { CATALOGUE_FILE, parseCatalogueFile, REPORTS_DIR } from './catalogue-file.ts'
export { CatalogueCompiler, type CompileResult, type CompilerOptions } from './compiler.ts'
export {
  formatGithub,
  formatHuman,
  formatJson,
  formatProblemsAs,
  type ProblemFormat,
} from './format-problems.ts'
export {
  type GenerateOptions,
  generateCatalogue,
  generateReports,
  syntheticSettings,
} from './generate.ts'
export { renderMarkdown } from './markdown.ts'
export type { ContentProblem, Location } from './problem.ts'
export { readCompiledCatalogue } from './read-catalogue.ts'
export { parseReportFile, serializeReportFile, slugFromFileName } from './report-file.ts'
export { folderSource, readManifest } from './snapshot/folder-source.ts'
