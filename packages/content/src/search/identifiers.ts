// Identifier keys: one canonical string per identifier, whatever form it was written in, so
// that the exact lookup matches an ISBN-10, a hyphenated ISBN-13, a DOI URL or a stock
// number typed with or without its separators. The kind is a one-letter prefix.
import { normalizeDoi, normalizeIsbn, normalizeIssn } from 'colophon-schema'

export type IdentifierKind = 'isbn' | 'issn' | 'doi' | 'stock'

const PREFIX: Record<IdentifierKind, string> = { isbn: 'i:', issn: 's:', doi: 'd:', stock: 'n:' }

/**
 * The lookup key of an identifier of a known kind, or `undefined` when it is not valid.
 *
 * @example
 * identifierKey('isbn', '92-9254-047-5')        // 'i:9789292540470'
 * identifierKey('doi', 'https://doi.org/10.1/X') // 'd:10.1/x'
 * identifierKey('stock', 'RPT-000123')           // 'n:rpt000123'
 */
export function identifierKey(kind: IdentifierKind, value: string): string | undefined {
  switch (kind) {
    case 'isbn': {
      const isbn = normalizeIsbn(value.trim())
      return isbn && PREFIX.isbn + isbn
    }
    case 'issn': {
      const issn = normalizeIssn(value.trim())
      return issn && PREFIX.issn + issn.replace('-', '')
    }
    case 'doi': {
      const doi = normalizeDoi(value)
      return doi && PREFIX.doi + doi
    }
    case 'stock': {
      const compact = value
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^\p{L}\p{N}]+/gu, '')
      return compact ? PREFIX.stock + compact : undefined
    }
  }
}

/**
 * The key of an identifier-looking span of folded text (see the tokenizer): a DOI, an ISBN
 * (any form, "isbn" label allowed) or an ISSN, or `undefined` when its check digit fails.
 */
export function normalizeIdentifierToken(span: string): string | undefined {
  if (/(?:^|\/|:\s*)10\.\d/.test(span) && span.includes('/')) {
    return identifierKey('doi', span.replace(/[.,;:)\]}'"]+$/, ''))
  }
  const bare = span.replace(/^isbn(?:-1[03])?:?\s*/i, '')
  if (/^\d{4}-\d{3}[\dx]$/i.test(bare)) return identifierKey('issn', bare)
  if (/[ ]{2}/.test(bare)) return undefined
  return identifierKey('isbn', bare)
}
