// Per-document columns for filters, facets and sort orders: typed arrays indexed by doc id
// (the position in the newest-first list). A column is declared once in REPORT_COLUMNS (how
// to read it off a summary); building, serializing and reading follow from the declaration.
import type { ReportSummary } from 'colophon-schema'
import { fromUtf8, utf8 } from './bytes.ts'
import type { ReadPiece } from './pieces.ts'

/** Code of "no value" in a single-valued category column. */
export const NONE = 0xffff

export type NumberType = 'u8' | 'u16' | 'u32' | 'f64'
type NumberArray = Uint8Array | Uint16Array | Uint32Array | Float64Array
const ARRAYS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f64: Float64Array } as const

/** One value (or none) from a dictionary per document: type, series, year, language. */
export interface CategoryColumn {
  kind: 'category'
  dictionary: string[]
  codes: Uint16Array
}
/** Several values from a dictionary per document (CSR): topics, countries. */
export interface MultiColumn {
  kind: 'multi'
  dictionary: string[]
  offsets: Uint32Array
  codes: Uint16Array
}
/** One number per document: date bounds, title rank (and e.g. a modified time as f64). */
export interface NumberColumn {
  kind: 'number'
  type: NumberType
  values: NumberArray
}
export type Column = CategoryColumn | MultiColumn | NumberColumn

/** How to read one column off the items (summaries) it is built from. */
export type ColumnSpec<T> =
  | { kind: 'category'; value: (item: T) => string | undefined }
  | { kind: 'multi'; values: (item: T) => readonly string[] | undefined }
  | { kind: 'number'; type: NumberType; value: (item: T) => number }
  /** A number computed over all items at once (a rank). */
  | { kind: 'rank'; type: NumberType; rank: (items: readonly T[]) => NumberArray }

export interface Columns {
  count: number
  columns: Record<string, Column>
}

/** "2013" → 20130101, "2013-04" → 20130401, "2013-04-15" → 20130415. */
export function dateLowerBound(date: string): number {
  return Number(`${date.slice(0, 4)}${date.slice(5, 7) || '01'}${date.slice(8, 10) || '01'}`)
}
/** "2013" → 20131231, "2013-04" → 20130431 (compared only, so 31 is safe). */
export function dateUpperBound(date: string): number {
  return Number(`${date.slice(0, 4)}${date.slice(5, 7) || '12'}${date.slice(8, 10) || '31'}`)
}

/** The position of each item in title order (locale-aware, numeric, then by position). */
export function titleRanks(titles: readonly string[], language = 'en'): Uint32Array {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
  const order = Uint32Array.from(titles.keys())
  order.sort((a, b) => collator.compare(titles[a] as string, titles[b] as string) || a - b)
  const rank = new Uint32Array(titles.length)
  order.forEach((position, i) => {
    rank[position] = i
  })
  return rank
}

/** `2024-05-01T09:30:00Z` → Unix seconds (u32 holds them until 2106); 0 when absent. */
export function modifiedSeconds(modified: string | undefined): number {
  const ms = modified ? Date.parse(modified) : Number.NaN
  return Number.isNaN(ms) ? 0 : Math.max(0, Math.floor(ms / 1000))
}

/** The position of each item in "changed" order: most recently modified first, then by slug. */
export function changedRanks(items: readonly { slug: string; modified?: string }[]): Uint32Array {
  const seconds = items.map((s) => modifiedSeconds(s.modified))
  const order = Uint32Array.from(items.keys())
  order.sort((a, b) => {
    const d = (seconds[b] as number) - (seconds[a] as number)
    if (d !== 0) return d
    const x = (items[a] as { slug: string }).slug
    const y = (items[b] as { slug: string }).slug
    return x < y ? -1 : x > y ? 1 : 0
  })
  const rank = new Uint32Array(items.length)
  order.forEach((position, i) => {
    rank[position] = i
  })
  return rank
}

/**
 * The columns of the catalogue's summaries. Adding a column is one entry here; its name is
 * what filters, facets and `columnPieces` use.
 */
export const reportColumns = (language = 'en'): Record<string, ColumnSpec<ReportSummary>> => ({
  type: { kind: 'category', value: (s) => s.type },
  series: { kind: 'category', value: (s) => s.series?.key },
  year: { kind: 'category', value: (s) => s.published.slice(0, 4) },
  language: { kind: 'category', value: (s) => s.language },
  topics: { kind: 'multi', values: (s) => s.topics },
  countries: { kind: 'multi', values: (s) => s.countries },
  dateLo: { kind: 'number', type: 'u32', value: (s) => dateLowerBound(s.published) },
  dateHi: { kind: 'number', type: 'u32', value: (s) => dateUpperBound(s.published) },
  modified: { kind: 'number', type: 'u32', value: (s) => modifiedSeconds(s.modified) },
  changedRank: { kind: 'rank', type: 'u32', rank: (items) => changedRanks(items) },
  titleRank: {
    kind: 'rank',
    type: 'u32',
    rank: (items) =>
      titleRanks(
        items.map((s) => s.title),
        language,
      ),
  },
})

function dictionaryOf(values: Iterable<string | undefined>): string[] {
  const set = new Set<string>()
  for (const v of values) if (v !== undefined) set.add(v)
  const dictionary = [...set].sort()
  if (dictionary.length >= NONE)
    throw new RangeError(`a column holds ${dictionary.length} values; at most ${NONE - 1}`)
  return dictionary
}

/**
 * Builds columns from items in doc-id order.
 *
 * @example
 * const columns = buildColumns(summaries, reportColumns(settings.language))
 * columns.columns.type // { kind: 'category', dictionary: ['books', 'reports'], codes }
 */
