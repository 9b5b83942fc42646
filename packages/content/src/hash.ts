import { createHash } from 'node:crypto'

/** SHA-256 of a file's text (UTF-8) or bytes, base64url without padding: 43 characters. */
export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url')
}
