// A deterministic generator of realistic synthetic catalogues for tests and benchmarks:
// seeded, so the same count and seed always give the same files. Its output is not
// committed; `generateCatalogue` writes it where a test or benchmark wants it.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Author, CatalogueSettings, ContentsEntry, ReportInput } from 'colophon-schema'
import { slugify } from 'colophon-schema'
import { dump } from 'js-yaml'
import { stringify } from 'yaml'
import { CATALOGUE_FILE, REPORTS_DIR } from './catalogue-file.ts'

/** mulberry32: small, fast, and good enough for test data. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const chance = (p: number) => next() < p
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const count = Math.min(items.length, int(min, max))
    const chosen = new Set<T>()
    while (chosen.size < count) chosen.add(pick(items))
    return [...chosen]
  }
  return { next, int, pick, chance, some }
}
type Random = ReturnType<typeof random>

const SUBJECTS = [
  'Growth',
  'Trade',
  'Energy',
  'Water',
  'Health',
  'Education',
  'Finance',
  'Transport',
  'Agriculture',
  'Climate Resilience',
  'Urban Development',
  'Digital Services',
  'Labor Markets',
  'Infrastructure',
  'Gender Equality',
  'Public Debt',
  'Tourism',
  'Manufacturing',
  'Social Protection',
  'Food Security',
] as const
const PLACES = [
  'Asia',
  'the Pacific',
  'South Asia',
  'Central Asia',
  'Southeast Asia',
  'the Mekong Region',
  'Small Island States',
  'East Asia',
  'Developing Economies',
  'the Region',
] as const
const FRAMES = [
  'Beyond',
  'Rethinking',
  'Financing',
  'Measuring',
  'Scaling Up',
  'Strengthening',
  'Reforming',
  'Investing in',
  'Managing',
  'Building',
] as const
const TAILS = [
  'Lessons from a Decade of Reform',
  'Policy Options for Inclusive Growth',
  'A Review of the Evidence',
  'Challenges and Opportunities',
  'Toward a Sustainable Future',
  'An Assessment',
  'Country Experiences',
  'Fuelling Growth in a Changing World',
] as const
const WORDS =
  'growth policy reform investment regional economies markets productivity trade supply chains institutions governance finance households poverty inclusive sustainable resilience climate energy transition infrastructure services manufacturing workers wages skills technology digital innovation cooperation integration capital credit banks small enterprises women youth cities rural agriculture water health education outcomes evidence survey data analysis estimates recovery crisis shocks prices exports imports demand'.split(
    ' ',
  )
const GIVEN = [
  'Ana',
  'Bao',
  'Chen',
  'Dilnoza',
  'Emeka',
  'Farida',
  'Gita',
  'Hiroshi',
  'Ikaika',
  'Jae-won',
  'Kamal',
  'Lina',
  'Maria',
  'Nguyen',
  'Omar',
  'Priya',
  'Rahul',
  'Siti',
  'Tomasz',
  'Yuki',
] as const
const FAMILY = [
  'Abdullah',
  'Banerjee',
  'Cruz',
  'Dela Cruz',
  'Estrada',
  'Fujita',
  'Gonzales',
  'Haque',
  'Ismailov',
  'Jung',
  'Khan',
  'Lim',
  'Mendoza',
  'Nakamura',
  'Okafor',
  'Park',
  'Rahman',
  'Santos',
  'Tan',
  'Wijaya',
] as const
const ORGS = [
  'Asian Development Bank',
  'Asian Development Bank Institute',
  'Economic Research and Regional Cooperation Department',
  'Sustainable Development and Climate Change Department',
  'Independent Evaluation Department',
] as const
const COUNTRIES = [
  'AF',
  'BD',
  'BT',
  'KH',
  'CN',
  'FJ',
  'IN',
  'ID',
  'KZ',
  'KG',
  'LA',
  'MY',
  'MV',
  'MN',
  'MM',
  'NP',
  'PK',
  'PG',
  'PH',
  'LK',
  'TH',
  'TL',
  'TO',
  'UZ',
  'VN',
  'WS',
  'TJ',
  'TM',
  'GE',
  'AZ',
] as const
const TYPES = [
  'reports',
  'books',
  'papers-and-briefs',
  'working-papers',
  'guides',
  'annual-reports',
  'evaluation-reports',
  'institutional-documents',
  'conference-proceedings',
  'brochures-and-flyers',
] as const

function titleCase(key: string): string {
  return key
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}

/** Settings with the real catalogue's types and generated series and topics. */
export function syntheticSettings(): CatalogueSettings {
  const vocabulary = (keys: readonly string[]) =>
    Object.fromEntries(keys.map((key) => [key, { label: titleCase(key) }]))
  return {
    schemaVersion: 1,
    name: 'Synthetic catalogue',
    baseUrl: 'https://colophon.example.org',
    defaultPublisher: 'Asian Development Bank',
    language: 'en',
    vocabularies: {
      types: vocabulary(TYPES),
      series: vocabulary(SUBJECTS.slice(0, 12).map((s) => `${slugify(s)}-series`)),
      topics: vocabulary(SUBJECTS.map((s) => slugify(s))),
    },
  }
}

