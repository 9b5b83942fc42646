import { expect, test } from 'vitest'
import { languageTagProblem } from './language.ts'

test('accepts well-formed BCP 47 tags', () => {
  for (const tag of [
    'en',
    'fr',
    'fil',
    'en-GB',
    'zh-Hant',
    'zh-Hant-TW',
    'es-419',
    'sr-Latn-RS',
    'de-CH-1901',
    'sl-rozaj-biske',
    'en-US-x-twain',
    'en-x-private',
    'zh-cmn-Hans-CN',
    'en-a-myext-b-another',
  ]) {
    expect(languageTagProblem(tag), tag).toBeUndefined()
  }
})

test('rejects names and malformed tags', () => {
  for (const value of ['english', 'french', 'en_GB', 'e', 'en-', 'en--GB', 'en-GB-', '12', '']) {
    expect(languageTagProblem(value), value).toBe(
      `language "${value}": expected a BCP 47 tag such as en, fr or zh-Hant`,
    )
  }
})
