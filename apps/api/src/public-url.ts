// The one public origin every absolute URL is built from (canonical links, citations, JSON-LD,
// sitemap, Atom, Location). It comes from configuration, never from the request's Host header:
// a forged Host must not reach a response, let alone a cached one.

/** Where the public URL can come from, in order: the app's option, then the catalogue's `baseUrl`. */
export type PublicUrlOption = string | ((env: Record<string, unknown>) => string | undefined)

/** `PUBLIC_URL` as a Workers variable or a Node environment variable overrides catalogue.yaml. */
export const PUBLIC_URL_VARIABLE = 'PUBLIC_URL'

/**
 * The configured public URL for a request's runtime bindings, without a trailing slash, or
 * undefined when the catalogue's own `baseUrl` applies.
 *
 * @example
 * resolvePublicUrl(undefined, { PUBLIC_URL: 'https://reports.example.org/' }) // 'https://reports.example.org'
 */
export function resolvePublicUrl(
  option: PublicUrlOption | undefined,
  env: Record<string, unknown>,
): string | undefined {
  const fromOption = typeof option === 'function' ? option(env) : option
  const fromEnv = env[PUBLIC_URL_VARIABLE]
  const value = fromOption ?? (typeof fromEnv === 'string' && fromEnv !== '' ? fromEnv : undefined)
  if (value === undefined) return undefined
  const url = new URL(value)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${PUBLIC_URL_VARIABLE} must be an http(s) URL, got ${value}`)
  }
  return url.href.replace(/\/+$/, '')
}
