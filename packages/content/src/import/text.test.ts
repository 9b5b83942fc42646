import { describe, expect, it } from 'vitest'
import { pageBlocks } from './blocks.ts'
import { interfaceNoise } from './noise.ts'
import { collapseSpaces, normalizeSpaces, pageLines } from './text.ts'

describe('pageLines', () => {
  it('numbers lines, measures indentation and trims, whatever the line endings', () => {
    expect(pageLines('Title\r\n\u00a0 • item\u00a0\rlast')).toEqual([
      { number: 1, indent: 0, text: 'Title' },
      { number: 2, indent: 2, text: '• item' },
      { number: 3, indent: 0, text: 'last' },
    ])
  })

  it('reads a page with and without a final newline alike', () => {
    expect(pageLines('a\nb\n')).toEqual(pageLines('a\nb'))
  })

  it('counts a tab as four columns', () => {
    expect(pageLines('\t• x')[0]?.indent).toBe(4)
  })
})

describe('normalizeSpaces and collapseSpaces', () => {
  it('turns Unicode spaces into spaces and drops zero-width characters', () => {
    expect(normalizeSpaces('a\u00a0b\u202fc\u2009d\u200be\ufeff')).toBe('a b c de')
  })

  it('collapses runs of spaces and tabs', () => {
    expect(collapseSpaces('  a \t  b  ')).toBe('a b')
  })
})

describe('pageBlocks', () => {
  const blocks = (text: string) => pageBlocks(pageLines(text))

  it('nests bullets by indentation', () => {
    const [intro, list] = blocks('Intro:\n • a\n   • a1\n     • a1x\n   • a2\n • b')
    expect(intro).toMatchObject({ kind: 'text', text: 'Intro:', line: 1 })
    expect(list).toMatchObject({
      kind: 'list',
      line: 2,
      items: [
        {
          text: 'a',
          children: [{ text: 'a1', children: [{ text: 'a1x', line: 4 }] }, { text: 'a2' }],
        },
        { text: 'b', line: 6 },
      ],
    })
  })

  it('joins a wrapped item to its bullet', () => {
    const [list] = blocks('  • a long item that the capture\n    broke over two lines\n  • next')
    expect(list).toMatchObject({
      items: [{ text: 'a long item that the capture broke over two lines' }, { text: 'next' }],
    })
  })

  it('ends a list at a blank line, and counts blank lines before a block', () => {
    const result = blocks('• a\n\n\n• b\nText')
    expect(result.map((b) => [b.kind, b.blankBefore])).toEqual([
      ['list', 0],
      ['list', 2],
      ['text', 0],
    ])
  })

  it('takes "- " and "* " as bullets but not a hyphenated word', () => {
    expect(blocks('- a\n* b').map((b) => b.kind)).toEqual(['list'])
    expect(blocks('-based text')[0]?.kind).toBe('text')
  })
})

describe('interfaceNoise', () => {
  it.each([
    ['Share', 'a share button'],
    ['Share this page', 'a share button'],
    ['Share on LinkedIn', 'a share button'],
    ['Facebook | Twitter | LinkedIn | Email', 'social media links'],
    ['Subscribe to our newsletter', 'a subscription prompt'],
    ['Sign up for updates', 'a subscription prompt'],
    ['Follow us on Instagram', 'a follow link'],
    ['Print', 'a page action'],
    [
      'Download the full report (PDF, 3.2 MB)',
      'a download or order button (files are not imported from captures)',
    ],
    ['Home > Publications > Reports', 'site navigation'],
  ])('drops %j as %s', (line, why) => {
    expect(interfaceNoise(line)).toBe(why)
  })

  it.each([
    'Share of Manufacturing in Output',
    'Shared Prosperity',
    'Follow-up Actions',
    'Economies share a common challenge.',
    'Subscribers to the scheme paid less.',
  ])('keeps %j', (line) => {
    expect(interfaceNoise(line)).toBeUndefined()
  })
})
