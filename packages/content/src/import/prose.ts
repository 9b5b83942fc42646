// How a line of a page reads: a heading, one sentence, a list's introduction, a title-like
// entry. These shapes are all a plain-text capture keeps of the page's structure.

/** Sentence ends: . ! ? (optionally closed by a quote or bracket) before a capital or the end. */
const SENTENCE_END = /[.!?…]["”’)]?(?=\s+["“‘(]?[A-Z0-9]|\s*$)/g

/** The number of sentences in a paragraph (abbreviations such as "U.S." may count double). */
export function sentenceCount(text: string): number {
  return Math.max(1, (text.match(SENTENCE_END) ?? []).length)
}

/** True for a line that reads as a heading: short, no closing punctuation, capitalised. */
export function isHeadingLike(text: string): boolean {
  if (text.length > 120 || text.split(/\s+/).length > 14) return false
  if (/[.!?,;:]$/.test(text)) return false
  return /^["“‘(]?[\p{Lu}\p{N}]/u.test(text)
}

/** True for a list entry that reads as a title (a contents entry), not a sentence. */
export function isTitleLike(text: string): boolean {
  if (text.length > 160 || text.split(/\s+/).length > 20) return false
  if (/[;,:]$/.test(text)) return false
  if (/\.$/.test(text) && !/\.{2,}\s*$/.test(text)) return false
  return /^["“‘(]?[\p{Lu}\p{N}]/u.test(text)
}

/** A line that introduces what follows: it ends with a colon. */
export function isIntroduction(text: string): boolean {
  return /:$/.test(text)
}

// "Some of the report's findings include:", "Key findings", "The main findings are:".
const FINDINGS =
  /\bfindings?\b|\bkey (?:messages|takeaways|points|conclusions)\b|\bthe (?:report|study|paper) finds\b|^(?:key |main )?highlights:?$/i

/** True for a heading or introduction that announces the findings. */
export function isFindingsIntroduction(text: string): boolean {
  return text.length <= 200 && FINDINGS.test(text) && (isIntroduction(text) || isHeadingLike(text))
}

// "Key Findings", "Main findings:", "Summary of findings": a heading that is only that.
const FINDINGS_HEADING =
  /^(?:(?:key|main|major|principal|summary of(?: the)?|our|the)\s+)?(?:findings|key messages|messages|takeaways|conclusions)(?:\s+and\s+recommendations)?:?$/i

/** True for a heading that names the findings section and nothing else. */
export function isFindingsHeading(text: string): boolean {
  return FINDINGS_HEADING.test(text)
}

/**
 * True for a line that reads as an unfinished sentence rather than a heading: no full stop,
 * several words, most of them lowercase ("The study draws on three kinds of sources").
 */
export function isSentenceLike(text: string): boolean {
  if (/[.!?]$/.test(text)) return false
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w))
  if (words.length < 4) return false
  const lower = words.slice(1).filter((w) => /^\p{Ll}/u.test(w) && w.length > 3)
  const upper = words.slice(1).filter((w) => /^\p{Lu}/u.test(w) && w.length > 3)
  return lower.length > upper.length
}

export function isContentsHeading(text: string): boolean {
  return /^(?:table of )?contents:?$|^in this (?:report|publication|book|volume|issue):?$|^chapters:?$/i.test(
    text,
  )
}

export function isDetailsHeading(text: string): boolean {
  return /^(?:additional|publication|more|bibliographic|product|other)\s+(?:details|information):?$|^details:?$/i.test(
    text,
  )
}

/** A heading that only names the overview ("Overview", "About this report"). */
export function isOverviewHeading(text: string): boolean {
  return /^(?:overview|summary|description|synopsis|abstract|about (?:this|the) (?:report|publication|book|paper|study))$/i.test(
    text,
  )
}

/** An introduction to a list of prices ("Price:", "Prices and availability:"). */
export function isPriceIntroduction(text: string): boolean {
  return /^(?:prices?|pricing|price and availability|cost)\b[^.]*:$/i.test(text)
}

/** Front matter that opens a table of contents. */
export const FRONT_MATTER =
  /^(?:abstract|foreword|preface|acknowledge?ments?|abbreviations|acronyms|executive summary|tables?,? figures|list of |about the authors?|contributors|highlights|key messages)/i

/** Back matter that closes a table of contents. */
export const BACK_MATTER =
  /^(?:references|bibliography|glossary|appendix|appendixes|appendices|annex|annexes|index|notes|endnotes|sources)\b/i

/** A heading over links to other publications, which a capture keeps as bare titles. */
export function isRelatedHeading(text: string): boolean {
  return /^(?:related (?:publications|reports|content|resources|links)|you may also (?:like|be interested in)|see also|more (?:publications|reports)\b.*)$/i.test(
    text.replace(/:$/, ''),
  )
}
