// A deterministic generator of realistic synthetic catalogues for tests and benchmarks
// (`colophon generate`): seeded, so the same count and seed always give the same files.
// Text is drawn from a Zipf distribution over real English words (generate-text.ts);
// authors from a roster where a few write much (generate-names.ts); identifiers carry valid
// check digits. Its output is not committed; `generateCatalogue` writes it where wanted.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CatalogueSettings, ContentsEntry, ReportInput } from 'colophon-schema'
import { isbn13To10, slugify } from 'colophon-schema'
import { dump } from 'js-yaml'
import { stringify } from 'yaml'
import { CATALOGUE_FILE, REPORTS_DIR } from './catalogue-file.ts'
import { authorSource } from './generate-names.ts'
import { type Random, random, textSource } from './generate-text.ts'

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
  'Disaster Risk',
  'Capital Markets',
  'Migration',
  'Governance',
  'Regional Cooperation',
  'Poverty',
  'Private Sector',
  'Air Quality',
  'Oceans',
  'Forestry',
  'Public Procurement',
  'Taxation',
  'Remittances',
  'Fisheries',
  'Logistics',
  'Housing',
  'Pensions',
  'Early Childhood',
  'Skills',
  'Innovation',
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
  'Bangladesh',
  'Indonesia',
  'the Philippines',
  'Viet Nam',
  'Pakistan',
  'Mongolia',
  'Fiji',
  'Sri Lanka',
  'Cambodia',
  'Uzbekistan',
  'Nepal',
  'Papua New Guinea',
  'Kazakhstan',
  'Thailand',
  'India',
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
  'Understanding',
  'Closing the Gap in',
  'The Future of',
  'Mapping',
  'Unlocking',
  'Assessing',
] as const
const TAILS = [
  'Lessons from a Decade of Reform',
  'Policy Options for Inclusive Growth',
  'A Review of the Evidence',
  'Challenges and Opportunities',
  'Toward a Sustainable Future',
  'An Assessment',
  'Country Experiences',
  'A Practical Guide',
  'Key Indicators',
  'Annual Report',
  'Evidence from Household Surveys',
  'A Diagnostic Study',
] as const
const COUNTRIES = (
  'AF AM AZ BD BT BN KH CN CK FJ GE HK IN ID JP KZ KI KR KG LA MY MV MH FM MN MM NR NP NZ ' +
  'PK PW PG PH WS SG SB LK TW TJ TH TL TO TM TV UZ VU VN'
).split(' ') as NonNullable<ReportInput['countries']>
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
/** Stock number prefixes by type, as a publisher's warehouse codes them. */
const STOCK_PREFIX: Record<(typeof TYPES)[number], string> = {
  reports: 'RPT',
  books: 'BKK',
  'papers-and-briefs': 'BRF',
  'working-papers': 'WPS',
  guides: 'TIM',
  'annual-reports': 'ARM',
  'evaluation-reports': 'EVR',
  'institutional-documents': 'INS',
  'conference-proceedings': 'CNF',
  'brochures-and-flyers': 'FLY',
}
const SERIES = [
  'ADB Economics Working Paper Series',
  'ADB Briefs',
  'Asian Development Outlook',
  'Key Indicators for Asia and the Pacific',
  'Sustainable Development Working Paper Series',
  'Governance Brief',
  'Evaluation Knowledge Brief',
  'ADBI Working Paper Series',
  'Pacific Economic Monitor',
  'Asia Bond Monitor',
  'Asian Economic Integration Report',
  'Climate Change Series',
  'Urban Development Series',
  'Gender Equality Series',
  'Statistical Report Series',
  'Energy Sector Review',
  'Water Financing Series',
  'Transport Knowledge Notes',
  'Health Policy Papers',
  'Education Sector Notes',
] as const

function titleCase(key: string): string {
  return key
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}

function issnCheck(first7: string): string {
  let sum = 0
  for (let i = 0; i < 7; i++) sum += (8 - i) * Number(first7[i])
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'X' : String(check)
}

/** A valid ISSN for the i-th series. */
function seriesIssn(i: number): string {
  const first7 = String(2_071_000 + i * 37).padStart(7, '0')
  return `${first7.slice(0, 4)}-${first7.slice(4)}${issnCheck(first7)}`
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
      series: Object.fromEntries(SERIES.map((label) => [slugify(label), { label }])),
      topics: Object.fromEntries(SUBJECTS.map((label) => [slugify(label), { label }])),
    },
  }
}

type Text = ReturnType<typeof textSource>

function paragraph(r: Random, t: Text): string {
  const sentences = Array.from({ length: r.int(2, 6) }, () => t.sentence())
  if (r.chance(0.2))
    sentences.push(`See [the data portal](https://data.example.org/${r.int(1, 9999)}).`)
  if (r.chance(0.2)) sentences[0] = `**${sentences[0]}**`
  return sentences.join(' ')
}

function description(r: Random, t: Text): string {
  const blocks = Array.from({ length: r.int(1, 5) }, () => paragraph(r, t))
  if (r.chance(0.25))
    blocks.push(Array.from({ length: r.int(2, 5) }, () => `- ${t.sentence(4, 10)}`).join('\n'))
  return blocks.join('\n\n')
}

