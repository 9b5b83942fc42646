// What the last build's output was made from, as the build's cache keeps it (`state.bin`
// beside `last.json`), for a build that changed a few reports to update that output in
// place (in-place-build.ts): the search index's entries (so that no other report is read
// or tokenized again), each report's hash and the few summary fields the columns, the
// vocabulary counts and the list order read. One file, read back with few objects: a JSON
// header, the texts (terms, identifier keys, items, hashes), then typed arrays
// (little-endian, 4-byte aligned).
import { readFileSync } from 'node:fs'
import type { ReportSummary } from 'colophon-schema'
import {
  FIELD_COUNT,
  replaceTermEntries,
  type SearchSource,
  type TermEntries,
} from './search/index.ts'

/** The summary fields the columns, the vocabulary counts and the list order read. */
export type StateItem = Pick<
  ReportSummary,
  'slug' | 'title' | 'published' | 'type' | 'language' | 'topics' | 'countries' | 'modified'
> & { series?: { key: string } }

/** A summary's `StateItem`. */
export function stateItem(s: ReportSummary): StateItem {
  return {
    slug: s.slug,
    title: s.title,
    published: s.published,
    type: s.type,
    language: s.language,
    modified: s.modified,
    ...(s.series && { series: { key: s.series.key } }),
    ...(s.topics && { topics: s.topics }),
    ...(s.countries && { countries: s.countries }),
  }
}

/** The last output's reports in doc-id order, and its search index's entries. */
export interface BuildState {
  entries: TermEntries
  items: StateItem[]
  /** Each report's hash (`EmittedReport.hash`). */
  hashes: string[]
  /** The output's pieces' size as the typed entry counts it (`CatalogueOutput.piecesSize`). */
  piecesSize: number
}

/** Version of `search.bin`'s layout; a file of any other is not used. */
const STATE_VERSION = 1

interface StateHeader {
  version: number
  /** The code that made it (`compilerFingerprint`). */
  fingerprint: string
  /** The output it belongs to (its manifest's content hash). */
  contentHash: string
  docCount: number
  fieldCount: number
  termCount: number
  entryCount: number
  termBytes: number
  identifierBytes: number
  itemBytes: number
  hashBytes: number
  piecesSize: number
  /** The identifier lookup's key count and its keys' bytes, when it follows (else 0). */
  idKeyCount: number
  idKeyBytes: number
  idDocCount: number
}

const pad4 = (n: number) => (n + 3) & ~3
const bytesOf = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)

/**
 * `state` as the bytes of `state.bin` (in parts, written one after the other), for the
 * output whose content hash is `contentHash`.
 *
 * @example
 * await writeFile('state.bin', encodeBuildState(state, { fingerprint, contentHash }))
 */
export function encodeBuildState(
  state: BuildState,
  owner: { fingerprint: string; contentHash: string },
): Uint8Array[] {
  const { entries } = state
  const terms = Buffer.from(entries.terms.join('\n'))
  const identifiers = Buffer.from(JSON.stringify(entries.identifiers))
  const items = Buffer.from(JSON.stringify(state.items))
  const hashes = Buffer.from(JSON.stringify(state.hashes))
  const table = entries.identifierTable
  const idKeys = Buffer.from(table ? JSON.stringify(table.keys) : '')
  const header: StateHeader = {
    version: STATE_VERSION,
    ...owner,
    docCount: entries.docCount,
    fieldCount: FIELD_COUNT,
    termCount: entries.terms.length,
    entryCount: entries.entryDoc.length,
    termBytes: terms.length,
    identifierBytes: identifiers.length,
    itemBytes: items.length,
    hashBytes: hashes.length,
    piecesSize: state.piecesSize,
    idKeyCount: table ? table.keys.length : 0,
    idKeyBytes: idKeys.length,
    idDocCount: table ? table.docs.length : 0,
  }
  const head = Buffer.from(JSON.stringify(header))
  const parts: Uint8Array[] = [Buffer.alloc(4), head, terms, identifiers, items, hashes, idKeys]
  ;(parts[0] as Buffer).writeUInt32LE(head.length)
  const textLength = parts.reduce((n, part) => n + part.length, 0)
  parts.push(Buffer.alloc(pad4(textLength) - textLength))
  for (const array of [
    entries.termStart,
    entries.fieldLengths,
    entries.entryDoc,
    entries.entryFieldTf,
    ...(table ? [table.offsets, table.docs] : []),
  ])
    parts.push(bytesOf(array))
  return parts
}

/**
 * A report changed since `state.bin` was written, as `state-changes.json` keeps it: an
 * in-place update writes these few (not the 30 MB of the state again), and the next one
 * replaces their entries together with its own.
 */
export interface ChangedDoc {
  doc: number
  /** Its search text now, and as `state.bin` holds its entries. */
  source: SearchSource
  before: SearchSource
  item: StateItem
  hash: string
}

/** The reports changed since `state.bin`: from the output it is of to the one they make. */
export interface StateChanges {
  fingerprint: string
  base: string
  result: string
  piecesSize: number
  docs: ChangedDoc[]
}

