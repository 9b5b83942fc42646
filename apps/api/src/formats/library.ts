// What the library formats (MODS, MARCXML, DataCite) share: the genre in the singular, the
// language as MARC's three-letter code, XML documents without their declaration for OAI-PMH.
import type { VocabularyCount } from 'colophon-content'

/**
 * The label of one item of a vocabulary entry: its `singular`, else the label with its
 * last word made singular ("Working Papers" → "Working Paper").
 *
 * @example
 * singularLabel([{ key: 'reports', label: 'Reports', count: 1 }], 'reports') // 'Report'
 */
export function singularLabel(
  list: readonly (Pick<VocabularyCount, 'key' | 'label'> & { singular?: string })[],
  key: string,
): string {
  const entry = list.find((e) => e.key === key)
  if (!entry) return key
  if (entry.singular) return entry.singular
  return entry.label.replace(/(\w+?)(ies|s)$/, (_, stem: string, end: string) =>
    end === 'ies' ? `${stem}y` : stem.endsWith('s') ? `${stem}s` : stem,
  )
}

// ISO 639-1 → MARC (ISO 639-2/B) for the languages a catalogue is likely to hold.
const MARC_LANGUAGES: Record<string, string> = {
  ar: 'ara',
  bn: 'ben',
  de: 'ger',
  en: 'eng',
  es: 'spa',
  fr: 'fre',
  hi: 'hin',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  km: 'khm',
  ko: 'kor',
  lo: 'lao',
  mn: 'mon',
  ms: 'may',
  my: 'bur',
  ne: 'nep',
  nl: 'dut',
  pt: 'por',
  ru: 'rus',
  si: 'sin',
  th: 'tha',
  tl: 'tgl',
  fil: 'fil',
  tr: 'tur',
  ur: 'urd',
  uz: 'uzb',
  vi: 'vie',
  zh: 'chi',
}

/** A BCP 47 tag's primary language as a MARC language code; `und` when unknown. */
export function marcLanguage(tag: string): string {
  return MARC_LANGUAGES[tag.split('-')[0]?.toLowerCase() ?? ''] ?? 'und'
}

/** An XML document without its `<?xml …?>` declaration, for embedding in another document. */
export function withoutDeclaration(xml: string): string {
  return xml.replace(/^<\?xml[^>]*\?>\s*/, '')
}
