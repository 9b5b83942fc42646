// The metadata formats OAI-PMH disseminates: each one of the API's report formats.
import { toDublinCore } from '../formats/dublin-core.ts'
import type { ReportFormat } from '../formats/index.ts'
import { MARC_NAMESPACE, MARC_SCHEMA, toMarcXml } from '../formats/marcxml.ts'
import { MODS_NAMESPACE, MODS_SCHEMA, toMods } from '../formats/mods.ts'

export interface MetadataFormat {
  prefix: string
  schema: string
  namespace: string
  /** The API's render cache key for this format. */
  cacheName: string
  render: ReportFormat['render']
}

export const METADATA_FORMATS: readonly MetadataFormat[] = [
  {
    prefix: 'oai_dc',
    schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
    namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
    cacheName: 'dc',
    render: toDublinCore,
  },
  {
    prefix: 'mods',
    schema: MODS_SCHEMA,
    namespace: MODS_NAMESPACE,
    cacheName: 'mods',
    render: toMods,
  },
  {
    prefix: 'marcxml',
    schema: MARC_SCHEMA,
    namespace: MARC_NAMESPACE,
    cacheName: 'marcxml',
    render: toMarcXml,
  },
]

export function metadataFormat(prefix: string): MetadataFormat | undefined {
  return METADATA_FORMATS.find((f) => f.prefix === prefix)
}
