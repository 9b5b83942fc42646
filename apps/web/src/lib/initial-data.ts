// What the server fetched for the first page, handed to the client so that hydration renders
// the same tree at once and fetches nothing again. The server fills one store per request and
// serializes it into the page as a JSON data block (not a script, so the CSP needs no hash for
// it); the client reads it back once. Each entry is taken once: after the first page, a
// component asking for the same key (a later visit to that page) fetches fresh data.
import { createContext, useContext } from 'solid-js'
import { isServer } from 'solid-js/web'

/** The id of the `<script type="application/json">` that carries the data. */
export const INITIAL_DATA_ID = 'colophon-data'

export class InitialData {
  readonly #entries: Map<string, unknown>

  constructor(entries: Record<string, unknown> = {}) {
    this.#entries = new Map(Object.entries(entries))
  }

  set(key: string, value: unknown): void {
    this.#entries.set(key, value)
  }

  has(key: string): boolean {
    return this.#entries.has(key)
  }

  /** The value for a key, kept (for data that lasts the visit, like vocabularies). */
  peek<T>(key: string): T | undefined {
    return this.#entries.get(key) as T | undefined
  }

  /** The value for a key; in the browser it is forgotten once read. */
  take<T>(key: string): T | undefined {
    const value = this.#entries.get(key) as T | undefined
    if (!isServer) this.#entries.delete(key)
    return value
  }

  /** JSON safe inside an HTML `<script>` element (no `</script>`, no `<!--`). */
  serialize(): string {
    return JSON.stringify(Object.fromEntries(this.#entries)).replace(/</g, '\\u003c')
  }

  /** The store the server wrote into the page, or an empty one. */
  static fromDocument(doc: Document): InitialData {
    const text = doc.getElementById(INITIAL_DATA_ID)?.textContent
    return new InitialData(text ? (JSON.parse(text) as Record<string, unknown>) : {})
  }
}

const InitialDataContext = createContext(new InitialData())

export const InitialDataProvider = InitialDataContext.Provider

export function useInitialData(): InitialData {
  return useContext(InitialDataContext)
}

/** The keys pages and the server agree on. */
export const dataKey = {
  list: (query: Record<string, string>) => `list ${new URLSearchParams(query).toString()}`,
  report: (slug: string) => `report ${slug}`,
  related: (slug: string) => `related ${slug}`,
  vocabularies: 'vocabularies',
  health: 'health',
  site: 'site',
}

/**
 * Options for `createResource` that start from the server's data when there is some: the
 * resource is ready at once, and hydration uses it instead of calling the fetcher.
 *
 * @example
 * createResource(source, fetcher, initialFrom(useInitialData(), dataKey.report(slug)))
 */
export function initialFrom<T>(
  data: InitialData,
  key: string,
): { initialValue: T; ssrLoadFrom: 'initial' } | Record<string, never> {
  if (!data.has(key)) return {}
  return { initialValue: data.take<T>(key) as T, ssrLoadFrom: 'initial' }
}
