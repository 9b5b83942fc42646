// OAI-PMH 2.0: the six verbs over one catalogue snapshot, every error condition of the
// specification, and the response document. Runtime-neutral (no Node APIs).
import type { Catalogue } from '../catalogue.ts'
import { webUrl } from '../formats/context.ts'
import { withoutDeclaration } from '../formats/library.ts'
import { element, escapeXml } from '../formats/xml.ts'
import { parseOaiDate } from './dates.ts'
import { METADATA_FORMATS, type MetadataFormat, metadataFormat } from './formats.ts'
import { inSet, type OaiItem, oaiItems, SET_FAMILIES } from './items.ts'
import { decodeToken, encodeToken, type ListState } from './token.ts'

/** Records per ListRecords / ListIdentifiers response; the rest follows by resumption token. */
export const OAI_PAGE_SIZE = 100

export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy'

class OaiError extends Error {
  constructor(
    readonly code: OaiErrorCode,
    message: string,
  ) {
    super(message)
  }
}

const VERBS = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
} as const satisfies Record<
  string,
  { required: readonly string[]; optional: readonly string[]; exclusive?: string }
>

type Verb = keyof typeof VERBS

export interface OaiContext {
  catalogue: Catalogue
  /** The time of the response, for `responseDate`. */
  now: Date
}

/** `oai:<host of the public URL>:` — the prefix of every item identifier. */
export function identifierPrefix(catalogue: Catalogue): string {
  return `oai:${new URL(catalogue.settings.baseUrl).hostname}:`
}

/** The OAI-PMH base URL: the public URL's `/oai`. */
export function baseUrlOf(catalogue: Catalogue): string {
  return webUrl(catalogue.settings, '/oai')
}

const utc = (date: Date) => `${date.toISOString().slice(0, 19)}Z`

/**
 * Answers one OAI-PMH request given as its arguments (query string or form body, in order,
 * repeats kept), with the XML response document. Protocol errors are part of the document
 * (OAI-PMH answers them with HTTP 200).
 *
 * @example
 * await oaiResponse([['verb', 'Identify']], { catalogue, now: new Date() })
 */
export async function oaiResponse(
  args: readonly [string, string][],
  context: OaiContext,
): Promise<string> {
  const { catalogue } = context
  const base = baseUrlOf(catalogue)
  let verb: Verb | undefined
  let params: Record<string, string> = {}
  try {
    ;({ verb, params } = checkArguments(args))
    const body = await answer(verb, params, context)
    const attributes = Object.entries({ verb, ...params })
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join('')
    return envelope(context.now, `<request${attributes}>${escapeXml(base)}</request>`, body)
  } catch (error) {
    if (!(error instanceof OaiError)) throw error
    // After badVerb and badArgument the request element carries no attributes (the spec).
    const echo =
      error.code === 'badVerb' || error.code === 'badArgument' || verb === undefined
        ? ''
        : Object.entries({ verb, ...params })
            .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
            .join('')
    return envelope(
      context.now,
      `<request${echo}>${escapeXml(base)}</request>`,
      `<error code="${error.code}">${escapeXml(error.message)}</error>`,
    )
  }
}

function envelope(now: Date, request: string, body: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">',
    `<responseDate>${utc(now)}</responseDate>`,
    request,
    body,
    '</OAI-PMH>',
    '',
  ].join('\n')
}

function checkArguments(args: readonly [string, string][]): {
  verb: Verb
  params: Record<string, string>
} {
  const verbs = args.filter(([k]) => k === 'verb').map(([, v]) => v)
  if (verbs.length === 0) throw new OaiError('badVerb', 'the verb argument is missing')
  if (verbs.length > 1) throw new OaiError('badVerb', 'the verb argument is repeated')
  const verb = verbs[0] as string
  if (!Object.hasOwn(VERBS, verb)) {
    throw new OaiError(
      'badVerb',
      `"${verb}" is not an OAI-PMH verb; expected one of ${Object.keys(VERBS).join(', ')}`,
    )
  }
  const rule: { required: readonly string[]; optional: readonly string[]; exclusive?: string } =
    VERBS[verb as Verb]
  const params: Record<string, string> = {}
  for (const [name, value] of args) {
    if (name === 'verb') continue
    if (Object.hasOwn(params, name))
      throw new OaiError('badArgument', `the argument ${name} is repeated`)
    const allowed =
      rule.required.includes(name) || rule.optional.includes(name) || rule.exclusive === name
    if (!allowed) throw new OaiError('badArgument', `${verb} takes no argument ${name}`)
    params[name] = value
  }
  if (rule.exclusive && Object.hasOwn(params, rule.exclusive)) {
    const others = Object.keys(params).filter((k) => k !== rule.exclusive)
    if (others.length > 0) {
      throw new OaiError(
        'badArgument',
        `${rule.exclusive} is an exclusive argument: no ${others.join(', ')} beside it`,
      )
    }
  } else {
    for (const name of rule.required) {
      if (!Object.hasOwn(params, name))
        throw new OaiError('badArgument', `${verb} needs the argument ${name}`)
    }
  }
  return { verb: verb as Verb, params }
}