function sentence(r: Random, min = 8, max = 24): string {
  const words = Array.from({ length: r.int(min, max) }, () => r.pick(WORDS))
  const text = words.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

function paragraph(r: Random): string {
  const sentences = Array.from({ length: r.int(2, 6) }, () => sentence(r))
  if (r.chance(0.2))
    sentences.push(`See [the data portal](https://data.example.org/${r.int(1, 9999)}).`)
  if (r.chance(0.2)) sentences[0] = `**${sentences[0]}**`
  return sentences.join(' ')
}

function description(r: Random): string {
  const blocks = Array.from({ length: r.int(1, 5) }, () => paragraph(r))
  if (r.chance(0.25))
    blocks.push(Array.from({ length: r.int(2, 5) }, () => `- ${sentence(r, 4, 10)}`).join('\n'))
  return blocks.join('\n\n')
}

function contents(r: Random, depth: number): ContentsEntry[] {
  return Array.from({ length: depth === 0 ? r.int(3, 14) : r.int(1, 5) }, (_, i) => {
    const entry: ContentsEntry = { title: `${i + 1}. ${titleCase(slugify(sentence(r, 2, 6)))}` }
    if (r.chance(0.4)) entry.page = r.int(1, 300)
    if (depth < 2 && r.chance(depth === 0 ? 0.3 : 0.1)) entry.children = contents(r, depth + 1)
    return entry
  })
}

function isbn13(n: number): string {
  const first12 = `97899${String(n).padStart(7, '0')}`
  let sum = 0
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(first12[i])
  const check = (10 - (sum % 10)) % 10
  return `${first12.slice(0, 3)}-${first12.slice(3, 5)}-${first12.slice(5, 9)}-${first12.slice(9)}-${check}`
}

function author(r: Random): Author {
  if (r.chance(0.2)) return { name: r.pick(ORGS) }
  return r.chance(0.9)
    ? { family: r.pick(FAMILY), given: r.pick(GIVEN) }
    : { family: r.pick(FAMILY) }
}

/**
 * `count` synthetic reports (slug, report) from `seed`: varied lengths, nested contents,
 * several ISBNs, authors, topics, countries, related links to earlier reports.
 */
export function generateReports(count: number, seed = 1): { slug: string; report: ReportInput }[] {
  const r = random(seed)
  const settings = syntheticSettings()
  const series = Object.keys(settings.vocabularies.series ?? {})
  const topics = Object.keys(settings.vocabularies.topics ?? {})
  const out: { slug: string; report: ReportInput }[] = []
  let isbnCounter = seed * 7919
  for (let i = 0; i < count; i++) {
    const title = `${r.pick(FRAMES)} ${r.pick(SUBJECTS)} in ${r.pick(PLACES)}${r.chance(0.6) ? `: ${r.pick(TAILS)}` : ''}`
    const slug = `${slugify(title, 70)}-${i + 1}`
    const year = r.int(1995, 2025)
    const month = String(r.int(1, 12)).padStart(2, '0')
    const day = String(r.int(1, 28)).padStart(2, '0')
    const precision = r.next()
    const report: ReportInput = {
      slug,
      title,
      published:
        precision < 0.2
          ? String(year)
          : precision < 0.8
            ? `${year}-${month}`
            : `${year}-${month}-${day}`,
      type: r.pick(TYPES),
    }
    if (r.chance(0.4)) report.subtitle = sentence(r, 3, 9).replace(/\.$/, '')
    if (r.chance(0.3))
      report.series = {
        key: r.pick(series),
        ...(r.chance(0.7) ? { number: String(r.int(1, 120)) } : {}),
      }
    if (r.chance(0.05)) report.edition = r.int(2, 4)
    if (r.chance(0.85)) report.authors = Array.from({ length: r.int(1, 6) }, () => author(r))
    if (r.chance(0.75)) {
      const forms = r.some(['print', 'web', 'pdf', 'ebook'] as const, 1, 3)
      report.identifiers = { isbn: forms.map((form) => ({ value: isbn13(isbnCounter++), form })) }
      if (r.chance(0.3)) report.identifiers.doi = `10.22617/SYN${seed}-${i + 1}`
      if (r.chance(0.3)) report.identifiers.stockNumber = `RPT${String(i + 1).padStart(6, '0')}`
    }
    if (r.chance(0.5)) report.summary = sentence(r, 10, 30)
    report.description = description(r)
    if (r.chance(0.6))
      report.keyFindings = Array.from(
        { length: r.int(2, 10) },
        (_, k) => `${sentence(r, 8, 30)} (${k + 1})`,
      )
    if (r.chance(0.8)) report.contents = contents(r, 0)
    if (r.chance(0.8)) report.topics = r.some(topics, 1, 4)
    if (r.chance(0.6)) report.countries = r.some(COUNTRIES, 1, 5)
    if (r.chance(0.1)) report.language = r.pick(['fr', 'es', 'zh', 'ru', 'id'])
    if (r.chance(0.5)) {
      report.files = [
        {
          url: `https://files.example.org/${slug}.pdf`,
          mediaType: 'application/pdf',
          size: r.int(200_000, 20_000_000),
        },
      ]
    }
    if (r.chance(0.6)) report.pages = r.int(8, 420)
    if (r.chance(0.1)) report.license = 'CC-BY-3.0-IGO'
    if (i > 0 && r.chance(0.2)) {
      report.related = [
        ...new Set(Array.from({ length: r.int(1, 3) }, () => out[r.int(0, i - 1)]?.slug as string)),
      ]
    }
    if (i > 0 && r.chance(0.03)) report.supersedes = out[r.int(0, i - 1)]?.slug
    out.push({ slug, report })
  }
  return out
}

/**
 * The same file `serializeReportFile` writes, by js-yaml's faster dumper: generating 100,000
 * reports for a benchmark should not take longer than compiling them.
 */
function reportFileText(report: ReportInput): string {
  const { slug: _slug, description, ...fields } = report
  const yaml = dump(fields, { lineWidth: -1, noRefs: true })
  return `---\n${yaml}---\n${description ? `\n${description}\n` : ''}`
}

export interface GenerateOptions {
  count: number
  /** Default 1. */
  seed?: number
}

/**
 * Writes a synthetic catalogue (catalogue.yaml and reports/<slug>.md) into `dir`.
 *
 * @example
 * await generateCatalogue('/tmp/catalogue-10k', { count: 10_000, seed: 42 })
 */
export async function generateCatalogue(dir: string, options: GenerateOptions): Promise<void> {
  const reportsDir = join(dir, REPORTS_DIR)
  await mkdir(reportsDir, { recursive: true })
  await writeFile(join(dir, CATALOGUE_FILE), stringify(syntheticSettings()))
  const reports = generateReports(options.count, options.seed ?? 1)
  for (let i = 0; i < reports.length; i += 256) {
    await Promise.all(
      reports
        .slice(i, i + 256)
        .map(({ slug, report }) =>
          writeFile(join(reportsDir, `${slug}.md`), reportFileText(report)),
        ),
    )
  }
}
