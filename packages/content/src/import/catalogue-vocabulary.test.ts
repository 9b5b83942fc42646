import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CatalogueSettings } from 'colophon-schema'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { addVocabularyEntries } from './catalogue-vocabulary.ts'

const bundled = readFileSync(join(import.meta.dirname, '../../catalogue/catalogue.yaml'), 'utf8')

describe('addVocabularyEntries', () => {
  it('adds entries to the bundled catalogue.yaml and changes none of its other lines', () => {
    const out = addVocabularyEntries(bundled, [
      { vocabulary: 'topics', key: 'energy', label: 'Energy', line: 3 },
      { vocabulary: 'series', key: 'delta-briefs', label: 'Delta Briefs: Notes', line: 4 },
    ])
    const before = bundled.split('\n')
    const after = out.split('\n')
    // Every line stays but the empty `{}` of the two vocabularies, which become blocks.
    expect(before.filter((line) => !after.includes(line))).toEqual(['  series: {}', '  topics: {}'])
    expect(after.filter((line) => !before.includes(line))).toEqual([
      '  series:',
      '    delta-briefs:',
      '      label: "Delta Briefs: Notes"',
      '  topics:',
      '    energy:',
      '      label: Energy',
    ])
    const settings = CatalogueSettings.parse(parse(out))
    expect(settings.vocabularies.series?.['delta-briefs']).toEqual({ label: 'Delta Briefs: Notes' })
  })

  it('leaves the text as it is with nothing to add, and never replaces an entry', () => {
    expect(addVocabularyEntries(bundled, [])).toBe(bundled)
    const once = addVocabularyEntries(bundled, [
      { vocabulary: 'topics', key: 'energy', label: 'Energy', line: 1 },
    ])
    expect(
      addVocabularyEntries(once, [
        { vocabulary: 'topics', key: 'energy', label: 'Other', line: 1 },
      ]),
    ).toBe(once)
  })

  it('appends to a vocabulary written as a block, after its last entry, at its indentation', () => {
    const text =
      'vocabularies:\n  types:\n    reports: { label: Reports }\n  topics:\n    # water first\n    water:\n      label: Water\n# the end\ndefaults:\n  type: reports'
    expect(
      addVocabularyEntries(text, [
        { vocabulary: 'topics', key: 'energy', label: 'Energy', line: 1 },
      ]),
    ).toBe(
      'vocabularies:\n  types:\n    reports: { label: Reports }\n  topics:\n    # water first\n    water:\n      label: Water\n    energy:\n      label: Energy\n# the end\ndefaults:\n  type: reports',
    )
  })
})
