// Author lines, family name first: "Tanaka, Hiroshi; Mendoza, Ana", "Tanaka, Hiroshi and
// Mendoza, Ana", or an organization ("Regional Policy Institute").
import type { Person } from 'colophon-schema'
import type { PageContext } from './context.ts'
import { collapseSpaces } from './text.ts'

function person(part: string): Person | undefined {
  const [family, ...given] = part.split(',').map(collapseSpaces)
  if (!family || given.length !== 1 || !given[0]) return undefined
  return { family, given: given[0] }
}

// "A, B; C, D" → ["A, B", "C, D"]; "A, B and C, D" → the same; "A, B, C, D" → pairs.
function splitNames(value: string): string[] {
  if (value.includes(';')) return value.split(';').map(collapseSpaces).filter(Boolean)
  const byAnd = value.split(/,?\s+(?:and|&)\s+/).map(collapseSpaces)
  if (byAnd.length > 1 && byAnd.every((p) => p.includes(','))) return byAnd.flatMap(splitNames)
  const commas = value.split(',').map(collapseSpaces)
  if (commas.length > 2 && commas.length % 2 === 0) {
    const pairs: string[] = []
    for (let i = 0; i < commas.length; i += 2) pairs.push(`${commas[i]}, ${commas[i + 1]}`)
    return pairs
  }
  return [collapseSpaces(value)]
}

/**
 * Reads an author line into the draft: "Family, Given" pairs become persons; a name without
 * a comma becomes an organization, listed as inferred (the page does not say which it is).
 */
export function addAuthors(ctx: PageContext, value: string, line: number): void {
  for (const part of splitNames(value)) {
    const authors = ctx.list('authors')
    const index = authors.length
    const found = person(part)
    if (found) authors.push(found)
    else if (part.split(',').length > 2) {
      ctx.unplace(line, part, 'expected "Family, Given" (family name first)')
      continue
    } else {
      authors.push({ name: part.replace(/,\s*$/, '') })
      ctx.infer(
        `authors[${index}]`,
        `"${part}" has no "Family, Given" comma; read as an organization`,
        line,
      )
    }
    ctx.at(`authors[${index}]`, line)
  }
}
