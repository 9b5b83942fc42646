// The citation processor, loaded only when a reader opens "Cite this": citation-js with
// citeproc-js (through @citation-js/plugin-csl) and the CSL styles we offer. APA ships
// with plugin-csl; Chicago author-date is the CSL project's style, from the style-chicago
// package (citeproc-js reads its JSON form of the CSL XML directly).
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import chicago from 'style-chicago'

export const STYLES = {
  apa: { label: 'APA', template: 'apa' },
  chicago: { label: 'Chicago', template: 'chicago-author-date' },
} as const
export type StyleName = keyof typeof STYLES

let registered = false
function register(): void {
  if (registered) return
  const csl = plugins.config.get('@csl') as {
    templates: { add(name: string, style: unknown): void }
  }
  csl.templates.add(STYLES.chicago.template, chicago)
  registered = true
}

/**
 * Formats CSL-JSON (as served by the API) as a bibliography entry in a CSL style.
 *
 * @example
 * formatCitation('[{"id":"x","type":"report","title":"T","issued":{"date-parts":[[2013,4]]}}]', 'apa')
 */
export function formatCitation(cslJson: string | object[], style: StyleName): string {
  register()
  const data = typeof cslJson === 'string' ? (JSON.parse(cslJson) as object[]) : cslJson
  const cite = new Cite(data)
  const text = cite.format('bibliography', {
    format: 'text',
    template: STYLES[style].template,
    lang: 'en-US',
  }) as string
  return text.trim()
}
