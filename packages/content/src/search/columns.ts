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
  /** Each item's place in an order of all items (by `compare` on `key`, ties by position). */
  | {
      kind: 'rank'
      type: NumberType
      key: (item: T) => unknown
      compare: (a: never, b: never) => number
      same?: (a: never, b: never) => boolean
    }

export interface Columns {
  count: number
  columns: Record<string, Column>
  /** The rank columns' orders, for the next `buildColumns` to start from (watch mode). */
  orders?: Record<string, RankOrder<unknown>>
  /** The items built from, to tell the next `buildColumns` which ones are new. */
  items?: readonly unknown[]
}

/** "2013" → 20130101, "2013-04" → 20130401, "2013-04-15" → 20130415. */
export function dateLowerBound(date: string): number {
  return Number(`${date.slice(0, 4)}${date.slice(5, 7) || '01'}${date.slice(8, 10) || '01'}`)
}
/** "2013" → 20131231, "2013-04" → 20130431 (compared only, so 31 is safe). */
export function dateUpperBound(date: string): number {
  return Number(`${date.slice(0, 4)}${date.slice(5, 7) || '12'}${date.slice(8, 10) || '31'}`)
}

/** Positions sorted by `compare` on their keys, then by position: a total order. */
export interface RankOrder<K> {
  keys: readonly K[]
  order: Uint32Array
}

/** Above this share of changed keys, sorting all again beats placing the changed ones. */
const RESORT_SHARE = 1 / 16

/**
 * The order of `keys` (by `compare`, ties by position). With the order of the same number
 * of keys from before, only the positions whose key changed (by `same`) are placed again:
 * the others keep their relative order, and the changed ones are merged in. The result is
 * what a full sort gives (the order is total), at O(n + k log n) instead of O(n log n).
 *
 * @example
 * const first = rankOrder(titles, collator.compare)
 * const next = rankOrder(editedTitles, collator.compare, first)
 */
export function rankOrder<K>(
  keys: readonly K[],
  compare: (a: K, b: K) => number,
  previous?: RankOrder<K>,
  same: (a: K, b: K) => boolean = Object.is,
): RankOrder<K> {
  const n = keys.length
  const byKey = (a: number, b: number) => compare(keys[a] as K, keys[b] as K) || a - b
  const changed: number[] = []
  if (previous?.keys.length === n) {
    for (let i = 0; i < n && changed.length <= n * RESORT_SHARE; i++)
      if (!same(keys[i] as K, previous.keys[i] as K)) changed.push(i)
  }
  if (!previous || previous.keys.length !== n || changed.length > n * RESORT_SHARE) {
    const order = Uint32Array.from(keys.keys())
    order.sort(byKey)
    return { keys, order }
  }
  if (changed.length === 0) return { keys, order: previous.order }
  const moved = new Set(changed)
  changed.sort(byKey)
  const order = new Uint32Array(n)
  let out = 0
  let c = 0
  for (const position of previous.order) {
    if (moved.has(position)) continue
    while (c < changed.length && byKey(changed[c] as number, position) < 0)
      order[out++] = changed[c++] as number
    order[out++] = position
  }
  while (c < changed.length) order[out++] = changed[c++] as number
  return { keys, order }
}

/** Each position's place in `order`. */
function ranksOf(order: Uint32Array): Uint32Array {
  const rank = new Uint32Array(order.length)
  order.forEach((position, i) => {
    rank[position] = i
  })
  return rank
}

/** The position of each item in title order (locale-aware, numeric, then by position). */
export function titleRanks(titles: readonly string[], language = 'en'): Uint32Array {
  return ranksOf(rankOrder(titles, titleCompare(language)).order)
}

function titleCompare(language: string): (a: string, b: string) => number {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
  return collator.compare
}

/** `2024-05-01T09:30:00Z` → Unix seconds (u32 holds them until 2106); 0 when absent. */
export function modifiedSeconds(modified: string | undefined): number {
  const ms = modified ? Date.parse(modified) : Number.NaN
  return Number.isNaN(ms) ? 0 : Math.max(0, Math.floor(ms / 1000))
}

/** An item's key in "changed" order: `seconds slug`, compared by `compareChanged`. */
type ChangedKey = { seconds: number; slug: string }
const changedKey = (item: { slug: string; modified?: string }): ChangedKey => ({
  seconds: modifiedSeconds(item.modified),
  slug: item.slug,
})
const compareChanged = (a: ChangedKey, b: ChangedKey) =>
  b.seconds - a.seconds || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
const sameChanged = (a: ChangedKey, b: ChangedKey) => a.seconds === b.seconds && a.slug === b.slug

/** The position of each item in "changed" order: most recently modified first, then by slug. */
export function changedRanks(items: readonly { slug: string; modified?: string }[]): Uint32Array {
  return ranksOf(rankOrder(items.map(changedKey), compareChanged).order)
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
  changedRank: {
    kind: 'rank',
    type: 'u32',
    key: changedKey,
    compare: compareChanged,
    same: sameChanged,
  },
  titleRank: { kind: 'rank', type: 'u32', key: (s) => s.title, compare: titleCompare(language) },
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
  previous?: Columns,
): Columns {
  const n = items.length
  const columns: Record<string, Column> = {}
  const orders: Record<string, RankOrder<unknown>> = {}
  const changed = changedPositions(items, previous?.items as readonly T[] | undefined)
  for (const [name, spec] of Object.entries(specs)) {
    const last = previous?.columns[name]
    // Only a few items are new objects, and none reads differently here: the same column.
    if (last && changed && sameAt(changed, items, previous?.items as readonly T[], spec)) {
      columns[name] = last
      const order = previous?.orders?.[name]
      if (order) orders[name] = order
      continue
    }
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
      const compare = spec.compare as (a: unknown, b: unknown) => number
      const same = spec.same as ((a: unknown, b: unknown) => boolean) | undefined
      const before = previous?.orders?.[name]
      const ranked = rankOrder(items.map(spec.key), compare, before, same)
      orders[name] = ranked
      // The same order as before: the same column (its bytes need not be made again).
      columns[name] =
        before && ranked.order === before.order && last
          ? last
          : { kind: 'number', type: spec.type, values: ranksOf(ranked.order) }
    }
  }
  return { count: n, columns, orders, items }
}

/** Where `items` holds other objects than `before`; undefined when too many to compare. */
function changedPositions<T>(items: readonly T[], before: readonly T[] | undefined) {
  if (!before || before.length !== items.length) return undefined
  const changed: number[] = []
  for (let d = 0; d < items.length; d++) {
    if (items[d] === before[d]) continue
    changed.push(d)
    if (changed.length > items.length * RESORT_SHARE) return undefined
  }
  return changed
}

/** Whether `spec` reads the same off `items` as off `before` at each of `positions`. */
function sameAt<T>(
  positions: readonly number[],
  items: readonly T[],
  before: readonly T[],
  spec: ColumnSpec<T>,
): boolean {
  return positions.every((d) => {
    const a = items[d] as T
    const b = before[d] as T
    if (spec.kind === 'multi') {
      const x = spec.values(a) ?? []
      const y = spec.values(b) ?? []
      return x.length === y.length && x.every((v, i) => v === y[i])
    }
    if (spec.kind === 'rank') {
      const same = (spec.same ?? Object.is) as (x: unknown, y: unknown) => boolean
      return same(spec.key(a), spec.key(b))
    }
    return Object.is(spec.value(a), spec.value(b))
  })
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
