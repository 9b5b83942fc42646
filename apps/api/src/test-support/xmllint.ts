// Validates XML with libxml2's xmllint against the published schemas kept in ./xsd (no
// network: the catalog maps each schema's URL to its copy).
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const XSD = fileURLToPath(new URL('./xsd/', import.meta.url))

export const SCHEMAS = {
  /** An OAI-PMH response, with the schemas of every metadata format inside it. */
  oai: `${XSD}oai-harvest.xsd`,
  oaiDc: `${XSD}oai_dc.xsd`,
  mods: `${XSD}mods-3-6.xsd`,
  marcxml: `${XSD}MARC21slim.xsd`,
  datacite: `${XSD}datacite-4/metadata.xsd`,
} as const

/** xmllint's complaints about `xml` against `schema`; an empty string when it validates. */
export function schemaErrors(xml: string, schema: string): string {
  try {
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', schema, '-'], {
      input: xml,
      env: { ...process.env, XML_CATALOG_FILES: `${XSD}catalog.xml` },
      stdio: ['pipe', 'pipe', 'pipe'],
      encoding: 'utf8',
    })
    return ''
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error)
    return stderr
      .split('\n')
      .filter((line) => line && !/validates$|Schemas parser warning|Skipping import/.test(line))
      .join('\n')
  }
}