async function answer(
  verb: Verb,
  params: Record<string, string>,
  context: OaiContext,
): Promise<string> {
  switch (verb) {
    case 'Identify':
      return identify(context.catalogue)
    case 'ListMetadataFormats':
      return listMetadataFormats(context.catalogue, params.identifier)
    case 'ListSets':
      return listSets(context.catalogue, params.resumptionToken)
    case 'GetRecord':
      return getRecord(
        context.catalogue,
        params.identifier as string,
        params.metadataPrefix as string,
      )
    case 'ListIdentifiers':
    case 'ListRecords':
      return list(context.catalogue, verb, params)
  }
}

function identify(catalogue: Catalogue): string {
  const items = oaiItems(catalogue)
  const earliest = items.reduce<string | undefined>(
    (min, item) => (min === undefined || item.datestamp < min ? item.datestamp : min),
    undefined,
  )
  const admin =
    catalogue.settings.adminEmail ?? `webmaster@${new URL(catalogue.settings.baseUrl).hostname}`
  return [
    '<Identify>',
    element('repositoryName', catalogue.settings.name),
    element('baseURL', baseUrlOf(catalogue)),
    '<protocolVersion>2.0</protocolVersion>',
    element('adminEmail', admin),
    element('earliestDatestamp', earliest ?? '1970-01-01T00:00:00Z'),
    '<deletedRecord>persistent</deletedRecord>',
    '<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>',
    '</Identify>',
  ].join('\n')
}

function findItem(catalogue: Catalogue, identifier: string): OaiItem {
  const prefix = identifierPrefix(catalogue)
  const slug = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : undefined
  const item =
    slug === undefined
      ? undefined
      : catalogue
          .memo('oai:bySlug', () => new Map(oaiItems(catalogue).map((i) => [i.slug, i])))
          .get(slug)
  if (!item) {
    throw new OaiError(
      'idDoesNotExist',
      `no item ${identifier} in this repository (identifiers are ${prefix}<slug>)`,
    )
  }
  return item
}

function formatElement(f: MetadataFormat): string {
  return `<metadataFormat>${element('metadataPrefix', f.prefix)}${element('schema', f.schema)}${element('metadataNamespace', f.namespace)}</metadataFormat>`
}

function listMetadataFormats(catalogue: Catalogue, identifier: string | undefined): string {
  if (identifier !== undefined) {
    const item = findItem(catalogue, identifier)
    if (item.deleted) {
      throw new OaiError(
        'noMetadataFormats',
        `${identifier} was withdrawn: no metadata is disseminated for it, only its deleted header`,
      )
    }
  }
  return [
    '<ListMetadataFormats>',
    ...METADATA_FORMATS.map(formatElement),
    '</ListMetadataFormats>',
  ].join('\n')
}

function listSets(catalogue: Catalogue, token: string | undefined): string {
  if (token !== undefined) {
    throw new OaiError(
      'badResumptionToken',
      'the list of sets is complete in one response; this token is not one of ours',
    )
  }
  const sets: string[] = []
  for (const family of SET_FAMILIES) {
    const entries = catalogue.settings.vocabularies[family.vocabulary] ?? {}
    const keys = Object.keys(entries)
    if (keys.length === 0) continue
    sets.push(`<set>${element('setSpec', family.spec)}${element('setName', family.name)}</set>`)
    for (const key of keys) {
      sets.push(
        `<set>${element('setSpec', `${family.spec}:${key}`)}${element('setName', entries[key]?.label ?? key)}</set>`,
      )
    }
  }
  if (sets.length === 0) throw new OaiError('noSetHierarchy', 'this repository has no sets')
  return ['<ListSets>', ...sets, '</ListSets>'].join('\n')
}

function header(catalogue: Catalogue, item: OaiItem): string {
  return `<header${item.deleted ? ' status="deleted"' : ''}>${element('identifier', identifierPrefix(catalogue) + item.slug)}${element('datestamp', item.datestamp)}${item.sets.map((s) => element('setSpec', s)).join('')}</header>`
}

async function record(
  catalogue: Catalogue,
  item: OaiItem,
  format: MetadataFormat,
): Promise<string> {
  if (item.deleted) return `<record>${header(catalogue, item)}</record>`
  const xml = await catalogue.rendered(`${format.cacheName}:${item.slug}`, async () => {
    const report = await catalogue.report(item.slug)
    if (!report) return undefined
    return format.render(report, {
      settings: catalogue.settings,
      vocabularies: catalogue.vocabularies,
      webUrl: webUrl(catalogue.settings, `/reports/${item.slug}`),
      apiUrl: webUrl(catalogue.settings, `/v1/reports/${item.slug}`),
    })
  })
  if (xml === undefined) throw new Error(`report ${item.slug} is listed but cannot be read`)
  return `<record>${header(catalogue, item)}\n<metadata>\n${withoutDeclaration(xml).trimEnd()}\n</metadata>\n</record>`
}

