// What an import collects while it reads one page: the report being built, where each field
// came from (page line), and every note for the editor. Nothing is guessed silently: a value
// that was inferred rather than read is listed in `inferred`; text that found no field is
// listed in `unplaced`, with the reason.
import type { ContentsEntry, IsbnEntry, IssnEntry, Person, Price } from 'colophon-schema'

/** A field whose value the importer decided rather than read from a label. */
export interface InferredField {
  /** Field path as `colophon check` writes it, e.g. `subtitle` or `identifiers.isbn[1].form`. */
  field: string
  why: string
  line?: number | undefined
}

export interface ImportWarning {
  line: number
  message: string
}

/** Page text that found no place in the report. */
export interface UnplacedText {
  line: number
  text: string
  why: string
}

/** The report as the page gives it, before vocabulary keys are resolved. */
export interface DraftReport {
  title?: string
  subtitle?: string
  published?: string
  /** As written on the page ("Reports"); mapped to a vocabulary key later. */
  typeLabel?: string
  /** The type word of a "<Type> | <Month YYYY>" header; a labelled type is preferred to it. */
  headerTypeLabel?: string
  /** As written ("Economics Working Paper Series No. 12"); mapped later. */
  seriesLabel?: string
  edition?: number
  authors?: (Person | { name: string })[]
  publisher?: string
  copublishers?: string[]
  isbn?: IsbnEntry[]
  issn?: IssnEntry[]
  doi?: string
  stockNumber?: string
  summary?: string
  /** Markdown blocks of the overview, joined with blank lines at the end. */
  description?: string[]
  keyFindings?: string[]
  contents?: ContentsEntry[]
  /** Subjects as written; mapped to topic keys later. Each with its line. */
  topicLabels?: { label: string; line: number }[]
  countries?: string[]
  language?: string
  pages?: number
  price?: Price
}

type ListField = {
  [K in keyof DraftReport]-?: NonNullable<DraftReport[K]> extends unknown[] ? K : never
}[keyof DraftReport]

export class PageContext {
  readonly draft: DraftReport = {}
  readonly inferred: InferredField[] = []
  readonly warnings: ImportWarning[] = []
  readonly unplaced: UnplacedText[] = []
  /** Interface text dropped from the page (share, follow, subscribe lines). */
  readonly ignored: UnplacedText[] = []
  /** Page line of each field path, so that a validation problem points at the page. */
  readonly lines = new Map<string, number>()

  /** The draft's list field, created empty on first use. */
  list<K extends ListField>(field: K): NonNullable<DraftReport[K]> {
    const current = this.draft[field]
    if (current) return current as NonNullable<DraftReport[K]>
    const created = [] as unknown as NonNullable<DraftReport[K]>
    this.draft[field] = created
    return created
  }

  at(field: string, line: number): void {
    if (!this.lines.has(field)) this.lines.set(field, line)
  }

  infer(field: string, why: string, line?: number): void {
    this.inferred.push({ field, why, line })
  }

  warn(line: number, message: string): void {
    this.warnings.push({ line, message })
  }

  unplace(line: number, text: string, why: string): void {
    this.unplaced.push({ line, text, why })
  }

  ignore(line: number, text: string, why: string): void {
    this.ignored.push({ line, text, why })
  }

  /**
   * Sets a single-valued field unless the page gave it already; a second, different value
   * is reported rather than silently dropped.
   */
  setOnce<K extends keyof DraftReport>(
    field: K,
    value: NonNullable<DraftReport[K]>,
    line: number,
    text: string,
    path: string = field,
  ): boolean {
    const current = this.draft[field]
    if (current !== undefined) {
      if (JSON.stringify(current) !== JSON.stringify(value)) {
        this.unplace(line, text, `${path} is given already (line ${this.lines.get(path) ?? '?'})`)
      }
      return false
    }
    this.draft[field] = value
    this.at(path, line)
    return true
  }
}
