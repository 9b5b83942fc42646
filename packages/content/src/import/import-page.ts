// One page → a report ready to validate: the draft read from the page, its words mapped to
// the catalogue's vocabularies, a slug chosen, and the fallbacks the editor passed applied.
import { normalizeIsbn, type ReportInput, slugify, type Vocabularies } from 'colophon-schema'
import type { ImportWarning, InferredField, PageContext, UnplacedText } from './context.ts'
import { readPage } from './read-page.ts'
import { shortTitle } from './title.ts'
import { matchVocabulary, splitSeries } from './vocabulary.ts'

/** What the importer knows of a report already in the catalogue. */
export interface KnownReport {
  slug: string
  title: string
  /** ISBNs in any form; compared by their 13-digit canonical form. */
  isbns: readonly string[]
  published?: string | undefined
}

export interface ImportPageOptions {
  vocabularies: Vocabularies
  /** Reports in the catalogue and those imported earlier in the same batch. */
  known?: readonly KnownReport[]
  /** Slugs taken (the catalogue's and the batch's). */
  takenSlugs?: ReadonlySet<string>
  /** Used when the page has no type (a key or label of the types vocabulary). */
  fallbackType?: string | undefined
  /** Used when the page has no date. */
  fallbackPublished?: string | undefined
}

export interface PageImport {
  /** The report as read; it may lack required fields (validation says which). */
  report: Partial<ReportInput>
  inferred: InferredField[]
  warnings: ImportWarning[]
  unplaced: UnplacedText[]
  /** Interface text dropped (share, follow, subscribe lines). */
  ignored: UnplacedText[]
  /** Page line of each field path; validation problems point at the page through it. */
  lines: Map<string, number>
  /** Slug of the catalogue report this page is (same ISBN or same title), if any. */
  existing?: string | undefined
  /** Why a required field is missing (title, published, type), in the page's terms. */
  missing: Record<string, string>
}

function resolveType(
  ctx: PageContext,
  options: ImportPageOptions,
  missing: Record<string, string>,
): string | undefined {
  const { typeLabel } = ctx.draft
  const line = ctx.lines.get('type')
  const word = typeLabel ?? options.fallbackType
  if (word === undefined) return undefined
  const match = matchVocabulary(options.vocabularies.types, word)
  if (!match.key) {
    const why = `"${word}" is not in the types vocabulary${match.suggestion ? `, did you mean ${match.suggestion}?` : ''}`
    if (line !== undefined) ctx.unplace(line, word, why)
    else ctx.warn(1, `--type: ${why}`)
    missing.type = `${line !== undefined ? `line ${line}: ` : '--type: '}${why}; add it to catalogue.yaml or pass --type <key>`
    return undefined
  }
  if (typeLabel === undefined) ctx.infer('type', `the page has none; --type ${word} used`)
  else if (match.inferred) ctx.infer('type', match.inferred, line)
  return match.key
}

function resolveSeries(ctx: PageContext, options: ImportPageOptions): ReportInput['series'] {
  const text = ctx.draft.seriesLabel
  if (text === undefined) return undefined
  const line = ctx.lines.get('series') ?? 1
  const { name, number } = splitSeries(text)
  const vocabulary = options.vocabularies.series
  let match = matchVocabulary(vocabulary, name)
  if (!match.key && /\s+series$/i.test(name)) {
    match = matchVocabulary(vocabulary, name.replace(/\s+series$/i, ''))
  }
  if (!match.key)
    match = { ...matchVocabulary(vocabulary, `${name} Series`), suggestion: match.suggestion }
  if (!match.key) {
    const why =
      Object.keys(vocabulary ?? {}).length === 0
        ? `the catalogue's series vocabulary is empty: add "${name}" to catalogue.yaml to keep it`
        : `series "${name}" is not in the series vocabulary${match.suggestion ? `, did you mean ${match.suggestion}?` : ''}`
    ctx.unplace(line, text, why)
    return undefined
  }
  if (match.inferred) ctx.infer('series.key', match.inferred, line)
  if (number !== undefined) ctx.infer('series.number', `"${number}" split off "${text}"`, line)
  return number === undefined ? { key: match.key } : { key: match.key, number }
}

function resolveTopics(ctx: PageContext, options: ImportPageOptions): string[] | undefined {
  const labels = ctx.draft.topicLabels
  if (!labels) return undefined
  const topics: string[] = []
  const vocabulary = options.vocabularies.topics ?? {}
  for (const { label, line } of labels) {
    const match = matchVocabulary(vocabulary, label)
    if (!match.key) {
      const why =
        Object.keys(vocabulary).length === 0
          ? `the catalogue's topics vocabulary is empty: add "${label}" to catalogue.yaml to keep it`
          : `"${label}" is not in the topics vocabulary${match.suggestion ? `, did you mean ${match.suggestion}?` : ''}`
      ctx.unplace(line, label, why)
      continue
    }
    if (topics.includes(match.key)) continue
    ctx.at(`topics[${topics.length}]`, line)
    if (match.inferred) ctx.infer(`topics[${topics.length}]`, match.inferred, line)
    topics.push(match.key)
  }
  return topics.length > 0 ? topics : undefined
}

/**
 * The catalogue report a page describes: one sharing an ISBN, or with the same title and
 * year (the same title in another year is another edition, so another report).
 */
