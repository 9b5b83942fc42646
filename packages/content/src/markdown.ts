// Markdown to HTML at compile time, safely: micromark with GFM, raw HTML escaped (never
// passed through) and link/image URLs limited to safe protocols (no `javascript:`).
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

const extensions = [gfm()]
const htmlExtensions = [gfmHtml()]

/**
 * Renders an overview written in Markdown (CommonMark + GFM) to HTML that is safe to insert
 * into a page: raw HTML is escaped and dangerous URLs are dropped.
 *
 * @example
 * renderMarkdown('A *bold* <script>x</script>')
 * // '<p>A <em>bold</em> &lt;script&gt;x&lt;/script&gt;</p>'
 */
export function renderMarkdown(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions,
    htmlExtensions,
  }).trim()
}
