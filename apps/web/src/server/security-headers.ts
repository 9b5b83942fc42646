// Headers of every HTML page, on Node and on Workers alike. The CSP allows no inline script
// but the ones listed by hash (Solid's hydration bootstrap), and no inline style but the
// stylesheet listed by hash (the app's own, inlined); the page's data travels in a
// `type="application/json"` block, which browsers never execute, so it needs no hash.

/** The SHA-256 CSP source of an inline script's or style's text: `'sha256-…'`. */
export async function scriptHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  let binary = ''
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte)
  return `'sha256-${btoa(binary)}'`
}

/**
 * The Content-Security-Policy of a page.
 *
 * @example
 * contentSecurityPolicy(["'sha256-abc='"], []) // "default-src 'self'; script-src 'self' 'sha256-abc='; …"
 */
export function contentSecurityPolicy(
  scriptHashes: readonly string[],
  apiOrigins: readonly string[],
  styleHashes: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    `style-src 'self' ${styleHashes.join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${apiOrigins.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The headers besides the CSP. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
}
