import { describe, expect, it } from 'vitest'
import { isCompressible, pickEncoding } from './node-compress.ts'

describe('pickEncoding', () => {
  it('prefers br, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br')
    expect(pickEncoding('gzip')).toBe('gzip')
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(pickEncoding('*')).toBe('br')
    expect(pickEncoding('identity')).toBeUndefined()
    expect(pickEncoding(null)).toBeUndefined()
  })

  it('compresses text, not images', () => {
    expect(isCompressible('text/html; charset=utf-8')).toBe(true)
    expect(isCompressible('application/problem+json')).toBe(true)
    expect(isCompressible('image/png')).toBe(false)
  })
})
