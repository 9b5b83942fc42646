// Whatever a capture holds, the importer answers: no exception, and every note points at a
// line of the page.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importPage } from './import-page.ts'

const vocabularies = {
  types: { reports: { label: 'Reports' } },
  topics: { water: { label: 'Water' } },
}

// Lines built from the pieces pages are made of, so that the walker's branches are reached.
const piece = fc.constantFrom(
  'Date: April 2013',
  'Type: Reports',
  'Reports | 3 May 2020',
  'ISBN: 978-92-9254-047-0 (print), 978-92-9254-048-7 (web)',
  'ISSN: 3041-5527',
  'Water; Energy',
  'Some of the report’s findings include:',
  'Key Findings',
  'Contents',
  'Additional Details',
  'Subjects',
  'Viet Nam, Lao PDR',
  '212 pages',
  'Share this page',
  'A Heading Line',
  'One sentence only.',
  'A paragraph. With two sentences.',
  '  • an item;',
  '    • A Nested Entry',
  '  • Foreword',
  '  • References',
  'Price:',
  '  • US$10.00',
  '',
  '\u00a0',
)
const line = fc.oneof(piece, fc.string({ maxLength: 40 }))

describe('importPage on any page', () => {
  it('never throws, and every note is on a line of the page', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, eol) => {
          const text = lines.join(eol)
          const count = Math.max(1, text.split(/\r\n|\r|\n/).length)
          const result = importPage(text, { vocabularies })
          const notes = [
            ...result.warnings,
            ...result.unplaced,
            ...result.ignored,
            ...result.inferred.filter((i) => i.line !== undefined),
          ]
          for (const note of notes) {
            expect(note.line).toBeGreaterThanOrEqual(1)
            expect(note.line).toBeLessThanOrEqual(count)
          }
          for (const line of result.lines.values()) expect(line).toBeLessThanOrEqual(count)
        },
      ),
      { numRuns: 300 },
    )
  })
})
