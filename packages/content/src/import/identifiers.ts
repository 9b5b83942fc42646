// ISBNs, ISSNs, DOIs and stock numbers as pages write them: "978-92-9254-047-0 (print),
// 978-92-9254-048-7 (web)", "ISSN 2071-7202 (online)", "https://doi.org/10.…".
import type { IsbnForm, IssnForm } from '@colophon/schema'
import { isbnProblem, issnProblem } from '@colophon/schema'
import type { PageContext } from './context.js'
import { collapseSpaces } from './text.js'

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

/**
 * Reads one or more ISBNs with their forms into the draft. `labelForm` is a form the
 * label gave ("ISBN (print): …", "e-ISBN: …").
 */
export function addIsbns(
  ctx: PageContext,
  value: string,
  line: number,
  labelForm?: string | undefined,
): void {
  for (const part of splitOutsideParentheses(value)) {
    const { value: isbn, formWord } = numberWithForm(part, /^ISBN(?:-1[03])?:?\s*/i)
    const problem = isbnProblem(isbn)
    if (problem) {
      ctx.unplace(line, part, problem)
      continue
    }
    const list = ctx.list('isbn')
    const index = list.length
    const word = formWord ?? labelForm
    let form = word ? isbnForm(word) : undefined
    if (word && !form) {
      ctx.unplace(line, part, `unknown ISBN form "${word}"; expected print, web, pdf or ebook`)
      continue
    }
    if (!form) {
      form = 'print'
      ctx.infer(`identifiers.isbn[${index}].form`, 'the page gives no form; print assumed', line)
    } else if (word && word.toLowerCase() !== form) {
      ctx.infer(`identifiers.isbn[${index}].form`, `"${word}" read as ${form}`, line)
    }
    list.push({ value: isbn, form })
    ctx.at(`identifiers.isbn[${index}]`, line)
  }
}

/** Reads one or more ISSNs with their forms ("2071-7202 (print), 2218-2675 (online)"). */
export function addIssns(
  ctx: PageContext,
  value: string,
  line: number,
  labelForm?: string | undefined,
): void {
  for (const part of splitOutsideParentheses(value)) {
    const { value: issn, formWord } = numberWithForm(part, /^(?:[pe]-)?ISSN:?\s*/i)
    const problem = issnProblem(issn)
    if (problem) {
      ctx.unplace(line, part, problem)
      continue
    }
    const list = ctx.list('issn')
    const index = list.length
    const word = formWord ?? labelForm
    let form = word ? issnForm(word) : undefined
    if (word && !form) {
      ctx.unplace(line, part, `unknown ISSN form "${word}"; expected print or online`)
      continue
    }
    if (!form) {
      form = 'print'
      ctx.infer(`identifiers.issn[${index}].form`, 'the page gives no form; print assumed', line)
    } else if (word && word.toLowerCase() !== form) {
      ctx.infer(`identifiers.issn[${index}].form`, `"${word}" read as ${form}`, line)
    }
    list.push({ value: issn.toUpperCase(), form })
    ctx.at(`identifiers.issn[${index}]`, line)
  }
}

/** True when every comma-separated part of `value` is a valid ISBN, with or without a form. */
export function looksLikeIsbns(value: string): boolean {
  const parts = splitOutsideParentheses(value)
  return (
    parts.length > 0 &&
    parts.every((p) => !isbnProblem(numberWithForm(p, /^ISBN(?:-1[03])?:?\s*/i).value))
  )
}

export function looksLikeIssns(value: string): boolean {
  const parts = splitOutsideParentheses(value)
  return (
    parts.length > 0 &&
    parts.every((p) => !issnProblem(numberWithForm(p, /^(?:[pe]-)?ISSN:?\s*/i).value))
  )
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
