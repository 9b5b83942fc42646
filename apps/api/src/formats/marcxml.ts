// MARC 21 in MARCXML (Library of Congress's slim schema): what library systems load,
// ISBN-bearing reports especially. One bibliographic record per report, minimal level.
import { type CompiledReport, isPerson, normalizeIsbn, parsePartialDate } from 'colophon-schema'
import { abstractOf, type FormatContext, label } from './context.ts'
import { marcLanguage, singularLabel } from './library.ts'
import { contentsText } from './mods.ts'
import { escapeXml } from './xml.ts'

export const MARC_NAMESPACE = 'http://www.loc.gov/MARC21/slim'
export const MARC_SCHEMA = 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd'

type Subfields = [code: string, value: string | undefined][]

function datafield(tag: string, ind1: string, ind2: string, subfields: Subfields): string {
  const present = subfields.filter((s): s is [string, string] => s[1] !== undefined && s[1] !== '')
  if (present.length === 0) return ''
  const inner = present
    .map(([code, value]) => `<subfield code="${code}">${escapeXml(value)}</subfield>`)
    .join('')
  return `<datafield tag="${tag}" ind1="${ind1}" ind2="${ind2}">${inner}</datafield>`
}

const controlfield = (tag: string, value: string) =>
  `<controlfield tag="${tag}">${escapeXml(value)}</controlfield>`

/**
 * The fixed-length data elements (008) for a book-format record: date entered (from the
 * record's date of change), single date of publication, place unknown, language.
 */
export function field008(report: CompiledReport): string {
  const entered = report.modified.slice(2, 10).replace(/-/g, '')
  const year = String(parsePartialDate(report.published).year).padStart(4, '0')
  const online = report.files?.length ? 'o' : ' '
  const nature = /report/.test(report.type) ? 't   ' : '    '
  const value = `${entered}s${year}    xx      ${online}${nature} 000 0 ${marcLanguage(report.language)} d`
  if (value.length !== 40) throw new Error(`008 is ${value.length} characters, not 40`)
  return value
}

/** The report as a MARCXML `<record>`. */
export function toMarcXml(report: CompiledReport, ctx: FormatContext): string {
  const authors = report.authors ?? []
  const [main, ...added] = authors
  const nameField = (a: (typeof authors)[number], main: boolean) =>
    isPerson(a)
      ? datafield(main ? '100' : '700', '1', ' ', [
          ['a', [a.family, a.given].filter(Boolean).join(', ')],
          ['u', a.affiliation],
          ['e', 'author.'],
          ['1', a.orcid && `https://orcid.org/${a.orcid}`],
        ])
      : datafield(main ? '110' : '710', '2', ' ', [
          ['a', a.name],
          ['e', 'author.'],
        ])
  const { title, subtitle } = report
  const seriesName = report.series && label(ctx.vocabularies.series, report.series.key)
  const fields = [
    controlfield('001', report.slug),
    controlfield('003', ctx.settings.name),
    controlfield('005', `${report.modified.replace(/[-:TZ]/g, '')}.0`),
    controlfield('008', field008(report)),
    ...(report.identifiers?.isbn ?? []).map((e) =>
      datafield('020', ' ', ' ', [
        ['a', normalizeIsbn(e.value) ?? e.value],
        ['q', e.form],
      ]),
    ),
    ...(report.identifiers?.issn ?? []).map((e) => datafield('022', ' ', ' ', [['a', e.value]])),
    report.identifiers?.doi
      ? datafield('024', '7', ' ', [
          ['a', report.identifiers.doi],
          ['2', 'doi'],
        ])
      : '',
    datafield('028', '5', '2', [['a', report.identifiers?.stockNumber]]),
    datafield('041', ' ', ' ', [['a', marcLanguage(report.language)]]),
    main ? nameField(main, true) : '',
    datafield('245', main ? '1' : '0', '0', [
      ['a', subtitle ? `${title} :` : `${title}.`],
      ['b', subtitle && `${subtitle}.`],
    ]),
    datafield('250', ' ', ' ', [['a', report.edition ? `Edition ${report.edition}.` : undefined]]),
    datafield('264', ' ', '1', [
      ['a', '[Place of publication not identified] :'],
      ['b', `${report.publisher},`],
      ['c', String(parsePartialDate(report.published).year)],
    ]),
    datafield('300', ' ', ' ', [
      ['a', report.pages ? `1 online resource (${report.pages} pages)` : undefined],
    ]),
    datafield('336', ' ', ' ', [
      ['a', 'text'],
      ['b', 'txt'],
      ['2', 'rdacontent'],
    ]),
    datafield('380', ' ', ' ', [['a', singularLabel(ctx.vocabularies.types, report.type)]]),
    datafield('490', '0', ' ', [
      ['a', seriesName && (report.series?.number ? `${seriesName} ;` : seriesName)],
      ['v', report.series?.number],
    ]),
    datafield('505', '0', ' ', [['a', contentsText(report.contents)]]),
    datafield('520', ' ', ' ', [['a', abstractOf(report)]]),
    datafield('540', ' ', ' ', [['a', report.license]]),
    ...(report.topics ?? []).map((t) =>
      datafield('650', ' ', '4', [['a', label(ctx.vocabularies.topics, t)]]),
    ),
    datafield('655', ' ', '4', [['a', singularLabel(ctx.vocabularies.types, report.type)]]),
    ...added.map((a) => nameField(a, false)),
    ...(report.copublishers ?? []).map((p) =>
      datafield('710', '2', ' ', [
        ['a', p],
        ['e', 'publisher.'],
      ]),
    ),
    datafield('856', '4', '0', [
      ['u', ctx.webUrl],
      ['y', 'Catalogue page'],
    ]),
    ...(report.files ?? []).map((f) =>
      datafield('856', '4', '0', [
        ['u', f.url],
        ['q', f.mediaType],
        ['y', f.label],
      ]),
    ),
  ].filter(Boolean)
  // Leader: new record, language material, monograph, Unicode, minimal level, ISBD.
  const leader = '00000nam a22000007i 4500'
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<record xmlns="${MARC_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${MARC_NAMESPACE} ${MARC_SCHEMA}">`,
    `  <leader>${leader}</leader>`,
    ...fields.map((f) => `  ${f}`),
    '</record>',
    '',
  ].join('\n')
}
