// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { hash64, pageEtag } from './etag.ts'

const page = (title: string) =>
  `<!doctype html>\n<html lang="en"><head><title>${title}</title></head><body>…</body></html>\n`

describe('pageEtag', () => {
  it('is a quoted strong validator of 16 hex digits', () => {
    expect(pageEtag(page('A'))).toMatch(/^"[0-9a-f]{16}"$/)
  })

  it('is the same for the same bytes', () => {
    expect(pageEtag(page('Beyond Factory Asia'))).toBe(pageEtag(page('Beyond Factory Asia')))
  })

  it('differs when one character differs, anywhere', () => {
    const body = page('Beyond Factory Asia')
    const seen = new Set([pageEtag(body)])
    for (let i = 0; i < body.length; i++) {
      const changed =
        body.slice(0, i) + String.fromCharCode(body.charCodeAt(i) ^ 1) + body.slice(i + 1)
      seen.add(pageEtag(changed))
    }
    expect(seen.size).toBe(body.length + 1)
  })

  it('differs when two characters swap, or a character is added at the end', () => {
    expect(pageEtag('ab')).not.toBe(pageEtag('ba'))
    expect(pageEtag(page('A'))).not.toBe(pageEtag(`${page('A')} `))
    expect(pageEtag('')).not.toBe(pageEtag('\u0000'))
  })

  it('tells apart characters outside Latin-1 (it hashes UTF-16 code units)', () => {
    expect(hash64('“q”')).not.toBe(hash64('"q"'))
    expect(hash64('\u{1F600}')).not.toBe(hash64('\u{1F601}'))
  })

  it('has no collisions over many similar pages', () => {
    const tags = new Set<string>()
    for (let i = 0; i < 20_000; i++) tags.add(pageEtag(page(`Report ${i}`)))
    expect(tags.size).toBe(20_000)
  })
})
