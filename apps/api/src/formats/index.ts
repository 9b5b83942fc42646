// The formats of one report, by media type and by URL suffix.
import type { CompiledReport } from 'colophon-schema'
import { toBibtex } from './bibtex.ts'
import type { FormatContext } from './context.ts'
import { toCsl } from './csl.ts'
import { toDataCite } from './datacite.ts'
import { toDublinCore } from './dublin-core.ts'
import { toJsonLd } from './jsonld.ts'
import { toMarcXml } from './marcxml.ts'
import { toMods } from './mods.ts'
import { toRis } from './ris.ts'

export interface ReportFormat {
  name: string
  /** URL suffix after the slug. */
  suffix: string
  /** The Content-Type sent, without parameters. */
  mediaType: string
  /** Other media types an Accept header may ask for this format by. */
  aliases: readonly string[]
  charset: boolean
  /** Undefined when the report has no such record (DataCite without a DOI). */
  render(report: CompiledReport, ctx: FormatContext): string | undefined
}

const json = (value: unknown) => JSON.stringify(value)

/** In order of preference: the first is what `Accept: *\/*` gets. */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  {
    name: 'json',
    suffix: '.json',
    mediaType: 'application/json',
    aliases: [],
    charset: false,
    render: (r) => json(r),
  },
  {
    name: 'jsonld',
    suffix: '.jsonld',
    mediaType: 'application/ld+json',
    aliases: [],
    charset: false,
    render: (r, c) => json(toJsonLd(r, c)),
  },
  {
    name: 'csl',
    suffix: '.csl.json',
    mediaType: 'application/vnd.citationstyles.csl+json',
    aliases: [],
    charset: false,
    render: (r, c) => json(toCsl(r, c)),
  },
  {
    name: 'bibtex',
    suffix: '.bib',
    mediaType: 'application/x-bibtex',
    aliases: ['text/x-bibtex'],
    charset: true,
    render: toBibtex,
  },
  {
    name: 'ris',
    suffix: '.ris',
    mediaType: 'application/x-research-info-systems',
    aliases: [],
    charset: true,
    render: toRis,
  },
  {
    name: 'dc',
    suffix: '.xml',
    mediaType: 'application/xml',
    aliases: ['text/xml', 'application/oai_dc+xml'],
    charset: true,
    render: toDublinCore,
  },
  {
    name: 'mods',
    suffix: '.mods.xml',
    mediaType: 'application/mods+xml',
    aliases: [],
    charset: true,
    render: toMods,
  },
  {
    name: 'marcxml',
    suffix: '.marcxml',
    mediaType: 'application/marcxml+xml',
    aliases: [],
    charset: true,
    render: toMarcXml,
  },
  {
    name: 'datacite',
    suffix: '.datacite.xml',
    mediaType: 'application/vnd.datacite.datacite+xml',
    aliases: [],
    charset: true,
    render: toDataCite,
  },
]

/** Splits `slug.suffix` into the slug and its format; longest suffix first (`.csl.json` before `.json`). */
const BY_SUFFIX_LENGTH = [...REPORT_FORMATS].sort((a, b) => b.suffix.length - a.suffix.length)

export function splitSuffix(name: string): { slug: string; format?: ReportFormat } {
  for (const format of BY_SUFFIX_LENGTH) {
    if (name.endsWith(format.suffix)) return { slug: name.slice(0, -format.suffix.length), format }
  }
  return { slug: name }
}

export function contentType(format: ReportFormat): string {
  return format.charset ? `${format.mediaType}; charset=utf-8` : format.mediaType
}
