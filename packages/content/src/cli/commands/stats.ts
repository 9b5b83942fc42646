import type { CompiledReport } from 'colophon-schema'
import { compile } from '../../build.ts'
import { countVocabularies } from '../../emit.ts'
import { type Command, catalogueOptions } from '../command.ts'
import { catalogueLocations } from '../paths.ts'
import { plural, printProblems } from '../report.ts'

function table(rows: readonly (readonly (string | number)[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length))) ?? []
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          typeof cell === 'number'
            ? String(cell.toLocaleString('en-US')).padStart(widths[i] ?? 0)
            : cell.padEnd(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

export const statsCommand: Command = {
  name: 'stats',
  summary: 'count the catalogue: reports by type, series, topic, year; identifiers; output size',
  usage: '[--dir <catalogue folder> (catalogue)] [--format human|json]',
  options: { dir: catalogueOptions.dir, format: catalogueOptions.format },
  async run(context) {
    const { dir } = catalogueLocations(context)
    const result = await compile({ dir, displayPath: (f) => f, entry: false })
    if (!result.ok || !result.output) {
      printProblems({ ...context, values: { ...context.values, format: 'human' } }, result, dir)
      return 1
    }
    const { files } = result.output
    const settings = JSON.parse((files.get('catalogue.json') as string | undefined) ?? '{}')
    const reports = [...files]
      .filter(([name]) => name.startsWith('reports/'))
      .map(([, text]) => JSON.parse(text as string) as CompiledReport)
    const counts = countVocabularies(settings, reports)
    const isbns = reports.reduce((n, r) => n + (r.identifiers?.isbn?.length ?? 0), 0)
    const dois = reports.filter((r) => r.identifiers?.doi).length
    const persons = new Set(
      reports.flatMap((r) =>
        (r.authors ?? []).map((a) => ('name' in a ? a.name : `${a.family}, ${a.given ?? ''}`)),
      ),
    )
    let bytes = 0
    for (const text of files.values())
      bytes += typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength
    const stats = {
      reports: reports.length,
      types: counts.types.map(({ key, count }) => ({ key, count })),
      series: counts.series.map(({ key, count }) => ({ key, count })),
      topics: counts.topics.map(({ key, count }) => ({ key, count })),
      countries: counts.countries.length,
      languages: counts.languages,
      years: counts.years.length
        ? { from: counts.years.at(-1)?.year, to: counts.years[0]?.year }
        : null,
      isbns,
      dois,
      authors: persons.size,
      outputBytes: bytes,
      contentHash: result.output.manifest.contentHash,
    }
    if (context.values.format === 'json') {
      context.stdout.write(`${JSON.stringify(stats, null, 2)}\n`)
      return 0
    }
    const section = (title: string, rows: { key: string; count: number }[]) =>
      rows.length ? `\n${title}\n${table(rows.map((r) => [`  ${r.key}`, r.count]))}\n` : ''
    context.stdout.write(
      [
        `${plural(stats.reports, 'report')}${stats.years ? `, published ${stats.years.from}–${stats.years.to}` : ''}`,
        `${plural(isbns, 'ISBN')}, ${plural(dois, 'DOI')}, ${plural(stats.authors, 'distinct author')}, ${plural(stats.countries, 'country')}`.replace(
          'countrys',
          'countries',
        ),
        `languages: ${stats.languages.map((l) => `${l.code} ${l.count}`).join(', ')}`,
        `compiled output: ${(bytes / 1024).toFixed(1)} KiB in ${plural(files.size, 'file')}, content hash ${stats.contentHash}`,
      ].join('\n') +
        '\n' +
        section('by type', stats.types) +
        section('by series', stats.series) +
        section('by topic', stats.topics),
    )
    return 0
  },
}
