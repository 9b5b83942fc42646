// Strong validators for rendered pages. A page's ETag only has to change when its bytes do
// (it is compared for equality, never trusted for integrity), so a fast non-cryptographic
// 64-bit hash, synchronous and with no encoding step, does the job of SHA-256 at a fraction
// of the cost.

/**
 * Two 32-bit multiplicative hashes of the UTF-16 code units (cyrb53's mixing, kept to 64
 * bits), as 16 hex digits.
 *
 * @example
 * hash64('<!doctype html>…') // '9f1c…' (16 hex digits)
 */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ unit, 2654435761)
    h2 = Math.imul(h2 ^ unit, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0')
}

/** The page's strong ETag, quoted, from its bytes. */
export function pageEtag(body: string): string {
  return `"${hash64(body)}"`
}