export function buildColumns<T>(
  items: readonly T[],
  specs: Record<string, ColumnSpec<T>>,
): Columns {
  const n = items.length
  const columns: Record<string, Column> = {}
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.kind === 'category') {
      const values = items.map(spec.value)
      const dictionary = dictionaryOf(values)
      const code = new Map(dictionary.map((v, i) => [v, i]))
      const codes = new Uint16Array(n)
      values.forEach((v, d) => {
        codes[d] = v === undefined ? NONE : (code.get(v) as number)
      })
      columns[name] = { kind: 'category', dictionary, codes }
    } else if (spec.kind === 'multi') {
      const values = items.map((item) => [...new Set(spec.values(item) ?? [])])
      const dictionary = dictionaryOf(values.flat())
      const code = new Map(dictionary.map((v, i) => [v, i]))
      const offsets = new Uint32Array(n + 1)
      values.forEach((list, d) => {
        offsets[d + 1] = (offsets[d] as number) + list.length
      })
      const codes = new Uint16Array(offsets[n] as number)
      values.forEach((list, d) => {
        list.forEach((v, j) => {
          codes[(offsets[d] as number) + j] = code.get(v) as number
        })
      })
      columns[name] = { kind: 'multi', dictionary, offsets, codes }
    } else if (spec.kind === 'number') {
      const values = new ARRAYS[spec.type](n)
      items.forEach((item, d) => {
        values[d] = spec.value(item)
      })
      columns[name] = { kind: 'number', type: spec.type, values }
    } else {
      const values = spec.rank(items)
      if (values.length !== n)
        throw new RangeError(`column ${name}: ${values.length} values for ${n} items`)
      columns[name] = { kind: 'number', type: spec.type, values }
    }
  }
  return { count: n, columns }
}

export const COLUMNS_META = 'columns/meta'
/** Version of the column pieces' layout. */
export const COLUMNS_FORMAT_VERSION = 1

interface ColumnsMeta {
  version: number
  count: number
  columns: Record<string, { kind: Column['kind']; type?: NumberType; dictionary?: string[] }>
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)

/**
 * The columns as named pieces: `columns/meta` (JSON: count, kinds, dictionaries) and one
 * `columns/<name>` of raw little-endian typed arrays per column (a multi column: its offsets,
 * then its codes).
 *
 * @example
 * for (const [name, bytes] of columnPieces(columns)) write(name, bytes)
 */
export function columnPieces(columns: Columns): Map<string, Uint8Array> {
  const meta: ColumnsMeta = { version: COLUMNS_FORMAT_VERSION, count: columns.count, columns: {} }
  const pieces = new Map<string, Uint8Array>()
  for (const [name, column] of Object.entries(columns.columns)) {
    if (column.kind === 'number') {
      meta.columns[name] = { kind: 'number', type: column.type }
      pieces.set(`columns/${name}`, bytesOf(column.values).slice())
    } else if (column.kind === 'category') {
      meta.columns[name] = { kind: 'category', dictionary: column.dictionary }
      pieces.set(`columns/${name}`, bytesOf(column.codes).slice())
    } else {
      meta.columns[name] = { kind: 'multi', dictionary: column.dictionary }
      const out = new Uint8Array(column.offsets.byteLength + column.codes.byteLength)
      out.set(bytesOf(column.offsets))
      out.set(bytesOf(column.codes), column.offsets.byteLength)
      pieces.set(`columns/${name}`, out)
    }
  }
  pieces.set(COLUMNS_META, utf8.encode(JSON.stringify(meta)))
  return pieces
}

/** A typed view of `bytes` (copied when the piece is not aligned for the type). */
function view(type: NumberType, bytes: Uint8Array, from: number, count: number): NumberArray {
  const Type = ARRAYS[type]
  const offset = bytes.byteOffset + from
  if (offset % Type.BYTES_PER_ELEMENT === 0)
    return new Type(bytes.buffer as ArrayBuffer, offset, count)
  const copy = bytes.slice(from, from + count * Type.BYTES_PER_ELEMENT)
  return new Type(copy.buffer, 0, count)
}

/**
 * Reads columns written by `columnPieces`.
 *
 * @example
 * const columns = await openColumns((name) => store.piece(name))
 */
export async function openColumns(readPiece: ReadPiece): Promise<Columns> {
  const metaBytes = await readPiece(COLUMNS_META)
  if (!metaBytes) throw new Error(`${COLUMNS_META} is missing`)
  const meta = JSON.parse(fromUtf8.decode(metaBytes)) as ColumnsMeta
  if (meta.version !== COLUMNS_FORMAT_VERSION)
    throw new Error(
      `${COLUMNS_META}: format ${meta.version}, this reader reads ${COLUMNS_FORMAT_VERSION}`,
    )
  const n = meta.count
  const entries = await Promise.all(
    Object.entries(meta.columns).map(async ([name, m]): Promise<[string, Column]> => {
      const bytes = await readPiece(`columns/${name}`)
      if (!bytes) throw new Error(`columns/${name} is missing`)
      if (m.kind === 'number') {
        const type = m.type as NumberType
        return [name, { kind: 'number', type, values: view(type, bytes, 0, n) }]
      }
      if (m.kind === 'category')
        return [
          name,
          {
            kind: 'category',
            dictionary: m.dictionary ?? [],
            codes: view('u16', bytes, 0, n) as Uint16Array,
          },
        ]
      const offsets = view('u32', bytes, 0, n + 1) as Uint32Array
      const codes = view('u16', bytes, (n + 1) * 4, offsets[n] as number) as Uint16Array
      return [name, { kind: 'multi', dictionary: m.dictionary ?? [], offsets, codes }]
    }),
  )
  return { count: n, columns: Object.fromEntries(entries) }
}
