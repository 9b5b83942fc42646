// What a page needs before it can be rendered on the server: which page a URL is, its status
// code, and the API data it shows, fetched through the same typed client the browser uses.
import { getHealth, getReport, getVocabularies, listReports } from '../api/client.ts'
import { ApiError, type Withdrawal, withdrawalOf } from '../api/problem.ts'
import type { CompiledReport, Health, ReportList, Vocabularies } from '../api/types.ts'
import { dataKey, InitialData } from '../lib/initial-data.ts'
import { readSearchState, toApiQuery } from '../lib/search-state.ts'
import type { Site } from '../lib/site.ts'
import { loadRelated } from '../pages/report.tsx'

export type PageData =
  | {
      page: 'catalogue'
      status: number
      list: ReportList | undefined
      q: string
      initial: InitialData
    }
  | { page: 'report'; status: 200; report: CompiledReport; initial: InitialData }
  | { page: 'about'; status: 200; health: Health; initial: InitialData }
  | { page: 'not-found'; status: 404; what?: string; initial: InitialData }
  | { page: 'withdrawn'; status: 410; withdrawal: Withdrawal; initial: InitialData }

export interface LoadOptions {
  /** Where the vocabularies come from (the web handler keeps them per content hash). */
  vocabularies?: () => Promise<Vocabularies>
}

const REPORT_PATH = /^\/reports\/([^/]+)$/

function params(url: URL): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of url.searchParams) out[key] ??= value
  return out
}

/**
 * Finds the page for a URL and fetches its data. Unknown paths and unknown reports are 404s,
 * withdrawn reports 410s (their tombstone page);
 * a catalogue query the API refuses (a page past the end, a malformed year) is rendered with
 * its message and the API's status, as the browser would show it.
 *
 * @example
 * const data = await loadPage(new URL('https://x.org/reports/beyond-factory-asia'), site)
 */
export async function loadPage(url: URL, site: Site, options: LoadOptions = {}): Promise<PageData> {
  const initial = new InitialData({ [dataKey.site]: site })
  const vocabularies = (options.vocabularies ?? getVocabularies)().then(
    (v: Vocabularies) => initial.set(dataKey.vocabularies, v),
    () => undefined,
  )
  const path = url.pathname
  try {
    if (path === '/') {
      const query = toApiQuery(readSearchState(params(url)))
      try {
        const list = await listReports(query)
        initial.set(dataKey.list(query), list)
        await vocabularies
        return { page: 'catalogue', status: 200, list, q: query.q ?? '', initial }
      } catch (error) {
        // The page shows what the API said, with its status; the browser does not ask again.
        if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500) throw error
        initial.set(dataKey.list(query), {
          refused: { status: error.status, message: error.message, problem: error.problem },
        })
        await vocabularies
        return {
          page: 'catalogue',
          status: error.status,
          list: undefined,
          q: query.q ?? '',
          initial,
        }
      }
    }
    const match = REPORT_PATH.exec(path)
    if (match?.[1]) {
      const slug = decodeURIComponent(match[1])
      let report: CompiledReport
      try {
        report = await getReport(slug)
      } catch (error) {
        if (error instanceof ApiError && (error.notFound || error.status === 400)) {
          // null: known not to exist, so the page renders its 404 without asking again.
          initial.set(dataKey.report(slug), null)
          await vocabularies
          return {
            page: 'not-found',
            status: 404,
            what: `There is no report “${slug}” in the catalogue.`,
            initial,
          }
        }
        const withdrawal = withdrawalOf(error)
        if (withdrawal) {
          // The page shows the tombstone; the browser does not ask again.
          initial.set(dataKey.report(slug), { gone: withdrawal })
          await vocabularies
          return { page: 'withdrawn', status: 410, withdrawal, initial }
        }
        throw error
      }
      initial.set(dataKey.report(slug), report)
      initial.set(dataKey.related(slug), await loadRelated(report.related ?? []))
      await vocabularies
      return { page: 'report', status: 200, report, initial }
    }
    if (path === '/about') {
      const health = await getHealth()
      initial.set(dataKey.health, health)
      await vocabularies
      return { page: 'about', status: 200, health, initial }
    }
  } catch (error) {
    await vocabularies
    throw error
  }
  await vocabularies
  return { page: 'not-found', status: 404, initial }
}
