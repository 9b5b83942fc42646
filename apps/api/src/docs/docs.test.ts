// /docs and its files: the page names only this origin's paths, the files come with their
// content types and caching, and the pinned Swagger UI is the installed one.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { FolderStore } from '../store/folder.ts'
import { buildFixture } from '../test-support/fixture.ts'
import { DOCS_ASSETS, docsAssetUrl, SWAGGER_UI_VERSION } from './assets.ts'
import { docsAssetFile, readDocsAsset } from './read-docs-asset.ts'

let withFiles: ReturnType<typeof createApp>
let withoutFiles: ReturnType<typeof createApp>

beforeAll(async () => {
  const fixture = await buildFixture()
  const store = new FolderStore(fixture.out)
  withFiles = createApp({ store, docsAssets: readDocsAsset })
  withoutFiles = createApp({ store })
  return () => fixture.cleanup()
})

describe('/docs', () => {
  it('loads scripts, styles and images from its own paths only', async () => {
    const res = await withFiles.request('/docs')
    const html = await res.text()
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])
    expect(urls.length).toBe(4)
    for (const url of urls) expect(url).toMatch(/^\/docs\/assets\//)
    expect(html).not.toMatch(/https?:\/\//)
    const csp = res.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline|https?:|\*/)
  })

  it('pins the installed swagger-ui-dist', () => {
    const manifest = createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')
    expect(JSON.parse(readFileSync(manifest, 'utf8')).version).toBe(SWAGGER_UI_VERSION)
  })

  for (const asset of DOCS_ASSETS) {
    it(`serves ${asset.path} as ${asset.contentType}`, async () => {
      const res = await withFiles.request(docsAssetUrl(asset))
      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Type')).toBe(asset.contentType)
      expect(res.headers.get('Cache-Control')).toBe(
        asset.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      )
      const body = Buffer.from(await res.arrayBuffer())
      expect(body.equals(readFileSync(docsAssetFile(asset)))).toBe(true)
    })
  }

  it('answers 404 problems for other files, and for all of them without a reader (Workers)', async () => {
    const other = await withFiles.request('/docs/assets/swagger-ui-0.0.1/swagger-ui-bundle.js')
    expect(other.status).toBe(404)
    expect(other.headers.get('Content-Type')).toBe('application/problem+json')
    const first = DOCS_ASSETS[0]
    if (!first) throw new Error('no assets')
    expect((await withoutFiles.request(docsAssetUrl(first))).status).toBe(404)
  })
})
