// The committed client types are the ones the API's OpenAPI document gives today.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { GENERATED_FILE, generatedModule } from './load-document.ts'

test('src/api.generated.ts is up to date (else: pnpm --filter colophon-client generate)', async () => {
  expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(await generatedModule())
})