function findExisting(
  ctx: PageContext,
  known: readonly KnownReport[],
  isbns: readonly string[],
): KnownReport | undefined {
  const title = ctx.draft.title?.toLowerCase()
  const year = ctx.draft.published?.slice(0, 4)
  return (
    known.find((r) => r.isbns.some((isbn) => isbns.includes(normalizeIsbn(isbn) ?? isbn))) ??
    known.find(
      (r) =>
        title !== undefined &&
        r.title.toLowerCase() === title &&
        year !== undefined &&
        r.published?.slice(0, 4) === year,
    )
  )
}

function chooseSlug(
  ctx: PageContext,
  options: ImportPageOptions,
  existing?: KnownReport,
): string | undefined {
  const title = ctx.draft.title
  if (title === undefined) return undefined
  const line = ctx.lines.get('title')
  if (existing) {
    ctx.infer(
      'slug',
      `the catalogue's "${existing.slug}" has the same ISBN, or title and year`,
      line,
    )
    return existing.slug
  }
  const taken = options.takenSlugs ?? new Set<string>()
  const short = slugify(shortTitle(title))
  const full = slugify(title)
  const year = ctx.draft.published?.slice(0, 4)
  const candidates = [short, full, year ? `${full}-${year}` : undefined].filter(
    (c): c is string => c !== undefined && c !== '',
  )
  for (const [i, slug] of candidates.entries()) {
    if (taken.has(slug)) continue
    const why =
      slug === short && short !== full
        ? 'from the title, up to its colon or dash'
        : i === 0
          ? 'from the title'
          : `from the title; "${candidates[0]}" is taken`
    ctx.infer('slug', why, line)
    return slug
  }
  const base = candidates.at(-1) ?? 'report'
  let n = 2
  while (taken.has(`${base}-${n}`)) n++
  ctx.infer('slug', `from the title; "${candidates[0]}" and its longer forms are taken`, line)
  return `${base}-${n}`
}

/**
 * Imports one captured page: reads it, maps its words to the catalogue's vocabularies and
 * picks a slug. The result is not validated here (see `validateImport`).
 *
 * @example
 * const result = importPage(readFileSync('page.txt', 'utf8'), { vocabularies: settings.vocabularies })
 * result.report.title // 'Beyond Factory Asia: Fuelling Growth in a Changing World'
 * result.inferred // [{ field: 'slug', why: 'from the title, up to its colon or dash', line: 1 }]
 */
export function importPage(text: string, options: ImportPageOptions): PageImport {
  const ctx = readPage(text)
  const { draft } = ctx
  const missing: Record<string, string> = {}
  const type = resolveType(ctx, options, missing)
  const series = resolveSeries(ctx, options)
  const topics = resolveTopics(ctx, options)

  let published = draft.published
  if (published === undefined && options.fallbackPublished !== undefined) {
    published = options.fallbackPublished
    ctx.infer('published', `the page has none; --published ${published} used`)
  }

  const isbns = (draft.isbn ?? []).map((e) => e.value)
  const canonical = isbns.map((v) => normalizeIsbn(v) ?? v)
  const existing = findExisting(ctx, options.known ?? [], canonical)
  const slug = chooseSlug(ctx, options, existing)

  const identifiers: NonNullable<ReportInput['identifiers']> = {}
  if (draft.isbn) identifiers.isbn = draft.isbn
  if (draft.issn) identifiers.issn = draft.issn
  if (draft.doi) identifiers.doi = draft.doi
  if (draft.stockNumber) identifiers.stockNumber = draft.stockNumber

  const report: Partial<ReportInput> = {}
  const put = <K extends keyof ReportInput>(key: K, value: ReportInput[K] | undefined) => {
    if (value !== undefined) report[key] = value
  }
  put('slug', slug)
  put('title', draft.title)
  put('subtitle', draft.subtitle)
  put('published', published)
  put('type', type)
  put('series', series)
  put('edition', draft.edition)
  put(
    'authors',
    draft.authors?.map((a) => ('name' in a ? { name: a.name } : a)),
  )
  put('publisher', draft.publisher)
  put('copublishers', draft.copublishers)
  put('identifiers', Object.keys(identifiers).length > 0 ? identifiers : undefined)
  put('summary', draft.summary)
  put('description', draft.description?.join('\n\n'))
  put('keyFindings', draft.keyFindings)
  put('contents', draft.contents)
  put('topics', topics)
  put('countries', draft.countries as ReportInput['countries'])
  put('language', draft.language)
  put('pages', draft.pages)
  put('price', draft.price)

  if (report.title === undefined) missing.title = 'the page has no title line'
  if (report.published === undefined) {
    missing.published =
      'the page gives no date: add a "Date: <Month YYYY>" line or a "<Type> | <Month YYYY>" header, or pass --published <YYYY[-MM[-DD]]>'
  }
  if (report.type === undefined && missing.type === undefined) {
    missing.type =
      'the page gives no type: add a "Type: <type>" line or a "<Type> | <Month YYYY>" header, or pass --type <key>'
  }

  return {
    report,
    missing,
    inferred: ctx.inferred,
    warnings: ctx.warnings,
    unplaced: ctx.unplaced,
    ignored: ctx.ignored,
    lines: ctx.lines,
    existing: existing?.slug,
  }
}
