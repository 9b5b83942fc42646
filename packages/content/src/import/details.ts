// The "Additional Details" section: subjects, countries, stock number, ISBNs and ISSNs with
// forms, page count. Labelled ("Subjects: …", "Stock No.<tab>…"), a label on its own line
// with its values below (as text lines or bullets), or unlabelled values recognised by shape
// (ISBN check digits, "148 pages", country names); the last are listed as inferred.
import { partialDateProblem } from 'colophon-schema'
import type { Block } from './blocks.ts'
import type { PageContext } from './context.ts'
import { countryCode, splitCountries } from './countries.ts'
import {
  addCountries,
  allCountries,
  applyField,
  fieldOfLabel,
  type Label,
  readDate,
  readPages,
  splitKnownLabel,
  splitLabelled,
  splitSubjects,
} from './fields.ts'
import { bareDoi, looksLikeIsbns, looksLikeIssns, looksLikeStockNumber } from './identifiers.ts'
import { interfaceNoise } from './noise.ts'
import { readPrice } from './price.ts'
import { collapseSpaces } from './text.ts'

/** A line that is only a label: "Subjects", "ISBN:", "Stock No." */
function labelOnly(text: string): Label | undefined {
  const stripped = text.replace(/:$/, '')
  return fieldOfLabel(stripped)
}

/** Reads an unlabelled value by its shape; false when it has none the importer knows. */
function unlabelled(ctx: PageContext, text: string, line: number): boolean {
  const value = collapseSpaces(text)
  const infer = (field: string, why: string) => ctx.infer(field, `unlabelled ${why}`, line)
  if (looksLikeIsbns(value)) {
    infer('identifiers.isbn', 'value with valid ISBN check digits')
    applyField(ctx, { field: 'isbn' }, value, line, value)
    return true
  }
  if (looksLikeIssns(value)) {
    infer('identifiers.issn', 'value with a valid ISSN check digit')
    applyField(ctx, { field: 'issn' }, value, line, value)
    return true
  }
  if (/\b(?:pages?|pp\.?)$/i.test(value) && readPages(value)) {
    infer('pages', 'page count')
    applyField(ctx, { field: 'pages' }, value, line, value)
    return true
  }
  if (looksLikeStockNumber(value)) {
    infer('identifiers.stockNumber', 'value shaped like a stock number (letters and digits)')
    applyField(ctx, { field: 'stockNumber' }, value, line, value)
    return true
  }
  if (bareDoi(value)) {
    infer('identifiers.doi', 'DOI')
    applyField(ctx, { field: 'doi' }, value, line, value)
    return true
  }
  const date = readDate(value)
  if (date && !partialDateProblem(date) && /[A-Za-z]/.test(value)) {
    if (ctx.draft.published === undefined) infer('published', 'date')
    applyField(ctx, { field: 'published' }, value, line, value)
    return true
  }
  if (allCountries(value)) {
    infer('countries', 'list of country names')
    addCountries(ctx, value, line)
    return true
  }
  // Some names are countries and some are not: a countries line with a misspelling.
  const names = splitCountries(value)
  if (names.length > 1 && names.filter((n) => countryCode(n)).length >= names.length / 2) {
    infer('countries', 'list of mostly country names')
    addCountries(ctx, value, line)
    return true
  }
  const price = readPrice(value)
  if (price) {
    infer('price', 'amount with a currency')
    applyField(ctx, { field: 'price' }, value, line, value)
    return true
  }
  // Only a list of subjects ("Water; Industry"): a lone short line may be a footer or a
  // heading ("Regional offices and contacts") as well as a subject.
  if (!/\d/.test(value) && value.includes(';')) {
    infer('topics', 'list of words, read as subjects')
    for (const subject of splitSubjects(value)) {
      ctx.list('topicLabels').push({ label: subject, line })
    }
    return true
  }
  return false
}

/** Fields that take one value: a label on its own line ends with the line below it. */
const SINGLE: ReadonlySet<Label['field']> = new Set([
  'type',
  'series',
  'stockNumber',
  'doi',
  'edition',
  'publisher',
  'language',
  'published',
  'pages',
  'authors',
])

/**
 * True when a line below a label on its own line is a value of that label: of the field's
 * shape, so that later unlabelled lines (a footer, another detail) are not filed under it.
 */
export function fitsLabel(label: Label, text: string): boolean {
  switch (label.field) {
    case 'isbn':
      return looksLikeIsbns(text)
    case 'issn':
      return looksLikeIssns(text)
    case 'countries':
      return splitCountries(text).some((n) => countryCode(n) !== undefined)
    case 'pages':
      return readPages(text) !== undefined
    case 'published':
      return readDate(text) !== undefined
    case 'price':
      return readPrice(text) !== undefined || /^(?:[A-Za-z ]+:\s*)?free\b/i.test(text)
    case 'doi':
      return bareDoi(text) !== undefined
    case 'topics':
      return !/\d/.test(text) && text.length <= 200
    default:
      return true
  }
}

/**
 * Reads the details section from `start` to the end of the page; returns the index after
 * the last block it read.
 */
export function readDetails(ctx: PageContext, blocks: readonly Block[], start: number): number {
  let pending: Label | undefined
  let pendingText = ''
  for (let index = start; index < blocks.length; index++) {
    const block = blocks[index] as Block
    const values =
      block.kind === 'text'
        ? [{ text: block.text, line: block.line }]
        : block.items.flatMap(function flat(item): { text: string; line: number }[] {
            return [{ text: item.text, line: item.line }, ...item.children.flatMap(flat)]
          })
    for (const { text: raw, line } of values) {
      const text = collapseSpaces(raw)
      const noise = interfaceNoise(text)
      if (noise) {
        ctx.ignore(line, text, noise)
        // A footer ends the label above it: what follows is the site's, not the report's.
        pending = undefined
        continue
      }
      if (block.kind === 'text') {
        const alone = labelOnly(text)
        if (alone && (text.endsWith(':') || !unlabelledShape(text))) {
          pending = alone
          pendingText = text
          continue
        }
        const labelled = splitLabelled(raw)
        if (labelled && labelled.value !== '') {
          const label = fieldOfLabel(labelled.label)
          if (label) {
            applyField(ctx, label, labelled.value, line, text)
            pending = undefined
            continue
          }
          if (!/\d/.test(labelled.label) && labelled.label.split(' ').length <= 4 && !pending) {
            ctx.unplace(line, text, `the model has no field for "${labelled.label}"`)
            continue
          }
        }
      }
      // "Pages 48": a known label and one space, when the value has the label's shape.
      const joined = block.kind === 'text' && !pending ? splitKnownLabel(text) : undefined
      const joinedLabel = joined && fieldOfLabel(joined.label)
      if (joined && joinedLabel && fitsLabel(joinedLabel, joined.value) && !unlabelledShape(text)) {
        applyField(ctx, joinedLabel, joined.value, line, text)
        continue
      }
      if (pending && fitsLabel(pending, text)) {
        applyField(ctx, pending, text, line, `${pendingText} ${text}`)
        if (SINGLE.has(pending.field)) pending = undefined
        continue
      }
      pending = undefined
      if (!unlabelled(ctx, text, line)) {
        ctx.unplace(line, text, 'an unlabelled detail of no shape the importer knows')
      }
    }
  }
  return blocks.length
}

// A label word that is also a value would be misread as a label ("Reports" is not a label,
// but a type line "Type" alone is); only label words count.
function unlabelledShape(text: string): boolean {
  return looksLikeIsbns(text) || looksLikeIssns(text)
}
