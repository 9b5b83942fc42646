import { createHash } from 'node:crypto'

/** SHA-256 of a file's text (UTF-8), base64url without padding: 43 characters. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url')
}
