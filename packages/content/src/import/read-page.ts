// The page walker: blocks in page order → the draft report. The page has a front (title,
// metadata, subtitle), an overview (lede, paragraphs, subheadings, lists), the findings,
// the contents and an "Additional Details" section; captures vary in which of these they
// have and how they mark them, and every decision taken on a shape is recorded.
import { partialDateProblem } from 'colophon-schema'
import {
  type Block,
  type ListBlock,
  type ListItem,
  MAX_LIST_DEPTH,
  pageBlocks,
  type TextBlock,
} from './blocks.ts'
import { contentsEntries, contentsEvidence } from './contents.ts'
import { PageContext } from './context.ts'
import { fitsLabel, readDetails } from './details.ts'
import {
  applyField,
  fieldOfLabel,
  type Label,
  readDate,
  readHeaderLine,
  splitKnownLabel,
  splitLabelled,
  splitSubjects,
} from './fields.ts'
import { escapeMarkdown, markdownHeading, markdownList } from './markdown.ts'
import { interfaceNoise } from './noise.ts'
import { readPrice } from './price.ts'
import {
  isContentsHeading,
  isDetailsHeading,
  isFindingsHeading,
  isFindingsIntroduction,
  isHeadingLike,
  isIntroduction,
  isOverviewHeading,
  isPriceIntroduction,
  isRelatedHeading,
  isSentenceLike,
  isTitleLike,
  sentenceCount,
} from './prose.ts'
import { collapseSpaces, pageLines } from './text.ts'
import { splitTitle } from './title.ts'

type Phase = 'front' | 'overview' | 'after-contents' | 'related' | 'details'

/** What the block before a list said about it. */
type ListRole =
  | { kind: 'findings'; line: number }
  | { kind: 'contents'; line: number }
  | { kind: 'introduced'; line: number; text: string }
  | { kind: 'field'; line: number; text: string; label: Label }
  | { kind: 'none' }

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every item is a price ("US$20.00 (paperback)") or a free copy, and one at least a price. */
function allPrices(items: readonly ListItem[]): boolean {
  const texts = items.map((item) => collapseSpaces(item.text))
  return (
    items.every((item) => item.children.length === 0) &&
    texts.some((t) => readPrice(t) !== undefined) &&
    texts.every((t) => readPrice(t) !== undefined || /^(?:[A-Za-z ]+:\s*)?free\b/i.test(t))
  )
}

/** Fields a value's shape confirms (an ISBN's check digit, a page count, a date). */
const SHAPED: ReadonlySet<Label['field']> = new Set([
  'isbn',
  'issn',
  'pages',
  'published',
  'price',
  'doi',
])

