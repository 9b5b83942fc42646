import { expect, test } from 'vitest'
import { z } from 'zod'
import {
  CountryCode,
  CurrencyCode,
  HttpUrl,
  Isbn,
  LanguageTag,
  MediaType,
  NonBlank,
  PartialDate,
  Slug,
  strictObject,
  unknownFieldMessage,
} from './fields.ts'
import { problemsOf } from './test-support/problems-of.ts'

test('each ruled string carries its own message', () => {
  expect(problemsOf(Isbn, '978-92-9254-047-1')).toEqual([
    'ISBN 978-92-9254-047-1: check digit should be 0',
  ])
  expect(Isbn.parse('978-92-9254-047-0')).toBe('978-92-9254-047-0')
  expect(problemsOf(PartialDate, '2013-02-30')).toEqual([
    'date 2013-02-30: February 2013 has 28 days',
  ])
  expect(problemsOf(Slug, 'Hello World')).toEqual([
    'slug "Hello World": use lowercase letters, digits and single hyphens, e.g. "hello-world"',
  ])
  expect(problemsOf(LanguageTag, 'en_GB')).toEqual([
    'language "en_GB": expected a BCP 47 tag such as en, fr or zh-Hant',
  ])
  expect(problemsOf(CountryCode, 'ph')).toEqual([
    'country "ph": ISO 3166-1 codes are upper case, did you mean "PH"?',
  ])
})

test('a ruled string says what it expected when given something else', () => {
  expect(problemsOf(Isbn, 9789292540470)).toEqual(['expected text, found number 9789292540470'])
  expect(problemsOf(Slug, undefined)).toEqual(['required'])
})

test('NonBlank refuses empty and whitespace-only text', () => {
  expect(problemsOf(NonBlank, '')).toEqual(['must not be empty'])
  expect(problemsOf(NonBlank, ' \t\n')).toEqual(['must not be empty'])
  expect(NonBlank.parse(' x ')).toBe(' x ')
})

test('HttpUrl accepts absolute http(s) URLs unchanged', () => {
  for (const url of [
    'https://www.adb.org/sites/default/files/publication/30224/beyond-factory-asia.pdf',
    'http://example.org',
    'https://example.org/a?b=c#d',
    'https://[::1]:8080/x',
  ]) {
    expect(HttpUrl.parse(url)).toBe(url)
  }
})

test('HttpUrl refuses other schemes, relative URLs, spaces and broken hosts', () => {
  expect(problemsOf(HttpUrl, 'javascript:alert(1)')).toEqual([
    'expected an absolute http(s) URL, not a javascript: URL',
  ])
  expect(problemsOf(HttpUrl, 'JavaScript:alert(1)')).toEqual([
    'expected an absolute http(s) URL, not a javascript: URL',
  ])
  expect(problemsOf(HttpUrl, 'data:text/html,<script>')).toEqual([
    'expected an absolute http(s) URL, not a data: URL',
  ])
  expect(problemsOf(HttpUrl, 'ftp://example.org/x.pdf')).toEqual([
    'expected an absolute http(s) URL, not a ftp: URL',
  ])
  for (const value of [
    '/files/report.pdf',
    'example.org/report.pdf',
    ' https://example.org',
    'https://example.org/a b.pdf',
    'https:example.org',
    'HTTPS://example.org',
    'https://',
    'https://exa[mple.org',
    '',
  ]) {
    expect(problemsOf(HttpUrl, value), value).toEqual(['expected an absolute http(s) URL'])
  }
})

test('MediaType and CurrencyCode', () => {
  expect(MediaType.parse('application/pdf')).toBe('application/pdf')
  expect(MediaType.parse('application/epub+zip')).toBe('application/epub+zip')
  expect(problemsOf(MediaType, 'pdf')).toEqual(['expected a media type such as application/pdf'])
  expect(CurrencyCode.parse('USD')).toBe('USD')
  expect(problemsOf(CurrencyCode, 'usd')).toEqual([
    'expected an ISO 4217 currency code such as USD',
  ])
})

test('strictObject names each unknown key with the closest known field', () => {
  const Thing = strictObject({ title: z.string(), subtitle: z.string().optional() })
  expect(problemsOf(Thing, { title: 'x', titel: 'y', colour: 'red', subtitel: 'z' })).toEqual([
    'titel: unknown field, did you mean title?',
    'colour: unknown field',
    'subtitel: unknown field, did you mean subtitle?',
  ])
  expect(unknownFieldMessage('isnb', ['isbn', 'issn', 'doi'])).toBe(
    'isnb: unknown field, did you mean isbn?',
  )
})
