// Resumption tokens that need no server state: a token names the request and the last
// item sent (datestamp and slug), so the next page is "the items after it" in the same
// order. A new catalogue deployed mid-harvest does not shift the pages: items are found by
// position in the datestamp order, not by an offset, and a changed report moves to the end
// (a later datestamp), where the harvest still reaches it.

export interface ListState {
  verb: 'ListIdentifiers' | 'ListRecords'
  metadataPrefix: string
  set?: string
  from?: string
  until?: string
  /** The last item sent: [datestamp, slug]. */
  after: [string, string]
}

const VERSION = 1

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(
    Uint8Array.from(binary, (c) => c.charCodeAt(0)),
  )
}

/**
 * The token of the page after `state.after`.
 *
 * @example
 * encodeToken({ verb: 'ListRecords', metadataPrefix: 'oai_dc', after: ['2024-01-01T00:00:00Z', 'a'] })
 */
export function encodeToken(state: ListState): string {
  return toBase64Url(
    JSON.stringify([
      VERSION,
      state.verb,
      state.metadataPrefix,
      state.set ?? null,
      state.from ?? null,
      state.until ?? null,
      state.after,
    ]),
  )
}

const optionalString = (v: unknown): v is string | null => v === null || typeof v === 'string'

/** The state a token carries, or undefined for anything this server did not make. */
export function decodeToken(token: string): ListState | undefined {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(token)) return undefined
  let value: unknown
  try {
    value = JSON.parse(fromBase64Url(token))
  } catch {
    return undefined
  }
  if (!Array.isArray(value) || value.length !== 7 || value[0] !== VERSION) return undefined
  const [, verb, metadataPrefix, set, from, until, after] = value
  if (verb !== 'ListIdentifiers' && verb !== 'ListRecords') return undefined
  if (typeof metadataPrefix !== 'string') return undefined
  if (!optionalString(set) || !optionalString(from) || !optionalString(until)) return undefined
  if (
    !Array.isArray(after) ||
    after.length !== 2 ||
    typeof after[0] !== 'string' ||
    typeof after[1] !== 'string'
  )
    return undefined
  return {
    verb,
    metadataPrefix,
    ...(set === null ? {} : { set }),
    ...(from === null ? {} : { from }),
    ...(until === null ? {} : { until }),
    after: [after[0], after[1]],
  }
}