/**
 * The last output's state: `state.bin`'s, with the items, hashes and size of the reports
 * changed since (`pending`) already in place, but not their search entries.
 */
export interface LoadedState {
  state: BuildState
  pending: ChangedDoc[]
  /** The content hash of the output `state.bin` is of. */
  base: string
}

/** Where an in-place update keeps the reports changed since `state.bin`. */
export const changesPathOf = (statePath: string) => statePath.replace(/\.bin$/, '-changes.json')

/**
 * The state of the output `owner` names (same code), from `state.bin` and the changes kept
 * since; undefined when there is none: a missing, stale or damaged file is never an error,
 * only a slower build.
 *
 * @example
 * const loaded = await readBuildState('.out.cache/state.bin', { fingerprint, contentHash })
 */
export async function readBuildState(
  path: string,
  owner: { fingerprint: string; contentHash: string },
): Promise<LoadedState | undefined> {
  let bytes: Buffer
  try {
    // In one read: the promise API reads a large file in chunks of 512 KB, a round trip each.
    bytes = readFileSync(path)
  } catch {
    return undefined
  }
  let decoded: { contentHash: string; state: BuildState } | undefined
  try {
    decoded = decodeBuildState(bytes, owner.fingerprint)
  } catch {
    return undefined
  }
  if (!decoded) return undefined
  const { state, contentHash: base } = decoded
  if (base === owner.contentHash) return { state, pending: [], base }
  let changes: StateChanges
  try {
    changes = JSON.parse(readFileSync(changesPathOf(path), 'utf8')) as StateChanges
  } catch {
    return undefined
  }
  if (
    changes.fingerprint !== owner.fingerprint ||
    changes.base !== base ||
    changes.result !== owner.contentHash
  )
    return undefined
  for (const { doc, item, hash } of changes.docs) {
    if (doc < 0 || doc >= state.items.length) return undefined
    state.items[doc] = item
    state.hashes[doc] = hash
  }
  state.piecesSize = changes.piecesSize
  return { state, pending: changes.docs, base }
}

/**
 * The state with the pending reports' search entries replaced: what a full build of the
 * same output leaves in `state.bin`.
 *
 * @example
 * const { entries } = currentState(await readBuildState(path, owner))
 */
export function currentState(loaded: LoadedState): BuildState {
  if (loaded.pending.length === 0) return loaded.state
  const entries = replaceTermEntries(
    loaded.state.entries,
    new Map(loaded.pending.map((p) => [p.doc, p.source])),
    new Map(loaded.pending.map((p) => [p.doc, p.before])),
  )
  return { ...loaded.state, entries }
}

function decodeBuildState(
  bytes: Buffer,
  fingerprint: string,
): { contentHash: string; state: BuildState } | undefined {
  const headLength = bytes.readUInt32LE(0)
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + headLength)) as StateHeader
  if (
    header.version !== STATE_VERSION ||
    header.fingerprint !== fingerprint ||
    header.fieldCount !== FIELD_COUNT
  )
    return undefined
  let at = 4 + headLength
  const text = (length: number) => {
    const value = bytes.toString('utf8', at, at + length)
    at += length
    return value
  }
  const termText = text(header.termBytes)
  const terms = termText === '' ? [] : termText.split('\n')
  const identifiers = JSON.parse(text(header.identifierBytes)) as string[][]
  const items = JSON.parse(text(header.itemBytes)) as StateItem[]
  const hashes = JSON.parse(text(header.hashBytes)) as string[]
  const idKeysText = text(header.idKeyBytes)
  at = pad4(at)
  // Views of the file's buffer where it is aligned for them (a large file's buffer is its
  // own), else copies.
  const array = (length: number) => {
    const end = at + length * 4
    if (end > bytes.length) throw new RangeError('state.bin is cut short')
    const offset = bytes.byteOffset + at
    let out: Uint32Array
    if (offset % 4 === 0) out = new Uint32Array(bytes.buffer, offset, length)
    else {
      out = new Uint32Array(length)
      bytesOf(out).set(bytes.subarray(at, end))
    }
    at = end
    return out
  }
  const N = header.docCount
  const termStart = array(header.termCount + 1)
  const fieldLengths = array(N * FIELD_COUNT)
  const entryDoc = array(header.entryCount)
  const entryFieldTf = array(header.entryCount)
  const identifierTable =
    idKeysText === ''
      ? undefined
      : {
          keys: JSON.parse(idKeysText) as string[],
          offsets: array(header.idKeyCount + 1),
          docs: array(header.idDocCount),
        }
  if (
    terms.length !== header.termCount ||
    identifiers.length !== N ||
    items.length !== N ||
    hashes.length !== N ||
    termStart[header.termCount] !== header.entryCount
  )
    return undefined
  const entries = {
    docCount: N,
    terms,
    termStart,
    entryDoc,
    entryFieldTf,
    fieldLengths,
    identifiers,
    ...(identifierTable && { identifierTable }),
  }
  return {
    contentHash: header.contentHash,
    state: { entries, items, hashes, piecesSize: header.piecesSize },
  }
}
