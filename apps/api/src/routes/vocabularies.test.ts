// The vocabularies as catalogue.yaml gives them: each entry's singular, plural and aliases,
// over the bundled catalogue's own source compiled afresh.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'colophon-content/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { FolderStore } from '../store/folder.ts'
import { responseValidator } from '../test-support/openapi.ts'

const SOURCE = fileURLToPath(new URL('../../../../packages/content/catalogue', import.meta.url))
let out: string
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'colophon-vocabularies-'))
  const result = await build({ dir: SOURCE, out: join(out, 'compiled') })
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  app = createApp({ store: new FolderStore(join(out, 'compiled')) })
})
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('GET /v1/vocabularies', () => {
  it("carries each entry's singular, plural and aliases, as documented", async () => {
    const body = await (await app.request('/v1/vocabularies')).json()
    const doc = await (await app.request('/openapi.json')).json()
    expect(responseValidator(doc)('/v1/vocabularies', 200, 'application/json', body)).toBe(true)
    const books = body.types.find((t: { key: string }) => t.key === 'books')
    expect(books).toMatchObject({
      label: 'Books',
      singular: 'Book',
      aliases: ['Monograph', 'Monographs'],
    })
    const one = await (await app.request('/v1/vocabularies/types')).json()
    expect(one.find((t: { key: string }) => t.key === 'guides')).toMatchObject({
      singular: 'Guide',
      aliases: ['Handbook', 'Handbooks', 'Manual', 'Manuals', 'Toolkit', 'Toolkits'],
    })
    // An entry without them has none (no nulls, no empty arrays).
    const working = body.types.find((t: { key: string }) => t.key === 'working-papers')
    expect(Object.keys(working).sort()).toEqual(['count', 'key', 'label'])
  })

  it('documents plural and aliases in the OpenAPI schema', async () => {
    const doc = await (await app.request('/openapi.json')).json()
    const props = doc.components.schemas.VocabularyCount.properties
    expect(Object.keys(props)).toEqual(expect.arrayContaining(['singular', 'plural', 'aliases']))
  })
})
