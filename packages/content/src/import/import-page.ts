// One page → a report ready to validate: the draft read from the page, its words mapped to
// the catalogue's vocabularies, a slug chosen, and the fallbacks the editor passed applied.
import {
  normalizeIsbn,
  type ReportInput,
  type Vocabularies,
  type VocabularyDefaults,
} from 'colophon-schema'
import type { ImportWarning, InferredField, PageContext, UnplacedText } from './context.ts'
import { readPage } from './read-page.ts'
import { slugFor } from './slug-text.ts'
import { shortTitle } from './title.ts'
import { type MatchRule, matchVocabulary, type RunMap, splitSeries } from './vocabulary.ts'

/** What the importer knows of a report already in the catalogue. */
export interface KnownReport {
  slug: string
  title: string
  subtitle?: string | undefined
  /** ISBNs in any form; compared by their 13-digit canonical form. */
  isbns: readonly string[]
  doi?: string | undefined
  stockNumber?: string | undefined
  published?: string | undefined
}

/** Words mapped for one run (`--map type:"Publication"=reports`): lowercased word → key. */
export interface RunMaps {
  types?: RunMap
  series?: RunMap
  topics?: RunMap
}

export interface ImportPageOptions {
  /** The catalogue's vocabularies, with the entries earlier pages of the batch added. */
  vocabularies: Vocabularies
  /** Keys for words that name no entry (catalogue.yaml's `defaults`). */
  defaults?: VocabularyDefaults | undefined
  /** Reports in the catalogue and those imported earlier in the same batch. */
  known?: readonly KnownReport[]
  /** Slugs taken (the catalogue's and the batch's). */
  takenSlugs?: ReadonlySet<string>
  /** The type of every page of the run (`--type`), whatever the page says. */
  typeOverride?: string | undefined
  /** Used when the page has no date. */
  fallbackPublished?: string | undefined
  maps?: RunMaps | undefined
  /** Add series and topics the page names to the vocabularies (default true). */
  newVocabulary?: boolean | undefined
}

/** A page's word and the vocabulary key it was given, with the rule. */
export interface MappedWord {
  field: 'type' | 'series' | 'topics'
  word: string
  key: string
  rule: MatchRule | 'default' | 'new'
  line?: number | undefined
}

/** An entry the page adds to a vocabulary of catalogue.yaml. */
export interface AddedEntry {
  vocabulary: 'series' | 'topics'
  key: string
  label: string
  line: number
}

export interface PageImport {
  /** The report as read; it may lack required fields (validation says which). */
  report: Partial<ReportInput>
  inferred: InferredField[]
  warnings: ImportWarning[]
  unplaced: UnplacedText[]
  /** Interface text dropped (share, follow, subscribe lines). */
  ignored: UnplacedText[]
  /** Every vocabulary word of the page and the key it got. */
  mapped: MappedWord[]
  /** Series and topics added to the vocabularies for this page. */
  added: AddedEntry[]
  /** Page line of each field path; validation problems point at the page through it. */
  lines: Map<string, number>
  /** Slug of the catalogue report this page is, if any (see `sameReport`). */
  existing?: string | undefined
  /** Why the page is that report ("the same ISBN 978-…"). */
  existingWhy?: string | undefined
  /** Why a required field is missing (title, published, type), in the page's terms. */
  missing: Record<string, string>
}

interface Resolver {
  ctx: PageContext
  options: ImportPageOptions
  mapped: MappedWord[]
  added: AddedEntry[]
}

const closestText = (keys: string[]) =>
  keys.length > 0 ? `; closest keys: ${keys.join(', ')}` : ''