/** A line that names a series: "… Series", "… Series No. 12", "ADB Briefs No. 100". */
function seriesLine(text: string): string | undefined {
  if (text.length > 100 || /[.!?:]$/.test(text) || !/^\p{Lu}/u.test(text)) return undefined
  if (/\bSeries(?:[,;\s]+(?:No\.?|Number|#)\s*[A-Za-z]?\d[\w.-]*)?$/.test(text)) return text
  if (/\b(?:Briefs?|Papers?|Notes?|Reports?)\s+No\.\s*\d[\w.-]*$/.test(text)) return text
  return undefined
}

const RELATED_WHY =
  'a link to another publication: once it is in the catalogue, list its slug under related'

class PageReader {
  readonly ctx = new PageContext()
  private phase: Phase = 'front'
  private role: ListRole = { kind: 'none' }
  private sawMetadata = false
  private subtitleFromLine = false

  constructor(private readonly blocks: Block[]) {}

  read(): PageContext {
    for (let i = 0; i < this.blocks.length; i++) {
      const block = this.blocks[i] as Block
      if (this.phase === 'details') {
        i = readDetails(this.ctx, this.blocks, i) - 1
        continue
      }
      if (block.kind === 'text') i = this.text(block, i)
      else this.list(block)
    }
    this.finish()
    return this.ctx
  }

  private description(markdown: string, line: number): void {
    const blocks = this.ctx.list('description')
    if (blocks.length === 0) this.ctx.at('description', line)
    blocks.push(markdown)
  }

  /** Reads a text block; returns the index of the last block it consumed. */
  private text(block: TextBlock, index: number): number {
    const ctx = this.ctx
    const text = collapseSpaces(block.text)
    const next = this.blocks[index + 1]
    const role = this.role
    this.role = { kind: 'none' }

    const noise = interfaceNoise(text)
    if (noise) {
      ctx.ignore(block.line, text, noise)
      this.role = role // a share line between an introduction and its list changes nothing
      return index
    }
    if (isDetailsHeading(text)) {
      this.phase = 'details'
      return index
    }
    if (isRelatedHeading(text)) {
      this.phase = 'related'
      ctx.ignore(block.line, text, 'the heading of links to other publications')
      return index
    }
    if (this.phase === 'related') {
      ctx.unplace(block.line, text, RELATED_WHY)
      return index
    }
    const header = readHeaderLine(text)
    if (header && !ctx.draft.headerTypeLabel && !ctx.draft.published) {
      ctx.setOnce('headerTypeLabel', header.type, block.line, text, 'headerType')
      ctx.setOnce('published', header.published, block.line, text)
      if (header.pages !== undefined) ctx.setOnce('pages', header.pages, block.line, text)
      this.sawMetadata = true
      return index
    }
    const labelled = splitLabelled(block.text)
    const label = labelled && fieldOfLabel(labelled.label)
    if (
      labelled &&
      label &&
      labelled.value !== '' &&
      !(label.field === 'price' && next?.kind === 'list')
    ) {
      applyField(ctx, label, labelled.value, block.line, text)
      this.sawMetadata = true
      return index
    }

    // "ISBN 978-…", "Pages 148": a label and one space, for fields whose values have a shape.
    const joined = labelled ? undefined : splitKnownLabel(text)
    const joinedLabel = joined && fieldOfLabel(joined.label)
    if (
      joined &&
      joinedLabel &&
      SHAPED.has(joinedLabel.field) &&
      fitsLabel(joinedLabel, joined.value)
    ) {
      applyField(ctx, joinedLabel, joined.value, block.line, text)
      this.sawMetadata = true
      return index
    }

    // "Subjects:" or "ISBN:" over a list: each item is a value of the field.
    if (
      labelled &&
      label &&
      labelled.value === '' &&
      label.field !== 'price' &&
      next?.kind === 'list'
    ) {
      this.role = { kind: 'field', line: block.line, text, label }
      this.sawMetadata = true
      return index
    }

    if (this.phase === 'front') {
      if (ctx.draft.title === undefined) {
        ctx.setOnce('title', text, block.line, text)
        return index
      }
      if (text.toLowerCase() === ctx.draft.title.toLowerCase()) {
        ctx.ignore(block.line, text, 'the title, repeated (not a subtitle)')
        return index
      }
      // A line that is only a date ("April 2013") in the front: the date of publication.
      const date = ctx.draft.published === undefined ? readDate(text) : undefined
      if (date && /[A-Za-z]/.test(text) && !partialDateProblem(date)) {
        ctx.setOnce('published', date, block.line, text)
        ctx.infer('published', 'an unlabelled date line below the title', block.line)
        this.sawMetadata = true
        return index
      }
      // "Economics Working Paper Series No. 641" under the title: the series.
      const series = ctx.draft.seriesLabel === undefined ? seriesLine(text) : undefined
      if (series) {
        ctx.setOnce('seriesLabel', series, block.line, text, 'series')
        ctx.infer(
          'series',
          'an unlabelled line naming a series (ending in "Series" or "No. <n>")',
          block.line,
        )
        return index
      }
      if (this.sawMetadata && this.isSubjectsLine(text)) {
        for (const subject of splitSubjects(text)) {
          ctx.list('topicLabels').push({ label: subject, line: block.line })
        }
        ctx.infer(
          'topics',
          'an unlabelled line of semicolon-separated subjects in the metadata',
          block.line,
        )
        return index
      }
      if (isOverviewHeading(text)) {
        ctx.ignore(block.line, text, 'the heading of the overview')
        this.phase = 'overview'
        return index
      }
      if (
        ctx.draft.subtitle === undefined &&
        isHeadingLike(text) &&
        !isContentsHeading(text) &&
        !isFindingsIntroduction(text) &&
        next?.kind === 'text'
      ) {
        ctx.setOnce('subtitle', text, block.line, text)
        ctx.infer(
          'subtitle',
          'an unlabelled heading line between the title and the overview',
          block.line,
        )
        this.subtitleFromLine = true
        return index
      }
      this.phase = 'overview'
    }

    if (isContentsHeading(text)) {
      this.role = { kind: 'contents', line: block.line }
      if (next?.kind === 'text') return this.unbulletedContents(index + 1, block.line)
      return index
    }
    if (isFindingsIntroduction(text)) {
      if (next?.kind === 'list') {
        this.role = { kind: 'findings', line: block.line }
        return index
      }
      // Paragraphs are findings only under a heading that is just that ("Key Findings"), not
      // under a subheading that mentions findings ("Findings from the Pilot Connections").
      if (isFindingsHeading(text) && next?.kind === 'text') return this.findingParagraphs(index + 1)
    }

    if (this.phase === 'after-contents' && this.isSubjectsLine(text)) {
      for (const subject of splitSubjects(text)) {
        ctx.list('topicLabels').push({ label: subject, line: block.line })
      }
      ctx.infer(
        'topics',
        'an unlabelled line of semicolon-separated subjects after the contents',
        block.line,
      )
      return index
    }
    if (this.phase === 'after-contents') {
      ctx.unplace(
        block.line,
        text,
        'text after the table of contents that is not a labelled detail',
      )
      return index
    }

    // The overview.
    // A line that is only a price ("US$25.00 (paperback)"): the price, not the overview.
    const price = text.length <= 60 ? readPrice(text) : undefined
    if (price && ctx.draft.price === undefined) {
      ctx.draft.price = price.price
      ctx.at('price', block.line)
      ctx.infer('price', 'a line that is only an amount with a currency', block.line)
      if (price.assumed) ctx.infer('price.currency', price.assumed, block.line)
      return index
    }
    if (isOverviewHeading(text) && ctx.draft.description === undefined) {
      ctx.ignore(block.line, text, 'the heading of the overview')
      return index
    }
    // A list's introduction: a line ending with a colon, or a sentence right before it
    // ("The study draws on three kinds of sources"), which stays a sentence; a sentence
    // with a full stop is a paragraph of its own.
    if (next?.kind === 'list' && (isIntroduction(text) || isSentenceLike(text))) {
      this.role = { kind: 'introduced', line: block.line, text }
      if (isPriceIntroduction(text)) return index
      this.description(escapeMarkdown(text), block.line)
      return index
    }
    if (isHeadingLike(text) && next !== undefined) {
      this.role = { kind: 'introduced', line: block.line, text }
      this.description(markdownHeading(text), block.line)
      return index
    }
    if (this.isLede(text, next)) {
      ctx.setOnce('summary', text, block.line, text)
      ctx.infer(
        'summary',
        'a one-sentence paragraph before the overview, read as its lede',
        block.line,
      )
      return index
    }
    this.description(escapeMarkdown(text), block.line)
    return index
  }

  private isSubjectsLine(text: string): boolean {
    if (!text.includes(';')) return false
    const items = splitSubjects(text)
    return items.length >= 2 && items.every((s) => s.length <= 60 && isTitleLike(s))
  }

  private isLede(text: string, next: Block | undefined): boolean {
    const draft = this.ctx.draft
    if (draft.summary !== undefined || draft.description !== undefined) return false
    if (text.length > 400 || sentenceCount(text) !== 1 || !/[.!?]["”’)]?$/.test(text)) return false
    // Only a lede when an overview paragraph follows it.
    if (next?.kind !== 'text') return false
    const following = collapseSpaces(next.text)
    return (
      !isHeadingLike(following) &&
      !isIntroduction(following) &&
      !isContentsHeading(following) &&
      !isDetailsHeading(following) &&
      !(splitLabelled(next.text) && fieldOfLabel(splitLabelled(next.text)?.label ?? ''))
    )
  }

  /** "Contents" followed by lines without bullets: consecutive title-like lines, nested by indent. */
  private unbulletedContents(start: number, headingLine: number): number {
    const items: ListItem[] = []
    const stack: { indent: number; item: ListItem }[] = []
    let index = start
    for (; index < this.blocks.length; index++) {
      const block = this.blocks[index]
      if (block?.kind !== 'text') break
      const text = collapseSpaces(block.text)
      if (index > start && block.blankBefore > 0) break
      if (!isTitleLike(text) || isDetailsHeading(text)) break
      const item: ListItem = { text: block.text, line: block.line, children: [] }
      while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= block.indent) stack.pop()
      const parent = stack.at(-1)
      if (parent) parent.item.children.push(item)
      else items.push(item)
      stack.push({ indent: block.indent, item })
    }
    if (items.length === 0) return start - 1
    this.contents({ kind: 'list', line: items[0]?.line ?? headingLine, items, blankBefore: 0 })
    this.ctx.infer(
      'contents',
      `lines without bullets under the "Contents" heading (line ${headingLine})`,
      headingLine,
    )
    this.role = { kind: 'none' }
    return index - 1
  }

  /** "Key findings" followed by paragraphs: each paragraph up to the next heading is a finding. */
  private findingParagraphs(start: number): number {
    let index = start
    const found: TextBlock[] = []
    for (; index < this.blocks.length; index++) {
      const block = this.blocks[index]
      if (block?.kind !== 'text') break
      const text = collapseSpaces(block.text)
      if (isHeadingLike(text) || isIntroduction(text) || interfaceNoise(text)) break
      if (splitLabelled(block.text) && fieldOfLabel(splitLabelled(block.text)?.label ?? '')) break
      found.push(block)
    }
    if (found.length === 0) return start - 1
    for (const block of found) this.addFinding(collapseSpaces(block.text), block.line)
    this.ctx.infer(
      'keyFindings',
      'paragraphs under a findings heading, one finding each',
      found[0]?.line,
    )
    return index - 1
  }

  private addFinding(text: string, line: number): void {
    const findings = this.ctx.list('keyFindings')
    this.ctx.at(`keyFindings[${findings.length}]`, line)
    findings.push(text)
  }

  private list(block: ListBlock): void {
    const ctx = this.ctx
    const role = this.role
    this.role = { kind: 'none' }
    if (this.phase === 'front') this.phase = 'overview'
    if (block.flattened) {
      ctx.warn(
        block.flattened[0] as number,
        `a list nested deeper than ${MAX_LIST_DEPTH} levels: ${block.flattened.length} deeper item(s) kept at level ${MAX_LIST_DEPTH}`,
      )
    }

    if (this.phase === 'related') {
      for (const item of block.items) ctx.unplace(item.line, item.text, RELATED_WHY)
      return
    }
    if (role.kind === 'field') {
      for (const item of block.items) {
        const text = collapseSpaces(item.text)
        applyField(ctx, role.label, text, item.line, `${role.text} ${text}`)
      }
      return
    }
    if (role.kind === 'findings') {
      if (ctx.draft.keyFindings !== undefined) {
        ctx.warn(block.line, 'a second findings list: its items are added to the first')
      }
      this.findings(block.items)
      return
    }
    if (role.kind === 'contents') {
      this.contents(block)
      return
    }
    if (this.phase === 'after-contents') {
      for (const item of block.items)
        ctx.unplace(
          item.line,
          item.text,
          'a list after the table of contents, with no field to hold it',
        )
      return
    }
    if (allPrices(block.items)) {
      this.prices(block.items)
      ctx.infer('price', 'a list of amounts with a currency', block.line)
      return
    }
    if (role.kind === 'introduced') {
      if (isPriceIntroduction(role.text)) this.prices(block.items)
      else this.description(markdownList(block.items), block.line)
      return
    }
    const evidence = contentsEvidence(block.items)
    if (evidence) {
      this.contents(block)
      ctx.infer('contents', evidence, block.line)
      return
    }
    this.description(markdownList(block.items), block.line)
    ctx.infer(
      'description',
      `a list with no introduction (line ${block.line}) kept in the overview`,
      block.line,
    )
  }

  private findings(items: readonly ListItem[]): void {
    for (const item of items) {
      this.addFinding(collapseSpaces(item.text), item.line)
      if (item.children.length > 0) {
        this.ctx.warn(
          item.line,
          'key findings are a flat list: the nested items under this finding are added as findings of their own',
        )
        this.findings(item.children)
      }
    }
  }

  private contents(block: ListBlock): void {
    if (this.ctx.draft.contents !== undefined) {
      for (const item of block.items)
        this.ctx.unplace(item.line, item.text, 'a second table of contents')
      return
    }
    this.ctx.draft.contents = contentsEntries(this.ctx, block.items)
    this.ctx.at('contents', block.line)
    this.phase = 'after-contents'
  }

  private prices(items: readonly ListItem[]): void {
    for (const item of items) {
      const text = collapseSpaces(item.text)
      const read = readPrice(text)
      if (!read) {
        const why = /free/i.test(text)
          ? 'a free publication has no price in the model (price needs an amount and a currency)'
          : 'not a price: expected e.g. "US$25.00 (print)"'
        this.ctx.unplace(item.line, text, why)
      } else if (this.ctx.draft.price !== undefined) {
        this.ctx.unplace(item.line, text, 'the model holds one price; the first one listed is kept')
      } else {
        this.ctx.draft.price = read.price
        this.ctx.at('price', item.line)
        if (read.assumed) this.ctx.infer('price.currency', read.assumed, item.line)
      }
    }
  }

  private finish(): void {
    const { ctx } = this
    const draft = ctx.draft
    if (!this.sawMetadata) {
      ctx.warn(
        1,
        'no metadata: no "Date:"/"Type:" lines and no "<Type> | <Month YYYY>" header line',
      )
    }
    if (draft.title !== undefined && draft.subtitle !== undefined && this.subtitleFromLine) {
      // The page's subtitle line repeats the title's tail: the title ends before it, at
      // whichever separator the page used ("A: B — Subtitle" with "Subtitle" below).
      const tail = new RegExp(`\\s*(?::|[—–]|-{1,2})\\s+${escapeRegExp(draft.subtitle)}$`, 'i')
      const match = tail.exec(draft.title)
      if (match && match.index > 0) {
        draft.title = draft.title.slice(0, match.index).trim()
        ctx.infer(
          'title',
          'the title ends where the subtitle line below it begins',
          ctx.lines.get('title'),
        )
      }
    }
    if (draft.title !== undefined && draft.subtitle === undefined && !this.subtitleFromLine) {
      const split = splitTitle(draft.title)
      if (split) {
        const line = ctx.lines.get('title')
        draft.title = split.title
        draft.subtitle = split.subtitle
        if (line !== undefined) ctx.at('subtitle', line)
        ctx.infer('subtitle', `the title carries it after ${split.separator}`, line)
      }
    }
  }
}

/**
 * Reads a captured page into a draft report with notes: inferred fields, warnings, text it
 * could not place and interface text it dropped, all with page lines.
 *
 * @example
 * const ctx = readPage(readFileSync('beyond-factory-asia.txt', 'utf8'))
 * ctx.draft.keyFindings?.length // 8
 */
export function readPage(text: string): PageContext {
  return new PageReader(pageBlocks(pageLines(text))).read()
}