function formatOf(prefix: string): MetadataFormat {
  const format = metadataFormat(prefix)
  if (!format) {
    throw new OaiError(
      'cannotDisseminateFormat',
      `no metadata format ${prefix}; available: ${METADATA_FORMATS.map((f) => f.prefix).join(', ')}`,
    )
  }
  return format
}

async function getRecord(
  catalogue: Catalogue,
  identifier: string,
  prefix: string,
): Promise<string> {
  const item = findItem(catalogue, identifier)
  const format = formatOf(prefix)
  return `<GetRecord>\n${await record(catalogue, item, format)}\n</GetRecord>`
}

function listState(verb: 'ListIdentifiers' | 'ListRecords', params: Record<string, string>) {
  if (params.resumptionToken !== undefined) {
    const state = decodeToken(params.resumptionToken)
    if (!state || state.verb !== verb) {
      throw new OaiError(
        'badResumptionToken',
        `the resumption token is not one this repository issued for ${verb}; start the list again without it`,
      )
    }
    if (!metadataFormat(state.metadataPrefix))
      throw new OaiError('badResumptionToken', `the token's format ${state.metadataPrefix} is gone`)
    return { ...state, resumed: true }
  }
  const state: Omit<ListState, 'after'> & { after?: ListState['after']; resumed: boolean } = {
    verb,
    metadataPrefix: params.metadataPrefix as string,
    resumed: false,
  }
  if (params.set !== undefined) state.set = params.set
  const from = params.from === undefined ? undefined : parseOaiDate(params.from, 'from')
  const until = params.until === undefined ? undefined : parseOaiDate(params.until, 'until')
  if (params.from !== undefined && !from)
    throw new OaiError(
      'badArgument',
      `from: "${params.from}" is not a UTC date as YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ`,
    )
  if (params.until !== undefined && !until)
    throw new OaiError(
      'badArgument',
      `until: "${params.until}" is not a UTC date as YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ`,
    )
  if (from && until && from.granularity !== until.granularity)
    throw new OaiError('badArgument', 'from and until must have the same granularity')
  if (from && until && from.value > until.value)
    throw new OaiError('badArgument', `from (${params.from}) is later than until (${params.until})`)
  if (from) state.from = from.value
  if (until) state.until = until.value
  return state
}

async function list(
  catalogue: Catalogue,
  verb: 'ListIdentifiers' | 'ListRecords',
  params: Record<string, string>,
): Promise<string> {
  const state = listState(verb, params)
  const format = formatOf(state.metadataPrefix)
  const { set, from, until } = state
  if (
    set !== undefined &&
    !SET_FAMILIES.some((f) => set === f.spec || set.startsWith(`${f.spec}:`))
  ) {
    // Sets exist (the type vocabulary is never empty), so an unknown one matches nothing.
    throw new OaiError('noRecordsMatch', `no set ${set}; ListSets lists them`)
  }
  const matching = oaiItems(catalogue).filter(
    (item) =>
      (from === undefined || item.datestamp >= from) &&
      (until === undefined || item.datestamp <= until) &&
      (set === undefined || inSet(item, set)),
  )
  let start = 0
  if (state.after) {
    const [datestamp, slug] = state.after
    start = matching.findIndex(
      (i) => i.datestamp > datestamp || (i.datestamp === datestamp && i.slug > slug),
    )
    if (start < 0) start = matching.length
  }
  if (matching.length === 0) throw new OaiError('noRecordsMatch', 'no records match this request')
  const page = matching.slice(start, start + OAI_PAGE_SIZE)
  if (page.length === 0)
    throw new OaiError('noRecordsMatch', 'no records are left after this resumption token')
  const parts =
    verb === 'ListRecords'
      ? await Promise.all(page.map((item) => record(catalogue, item, format)))
      : page.map((item) => header(catalogue, item))
  const last = page[page.length - 1]
  const more = start + page.length < matching.length
  const split = state.resumed || more
  let token = ''
  if (split) {
    const value =
      more && last
        ? encodeToken({
            verb,
            metadataPrefix: format.prefix,
            ...(set === undefined ? {} : { set }),
            ...(from === undefined ? {} : { from }),
            ...(until === undefined ? {} : { until }),
            after: [last.datestamp, last.slug],
          })
        : ''
    token = `<resumptionToken completeListSize="${matching.length}" cursor="${start}">${value}</resumptionToken>`
  }
  return [`<${verb}>`, ...parts, token, `</${verb}>`].filter(Boolean).join('\n')
}
