// The facts of the reference report, read from the plain-text capture of its public page
// (seeds/ at the repository root), so the test checks the page against the source.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { WEB_DIR } from './support.ts'

export const SEED_PATH = join(WEB_DIR, '..', '..', 'seeds', 'beyond-factory-asia.txt')

export interface SeedFacts {
  title: string
  date: string
  type: string
  isbns: string[]
  subtitle: string
  overview: string[]
  findings: string[]
  contents: string[]
}

export function readSeed(path = SEED_PATH): SeedFacts {
  if (!existsSync(path)) throw new Error(`the reference report is missing: ${path}`)
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
  const field = (name: string) => {
    const line = lines.find((l) => l.startsWith(`${name}:`))
    if (!line) throw new Error(`seed has no "${name}:" line`)
    return line.slice(name.length + 1).trim()
  }
  const title = lines[0] ?? ''
  const isbnLine = lines.findIndex((l) => l.startsWith('ISBN:'))
  const body = lines.slice(isbnLine + 1)
  const paragraphs = body.filter((l) => l !== '' && !l.startsWith('•'))
  const findingsAt = body.findIndex((l) => /findings include:$/.test(l))
  const bullets = (from: number, to = body.length) =>
    body
      .slice(from, to)
      .filter((l) => l.startsWith('•'))
      .map((l) => l.replace(/^•\s*/, ''))
  // Findings: the bullets right after the lead-in; contents: the next run of bullets.
  const firstRunEnd = body.findIndex(
    (l, i) => i > findingsAt + 1 && l === '' && body[i - 1]?.startsWith('•'),
  )
  return {
    title,
    date: field('Date'),
    type: field('Type'),
    isbns: field('ISBN').split(/,\s*/),
    subtitle: paragraphs[0] ?? '',
    overview: paragraphs.slice(1, 3),
    findings: bullets(findingsAt + 1, firstRunEnd),
    contents: bullets(firstRunEnd),
  }
}