function resolveType(r: Resolver, missing: Record<string, string>): string | undefined {
  const { ctx, options } = r
  const types = options.vocabularies.types
  const override = options.typeOverride
  const pageWords = [
    { word: ctx.draft.typeLabel, line: ctx.lines.get('type') },
    { word: ctx.draft.headerTypeLabel, line: ctx.lines.get('headerType') },
  ].filter((w): w is { word: string; line: number | undefined } => w.word !== undefined)

  if (override !== undefined) {
    const match = matchVocabulary(types, override, options.maps?.types)
    if (!match.key) {
      const why = `--type ${override}: not in the types vocabulary${closestText(match.closest)}`
      ctx.warn(1, why)
      missing.type = why
      return undefined
    }
    const said = pageWords.map((w) => `"${w.word}"`).join(' and ')
    ctx.infer(
      'type',
      `--type ${override} applies to every page of the run${said ? ` (the page says ${said})` : ''}`,
    )
    r.mapped.push({ field: 'type', word: override, key: match.key, rule: match.rule ?? 'key' })
    return match.key
  }
  // A labelled "Type:" is more specific than a header's word ("Publication | May 2019").
  for (const { word, line } of pageWords) {
    const match = matchVocabulary(types, word, options.maps?.types)
    if (!match.key) continue
    if (match.inferred) ctx.infer('type', match.inferred, line)
    const header = ctx.draft.headerTypeLabel
    if (word === ctx.draft.typeLabel && header !== undefined && header !== word)
      ctx.infer(
        'type',
        `the labelled type "${word}" is preferred to the header's "${header}"`,
        line,
      )
    r.mapped.push({ field: 'type', word, key: match.key, rule: match.rule ?? 'key', line })
    return match.key
  }
  const first = pageWords[0]
  const fallback = options.defaults?.type
  if (fallback !== undefined && Object.hasOwn(types, fallback)) {
    if (first) {
      const closest = matchVocabulary(types, first.word).closest
      ctx.warn(
        first.line ?? 1,
        `"${first.word}" names no type: the catalogue's default ${fallback} is used${closestText(closest)}; map it with --map type:"${first.word}"=<key> or add it to a type's aliases in catalogue.yaml`,
      )
      ctx.infer('type', `"${first.word}" names no type; the catalogue's default type`, first.line)
      r.mapped.push({
        field: 'type',
        word: first.word,
        key: fallback,
        rule: 'default',
        line: first.line,
      })
    } else {
      ctx.warn(1, `the page gives no type: the catalogue's default ${fallback} is used`)
      ctx.infer('type', "the page gives none; the catalogue's default type")
    }
    return fallback
  }
  if (first) {
    const match = matchVocabulary(types, first.word)
    const why = `"${first.word}" is not in the types vocabulary${closestText(match.closest)}`
    if (first.line !== undefined) ctx.unplace(first.line, first.word, why)
    missing.type = `line ${first.line ?? 1}: ${why}; pass --type <key> or --map type:"${first.word}"=<key>, or add a default type to catalogue.yaml (defaults: { type: <key> })`
  }
  return undefined
}

/**
 * A word's key in a vocabulary, adding an entry for it when the vocabulary has none that
 * matches (unless the run says not to); `undefined` when it stays unplaced.
 */
