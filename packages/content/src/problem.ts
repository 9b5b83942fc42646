// A problem in a catalogue source file, located for an editor: file, line, column, the
// field's path and a message they can act on.

export interface Location {
  /** The file's path as the compile step was given it (the formatters make it relative). */
  file: string
  /** 1-based. */
  line: number
  /** 1-based, in UTF-16 code units. */
  column: number
}

export interface ContentProblem extends Location {
  /** The field, as an editor reads it (`contents[2].children[0].title`); '' for the file. */
  path: string
  message: string
  /** Where it came from: `yaml`, `file`, a Zod issue code, or `catalogue` (rules across files). */
  code: string
  /** Other places involved, such as the first report that used a duplicated ISBN. */
  related?: Location[]
}

/** Orders problems by file, then line, then column: the order an editor fixes them in. */
export function compareProblems(a: ContentProblem, b: ContentProblem): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  )
}
