import { describe, expect, it } from 'vitest'
import { fnv1a64, matchesIfNoneMatch, notModified, strongEtag } from './http-cache.ts'

describe('ETags', () => {
  it('hashes stably to 16 hex digits and differs by input', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325')
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c')
    expect(fnv1a64('q=trade')).not.toBe(fnv1a64('q=trades'))
  })

  it('matches If-None-Match lists, weak forms and *', () => {
    const etag = strongEtag('abc', 'json')
    expect(etag).toBe('"abc-json"')
    expect(matchesIfNoneMatch('"abc-json"', etag)).toBe(true)
    expect(matchesIfNoneMatch('"x", W/"abc-json"', etag)).toBe(true)
    expect(matchesIfNoneMatch('*', etag)).toBe(true)
    expect(matchesIfNoneMatch('"abc-bibtex"', etag)).toBe(false)
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false)
  })

  it('answers 304 with the caching headers only when the tag matches', () => {
    const request = new Request('http://x/', { headers: { 'If-None-Match': '"t"' } })
    const res = notModified(request, '"t"', { 'Cache-Control': 'public' })
    expect(res?.status).toBe(304)
    expect(res?.headers.get('ETag')).toBe('"t"')
    expect(res?.headers.get('Cache-Control')).toBe('public')
    expect(notModified(request, '"u"', {})).toBeUndefined()
  })
})