function vocabularyKey(
  r: Resolver,
  name: 'series' | 'topics',
  word: string,
  line: number,
  alternatives: readonly string[] = [],
): string | undefined {
  const { ctx, options } = r
  const vocabulary = options.vocabularies[name] ?? {}
  const field = name === 'series' ? 'series' : 'topics'
  const map = options.maps?.[name]
  let match = matchVocabulary(vocabulary, word, map)
  for (const alternative of alternatives) {
    if (match.key) break
    match = { ...matchVocabulary(vocabulary, alternative, map), suggestion: match.suggestion }
  }
  // Only spelling-level fuzz for series and topics: a shared word ("Finance") is no proof.
  if (match.key && match.rule !== 'word') {
    if (match.inferred) ctx.infer(name === 'series' ? 'series.key' : 'topics', match.inferred, line)
    r.mapped.push({ field, word, key: match.key, rule: match.rule ?? 'key', line })
    return match.key
  }
  if (options.newVocabulary !== false) {
    const { slug, hashed } = slugFor(word, name === 'series' ? 'series' : 'topic')
    options.vocabularies[name] = { ...options.vocabularies[name], [slug]: { label: word } }
    r.added.push({ vocabulary: name, key: slug, label: word, line })
    r.mapped.push({ field, word, key: slug, rule: 'new', line })
    ctx.infer(
      name === 'series' ? 'series.key' : `topics`,
      `"${word}" added to the ${name} vocabulary as ${slug}${hashed ? ' (a slug from a hash: the label has no Latin, Greek or Cyrillic letters)' : ''}`,
      line,
    )
    return slug
  }
  const fallback = options.defaults?.[name]
  if (fallback !== undefined && Object.hasOwn(vocabulary, fallback)) {
    ctx.warn(
      line,
      `"${word}" names no ${name} entry: the catalogue's default ${fallback} is used${closestText(match.closest)}`,
    )
    r.mapped.push({ field, word, key: fallback, rule: 'default', line })
    return fallback
  }
  const why =
    Object.keys(vocabulary).length === 0
      ? `the catalogue's ${name} vocabulary is empty: add "${word}" to catalogue.yaml to keep it (or import without --no-new-vocabulary)`
      : `"${word}" is not in the ${name} vocabulary${match.suggestion ? `, did you mean ${match.suggestion}?` : ''}`
  ctx.unplace(line, word, why)
  return undefined
}

function resolveSeries(r: Resolver): ReportInput['series'] {
  const { ctx } = r
  const text = ctx.draft.seriesLabel
  if (text === undefined) return undefined
  const line = ctx.lines.get('series') ?? 1
  const { name, number } = splitSeries(text)
  const alternatives = /\s+series$/i.test(name)
    ? [name.replace(/\s+series$/i, '')]
    : [`${name} Series`]
  const key = vocabularyKey(r, 'series', name, line, alternatives)
  if (key === undefined) return undefined
  if (number !== undefined) ctx.infer('series.number', `"${number}" split off "${text}"`, line)
  return number === undefined ? { key } : { key, number }
}

function resolveTopics(r: Resolver): string[] | undefined {
  const { ctx } = r
  const labels = ctx.draft.topicLabels
  if (!labels) return undefined
  const topics: string[] = []
  for (const { label, line } of labels) {
    const key = vocabularyKey(r, 'topics', label, line)
    if (key === undefined || topics.includes(key)) continue
    ctx.at(`topics[${topics.length}]`, line)
    topics.push(key)
  }
  return topics.length > 0 ? topics : undefined
}

