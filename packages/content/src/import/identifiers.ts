// ISBNs, ISSNs, DOIs and stock numbers as pages write them: "978-92-9254-047-0 (print),
// 978-92-9254-048-7 (web)", "ISSN 2071-7202 (online)", "https://doi.org/10.…".
import type { IsbnForm, IssnForm } from 'colophon-schema'
import { isbnProblem, issnProblem } from 'colophon-schema'
import type { PageContext } from './context.ts'
import { collapseSpaces } from './text.ts'

const ISBN_FORMS: Record<string, IsbnForm> = {
  print: 'print',
  paperback: 'print',
  hardback: 'print',
  hardcover: 'print',
  softcover: 'print',
  pbk: 'print',
  hbk: 'print',
  web: 'web',
  online: 'web',
  pdf: 'pdf',
  ebook: 'ebook',
  'e-book': 'ebook',
  epub: 'ebook',
  electronic: 'ebook',
  digital: 'ebook',
}

const ISSN_FORMS: Record<string, IssnForm> = {
  print: 'print',
  'p-issn': 'print',
  online: 'online',
  web: 'online',
  electronic: 'online',
  'e-issn': 'online',
  digital: 'online',
}

/** The form named by a word such as "print", "PDF", "e-book", or `undefined`. */
export function isbnForm(word: string): IsbnForm | undefined {
  return ISBN_FORMS[word.trim().toLowerCase()]
}

export function issnForm(word: string): IssnForm | undefined {
  return ISSN_FORMS[word.trim().toLowerCase()]
}

/** Splits "a (x), b (y); c" at commas and semicolons outside parentheses. */
export function splitOutsideParentheses(value: string, separators = /[,;]/): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const c of value) {
    if (c === '(') depth++
    if (c === ')') depth = Math.max(0, depth - 1)
    if (depth === 0 && separators.test(c)) {
      parts.push(current)
      current = ''
    } else current += c
  }
  parts.push(current)
  return parts.map(collapseSpaces).filter((p) => p !== '')
}

interface Numbered {
  value: string
  formWord?: string | undefined
}

// "978-92-9254-047-0 (print)", "ISBN 978… (PDF)", "print: 978…", "978…, print"
function numberWithForm(part: string, prefix: RegExp): Numbered {
  let text = part.replace(prefix, '').trim()
  let formWord: string | undefined
  const parenthesised = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text)
  if (parenthesised) {
    text = parenthesised[1] ?? ''
    formWord = parenthesised[2]
  } else {
    const labelled = /^([A-Za-z-]+)\s*:?\s+(\d.*)$/.exec(text)
    if (labelled) {
      formWord = labelled[1]
      text = labelled[2] ?? ''
    }
  }
  return { value: text.replace(/\s*[.;,]$/, '').trim(), formWord }
}

/** How pages write one kind of standard number, and how the schema checks it. */
interface NumberKind<Form extends string> {
  key: 'isbn' | 'issn'
  list: (ctx: PageContext) => { value: string; form: Form }[]
  name: string
  prefix: RegExp
  problem: (value: string) => string | undefined
  form: (word: string) => Form | undefined
  forms: string
  canonical: (value: string) => string
}

const ISBN: NumberKind<IsbnForm> = {
  key: 'isbn',
  list: (ctx) => ctx.list('isbn'),
  name: 'ISBN',
  prefix: /^ISBN(?:-1[03])?:?\s*/i,
  problem: isbnProblem,
  form: isbnForm,
  forms: 'print, web, pdf or ebook',
  canonical: (value) => value,
}

const ISSN: NumberKind<IssnForm> = {
  key: 'issn',
  list: (ctx) => ctx.list('issn'),
  name: 'ISSN',
  prefix: /^(?:[pe]-)?ISSN:?\s*/i,
  problem: issnProblem,
  form: issnForm,
  forms: 'print or online',
  canonical: (value) => value.toUpperCase(),
}

// Each number with its form; a number without one is taken as print, and says so.
function addNumbers<Form extends string>(
  kind: NumberKind<Form>,
  ctx: PageContext,
  value: string,
  line: number,
  labelForm: string | undefined,
): void {
  for (const part of splitOutsideParentheses(value)) {
    const { value: number, formWord } = numberWithForm(part, kind.prefix)
    const problem = kind.problem(number)
    if (problem) {
      ctx.unplace(line, part, problem)
      continue
    }
    const list = kind.list(ctx)
    const path = `identifiers.${kind.key}[${list.length}]`
    const word = formWord ?? labelForm
    let form = word ? kind.form(word) : undefined
    if (word && !form) {
      ctx.unplace(line, part, `unknown ${kind.name} form "${word}"; expected ${kind.forms}`)
      continue
    }
    if (!form) {
      form = 'print' as Form
      ctx.infer(`${path}.form`, 'the page gives no form; print assumed', line)
    } else if (word && word.toLowerCase() !== form) {
      ctx.infer(`${path}.form`, `"${word}" read as ${form}`, line)
    }
    list.push({ value: kind.canonical(number), form })
    ctx.at(path, line)
  }
}

/**
 * Reads one or more ISBNs with their forms into the draft. `labelForm` is a form the
 * label gave ("ISBN (print): …", "e-ISBN: …").
 */
export function addIsbns(ctx: PageContext, value: string, line: number, labelForm?: string): void {
  addNumbers(ISBN, ctx, value, line, labelForm)
}

/** Reads one or more ISSNs with their forms ("2071-7202 (print), 2218-2675 (online)"). */
export function addIssns(ctx: PageContext, value: string, line: number, labelForm?: string): void {
  addNumbers(ISSN, ctx, value, line, labelForm)
}

/** True when every comma-separated part of `value` is a valid ISBN, with or without a form. */
export function looksLikeIsbns(value: string): boolean {
  const parts = splitOutsideParentheses(value)
  return parts.length > 0 && parts.every((p) => !isbnProblem(numberWithForm(p, ISBN.prefix).value))
}

export function looksLikeIssns(value: string): boolean {
  const parts = splitOutsideParentheses(value)
  return parts.length > 0 && parts.every((p) => !issnProblem(numberWithForm(p, ISSN.prefix).value))
}

/** The bare DOI from "10.…", "doi:10.…" or a doi.org URL, or `undefined`. */
export function bareDoi(value: string): string | undefined {
  const bare = value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
  return /^10\.\d{4,9}(?:\.\d+)*\/\S+$/.test(bare) ? bare : undefined
}

/** A publisher's stock number as pages show it unlabelled: "RPT135555-2", "BKK-123456". */
export function looksLikeStockNumber(value: string): boolean {
  return /^[A-Z]{2,6}-?\d{4,}(?:-\d+)?$/.test(value)
}
