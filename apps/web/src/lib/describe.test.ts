import { describe, expect, it } from 'vitest'
import { firstSentence, htmlToText } from './describe.ts'

describe('description helpers', () => {
  it('reads the text of compiled HTML, entities decoded', () => {
    expect(htmlToText('<p>Growth &amp; trade</p>\n<p>It&#39;s &#x2014; new.</p>')).toBe(
      "Growth & trade It's — new.",
    )
  })

  it('cuts at the first sentence, not inside a number', () => {
    expect(firstSentence('Growth was 2.5 per cent. Then it fell.')).toBe('Growth was 2.5 per cent.')
    expect(firstSentence('No full stop here')).toBe('No full stop here')
  })
})