const comparable = (text: string | undefined) =>
  (text ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()

/** A report's whole title: title and subtitle, as one comparable string. */
export function wholeTitle(title: string | undefined, subtitle: string | undefined): string {
  return comparable(subtitle ? `${title} ${subtitle}` : title)
}

/**
 * Why a page is the same report as a known one, or `undefined` when it is another report.
 * Identifiers decide when both sides have one of a kind (a shared ISBN, the same DOI or
 * stock number: the same report; different ones: another report, whatever the titles);
 * without identifiers, the whole title (subtitle included) and the date must both agree.
 * A shared title with another part, edition or date is another report.
 */
export function sameReport(
  page: Omit<KnownReport, 'slug'>,
  known: KnownReport,
): string | undefined {
  const pageIsbns = page.isbns.map((v) => normalizeIsbn(v) ?? v)
  const knownIsbns = known.isbns.map((v) => normalizeIsbn(v) ?? v)
  const shared = pageIsbns.find((isbn) => knownIsbns.includes(isbn))
  if (shared) return `the same ISBN ${shared}`
  if (page.doi && known.doi)
    return comparable(page.doi) === comparable(known.doi) ? `the same DOI ${page.doi}` : undefined
  if (page.stockNumber && known.stockNumber)
    return comparable(page.stockNumber) === comparable(known.stockNumber)
      ? `the same stock number ${page.stockNumber}`
      : undefined
  if (pageIsbns.length > 0 && knownIsbns.length > 0) return undefined
  const title = wholeTitle(page.title, page.subtitle)
  if (
    title !== '' &&
    title === wholeTitle(known.title, known.subtitle) &&
    page.published !== undefined &&
    page.published === known.published
  )
    return `the same title${page.subtitle ? ', subtitle' : ''} and date (${page.published})`
  return undefined
}

function chooseSlug(
  ctx: PageContext,
  options: ImportPageOptions,
  existing?: { report: KnownReport; why: string },
): string | undefined {
  const title = ctx.draft.title
  if (title === undefined) return undefined
  const line = ctx.lines.get('title')
  if (existing) {
    ctx.infer(
      'slug',
      `the catalogue's "${existing.report.slug}" is this report: ${existing.why}`,
      line,
    )
    return existing.report.slug
  }
  const taken = options.takenSlugs ?? new Set<string>()
  const short = slugFor(shortTitle(title))
  const whole = slugFor(title)
  const full = whole.slug
  const year = ctx.draft.published?.slice(0, 4)
  const subtitle = ctx.draft.subtitle ? slugFor(`${title} ${ctx.draft.subtitle}`) : undefined
  const candidates = [
    short.slug,
    full,
    subtitle && !subtitle.hashed ? subtitle.slug : undefined,
    year ? `${full}-${year}` : undefined,
  ].filter((c, i, all): c is string => c !== undefined && c !== '' && all.indexOf(c) === i)
  for (const [i, slug] of candidates.entries()) {
    if (taken.has(slug)) continue
    const why = whole.hashed
      ? 'from a hash of the title (it has no Latin, Greek or Cyrillic letters to spell a slug with)'
      : slug === short.slug && short.slug !== full
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

/** The page's size past which it is not read (characters): see the README. */
export const MAX_PAGE_CHARS = 2 * 1024 * 1024

/** Thrown for a page over MAX_PAGE_CHARS. */
export class PageTooLargeError extends Error {}

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
  if (text.length > MAX_PAGE_CHARS) {
    throw new PageTooLargeError(
      `the page has ${text.length.toLocaleString('en')} characters: pages over ${MAX_PAGE_CHARS.toLocaleString('en')} are not read (a publication page is some kilobytes; is this an export of a whole site?)`,
    )
  }
  const ctx = readPage(text)
  const { draft } = ctx
  const missing: Record<string, string> = {}
  // Entries this page adds go into copies: the caller decides whether they are kept.
  const { vocabularies } = options
  const own: Vocabularies = {
    ...vocabularies,
    series: { ...vocabularies.series },
    topics: { ...vocabularies.topics },
  }
  const resolver: Resolver = {
    ctx,
    options: { ...options, vocabularies: own },
    mapped: [],
    added: [],
  }
  const type = resolveType(resolver, missing)
  const series = resolveSeries(resolver)
  const topics = resolveTopics(resolver)

  let published = draft.published
  if (published === undefined && options.fallbackPublished !== undefined) {
    published = options.fallbackPublished
    ctx.infer('published', `the page has none; --published ${published} used`)
  }

  const identity = {
    title: draft.title ?? '',
    subtitle: draft.subtitle,
    isbns: (draft.isbn ?? []).map((e) => e.value),
    doi: draft.doi,
    stockNumber: draft.stockNumber,
    published,
  }
  // The strongest agreement wins: an ISBN over a DOI over a stock number over the title.
  const strength = (why: string) =>
    ['the same ISBN', 'the same DOI', 'the same stock number'].findIndex((s) => why.startsWith(s))
  let existing: { report: KnownReport; why: string; rank: number } | undefined
  if (draft.title !== undefined) {
    for (const report of options.known ?? []) {
      const why = sameReport(identity, report)
      if (!why) continue
      const rank = strength(why) < 0 ? 3 : strength(why)
      if (!existing || rank < existing.rank) existing = { report, why, rank }
      if (rank === 0) break
    }
  }
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
    mapped: resolver.mapped,
    added: resolver.added,
    lines: ctx.lines,
    existing: existing?.report.slug,
    existingWhy: existing?.why,
  }
}
