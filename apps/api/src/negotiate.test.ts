import { describe, expect, it } from 'vitest'
import { negotiate } from './negotiate.ts'

const offers = [
  ['application/json'],
  ['application/x-bibtex', 'text/x-bibtex'],
  ['application/xml', 'text/xml'],
]

describe('negotiate', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['*/*', 0],
    ['application/x-bibtex', 1],
    ['text/x-bibtex', 1],
    ['TEXT/XML', 2],
    ['application/json;q=0.1, application/xml', 2],
    ['application/*;q=0.2, application/xml;q=0.9', 2],
    ['text/*', 1],
    ['image/png', undefined],
    ['application/json;q=0', undefined],
    ['application/json;q=0, */*;q=0.1', 1],
    ['garbage', 0],
    ['application/x-bibtex;q=abc', undefined],
  ])('Accept %j → offer %j', (accept, expected) => {
    expect(negotiate(accept, offers)).toBe(expected)
  })
})
