import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown.ts'

describe('renderMarkdown', () => {
  it('renders CommonMark and GFM (emphasis, links, lists, tables, strikethrough)', () => {
    expect(renderMarkdown('A *b* **c** [d](https://e.org/f) ~~g~~')).toBe(
      '<p>A <em>b</em> <strong>c</strong> <a href="https://e.org/f">d</a> <s>g</s></p>',
    )
    expect(renderMarkdown('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>')
    expect(renderMarkdown('| a |\n| - |\n| b |')).toContain('<table>')
  })

  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](javascript&colon;alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '![x](javascript:alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '<javascript:alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '<div onclick="alert(1)">x</div>',
    '<style>body{display:none}</style>',
    '```html\n<script>alert(1)</script>\n```',
    '`<script>`',
    '<!-- comment --><svg onload=alert(1)>',
  ]

  it.each(hostile)('passes no raw HTML and no dangerous URL through: %s', (input) => {
    const html = renderMarkdown(input)
    expect(html).not.toMatch(/<(script|img|iframe|div|style|svg)\b/i)
    expect(html).not.toMatch(/href="\s*(javascript|vbscript|data):/i)
    expect(html).not.toMatch(/src="\s*(javascript|vbscript|data):/i)
    expect(html).not.toMatch(/<a [^>]*on\w+=/i)
  })

  it('escapes raw HTML as text rather than dropping it', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    )
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>')
  })

  it('keeps relative, http(s) and mailto links', () => {
    expect(renderMarkdown('[a](/reports/x) [b](http://x.org) [c](mailto:a@b.org) [d](#top)')).toBe(
      '<p><a href="/reports/x">a</a> <a href="http://x.org">b</a> <a href="mailto:a@b.org">c</a> <a href="#top">d</a></p>',
    )
  })
})