function contents(r: Random, t: Text, depth: number): ContentsEntry[] {
  return Array.from({ length: depth === 0 ? r.int(3, 14) : r.int(1, 5) }, (_, i) => {
    const entry: ContentsEntry = { title: `${i + 1}. ${t.phrase(1, 4)}` }
    if (r.chance(0.4)) entry.page = r.int(1, 300)
    if (depth < 2 && r.chance(depth === 0 ? 0.3 : 0.1)) entry.children = contents(r, t, depth + 1)
    return entry
  })
}

/** The n-th ISBN-13 of a generated catalogue (registrant groups 92-9 and 971, valid check digit). */
function isbn13(n: number): string {
  const group = n % 5 === 0 ? '971' : '929'
  const body = String(n % 1_000_000).padStart(6, '0')
  const first12 = `978${group}${body}`
  let sum = 0
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(first12[i])
  const check = (10 - (sum % 10)) % 10
  return `978-${group.slice(0, 2)}-${group.slice(2)}${body.slice(0, 3)}-${body.slice(3)}-${check}`
}

/**
 * `count` synthetic reports (slug, report) from `seed`: Zipf-distributed English text of
 * varied length, nested contents, ISBNs (some in 10-digit form), ISSNs of series, DOIs and
 * stock numbers, authors, topics, countries, related links to earlier reports.
 */
export function generateReports(count: number, seed = 1): { slug: string; report: ReportInput }[] {
  const r = random(seed)
  const t = textSource(r)
  const nextAuthor = authorSource(r)
  const settings = syntheticSettings()
  const series = Object.keys(settings.vocabularies.series ?? {})
  const topics = Object.keys(settings.vocabularies.topics ?? {})
  const out: { slug: string; report: ReportInput }[] = []
  let isbnCounter = (seed * 7919) % 900_000
  for (let i = 0; i < count; i++) {
    const subject = r.pick(SUBJECTS)
    const head = r.chance(0.5)
      ? `${r.pick(FRAMES)} ${subject} in ${r.pick(PLACES)}`
      : `${t.phrase(1, 2)} ${subject}${r.chance(0.5) ? ` in ${r.pick(PLACES)}` : ''}`
    const title = `${head}${r.chance(0.6) ? `: ${r.chance(0.5) ? r.pick(TAILS) : t.phrase(2, 4)}` : ''}`
    const slug = `${slugify(title, 70)}-${i + 1}`
    const year = r.int(1995, 2025)
    const month = String(r.int(1, 12)).padStart(2, '0')
    const day = String(r.int(1, 28)).padStart(2, '0')
    const precision = r.next()
    const type = r.pick(TYPES)
    const report: ReportInput = {
      slug,
      title,
      published:
        precision < 0.2
          ? String(year)
          : precision < 0.8
            ? `${year}-${month}`
            : `${year}-${month}-${day}`,
      type,
    }
    if (r.chance(0.4)) report.subtitle = t.sentence(3, 9).replace(/\.$/, '')
    let seriesIndex = -1
    if (r.chance(0.3)) {
      seriesIndex = r.int(0, series.length - 1)
      report.series = {
        key: series[seriesIndex] as string,
        ...(r.chance(0.7) ? { number: String(r.int(1, 120)) } : {}),
      }
    }
    if (r.chance(0.05)) report.edition = r.int(2, 4)
    if (r.chance(0.85)) report.authors = Array.from({ length: r.int(1, 6) }, nextAuthor)
    if (r.chance(0.75)) {
      const forms = r.some(['print', 'web', 'pdf', 'ebook'] as const, 1, 3)
      report.identifiers = {
        isbn: forms.map((form) => {
          const isbn = isbn13(isbnCounter++)
          // Older records carry the 10-digit form.
          const ten = year < 2007 && r.chance(0.5) ? isbn13To10(isbn) : undefined
          return { value: ten ?? isbn, form }
        }),
      }
      const stock = `${STOCK_PREFIX[type]}${String(year).slice(2)}${String(i + 1).padStart(4, '0')}${r.chance(0.3) ? `-${r.int(2, 3)}` : ''}`
      if (r.chance(0.4)) report.identifiers.stockNumber = stock
      if (r.chance(0.3)) report.identifiers.doi = `10.22617/${stock.replace('-', '')}-${seed}`
      if (seriesIndex >= 0 && r.chance(0.6))
        report.identifiers.issn = [{ value: seriesIssn(seriesIndex), form: 'print' }]
    }
    if (r.chance(0.5)) report.summary = t.sentence(10, 30)
    report.description = description(r, t)
    if (r.chance(0.6))
      report.keyFindings = Array.from({ length: r.int(2, 10) }, () => t.sentence(8, 30))
    if (r.chance(0.8)) report.contents = contents(r, t, 0)
    if (r.chance(0.8)) report.topics = [...new Set([slugify(subject), ...r.some(topics, 0, 3)])]
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
