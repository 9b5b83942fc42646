// JSON-LD in the schema.org vocabulary: a Report (also typed Book when it has an ISBN, as only
// Book carries `isbn`), with its authors, publisher, identifiers, files and table of contents.
import { type CompiledReport, type ContentsEntry, isPerson, normalizeIsbn } from 'colophon-schema'
import { abstractOf, type FormatContext, label, webUrl } from './context.ts'
import { singularLabel } from './library.ts'

type Node = Record<string, unknown>

const BOOK_FORMATS: Record<string, string> = {
  print: 'https://schema.org/Paperback',
  web: 'https://schema.org/EBook',
  pdf: 'https://schema.org/EBook',
  ebook: 'https://schema.org/EBook',
}

function parts(entries: readonly ContentsEntry[] | undefined, prefix: string): Node[] | undefined {
  if (!entries?.length) return undefined
  return entries.map((entry, i) => {
    const id = `${prefix}${i + 1}`
    // Chapter, not CreativeWork: pageStart is a property of Chapter (and Article), not of CreativeWork.
    return compact({
      '@type': entry.page === undefined ? 'CreativeWork' : 'Chapter',
      '@id': id,
      name: entry.title,
      position: i + 1,
      pageStart: entry.page,
      hasPart: parts(entry.children, `${id}.`),
    })
  })
}

function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined))
}

/** The report as a schema.org JSON-LD document. */
export function toJsonLd(report: CompiledReport, ctx: FormatContext): Node {
  const isbns = report.identifiers?.isbn ?? []
  const identifiers: Node[] = [
    ...isbns.map((e) =>
      compact({
        '@type': 'PropertyValue',
        propertyID: 'ISBN',
        value: normalizeIsbn(e.value),
        description: e.form,
      }),
    ),
    ...(report.identifiers?.issn ?? []).map((e) => ({
      '@type': 'PropertyValue',
      propertyID: 'ISSN',
      value: e.value,
      description: e.form,
    })),
    ...(report.identifiers?.doi
      ? [{ '@type': 'PropertyValue', propertyID: 'DOI', value: report.identifiers.doi }]
      : []),
  ]
  return compact({
    '@context': 'https://schema.org',
    '@type': isbns.length ? ['Report', 'Book'] : 'Report',
    '@id': ctx.webUrl,
    url: ctx.webUrl,
    name: report.title,
    alternativeHeadline: report.subtitle,
    datePublished: report.published,
    inLanguage: report.language,
    isbn: isbns.length ? isbns.map((e) => normalizeIsbn(e.value)) : undefined,
    identifier: identifiers.length ? identifiers : undefined,
    sameAs: report.identifiers?.doi ? `https://doi.org/${report.identifiers.doi}` : undefined,
    workExample: isbns.length
      ? isbns.map((e) => ({
          '@type': 'Book',
          isbn: normalizeIsbn(e.value),
          bookFormat: BOOK_FORMATS[e.form],
        }))
      : undefined,
    reportNumber: report.identifiers?.stockNumber,
    author: report.authors?.map((a) =>
      isPerson(a)
        ? compact({
            '@type': 'Person',
            familyName: a.family,
            givenName: a.given,
            name: [a.given, a.family].filter(Boolean).join(' '),
            '@id': a.orcid ? `https://orcid.org/${a.orcid}` : undefined,
            affiliation: a.affiliation && { '@type': 'Organization', name: a.affiliation },
          })
        : { '@type': 'Organization', name: a.name },
    ),
    publisher: { '@type': 'Organization', name: report.publisher },
    sourceOrganization: report.copublishers?.map((name) => ({ '@type': 'Organization', name })),
    description: abstractOf(report),
    abstract: report.description,
    genre: singularLabel(ctx.vocabularies.types, report.type),
    about: report.topics?.map((t) => ({
      '@type': 'Thing',
      name: label(ctx.vocabularies.topics, t),
    })),
    spatialCoverage: report.countries?.map((code) => ({
      '@type': 'Country',
      identifier: code,
    })),
    isPartOf: report.series && {
      '@type': 'CreativeWorkSeries',
      name: label(ctx.vocabularies.series, report.series.key),
      position: report.series.number,
    },
    // Book's properties, only on a node that is a Book too.
    bookEdition: isbns.length && report.edition ? String(report.edition) : undefined,
    numberOfPages: isbns.length ? report.pages : undefined,
    license: report.license,
    hasPart: parts(report.contents, `${ctx.webUrl}#contents-`),
    encoding: report.files?.map((f) =>
      compact({
        '@type': 'MediaObject',
        contentUrl: f.url,
        encodingFormat: f.mediaType,
        contentSize: f.size === undefined ? undefined : String(f.size),
        name: f.label,
        inLanguage: f.language,
      }),
    ),
    workTranslation: report.translations?.map((t) =>
      compact({
        '@type': 'CreativeWork',
        '@id': t.slug ? webUrl(ctx.settings, `/reports/${t.slug}`) : t.url,
        inLanguage: t.language,
        name: t.title,
      }),
    ),
    offers: report.price && {
      '@type': 'Offer',
      price: report.price.amount,
      priceCurrency: report.price.currency,
    },
    mainEntityOfPage: ctx.apiUrl,
  })
}
