// The docs page's files: Swagger UI from the pinned swagger-ui-dist package plus our own
// start-up script, served by the API itself under /docs/assets/ so that /docs works with no
// other host reachable. Runtime-neutral: each runtime hands the app a way to read them
// (`readDocsAsset` on Node, Bun and Deno; Workers serve the same files as static assets).

/** swagger-ui-dist's version; part of the asset paths, so those can be cached for a year. */
export const SWAGGER_UI_VERSION = '5.35.0'

export const DOCS_ASSET_PREFIX = '/docs/assets/'

export interface DocsAsset {
  /** Path under /docs/assets/. */
  path: string
  /** Where the file comes from: a file of swagger-ui-dist, or one beside this module. */
  source: { package: 'swagger-ui-dist'; file: string } | { local: string }
  contentType: string
  /** Versioned paths never change: cached for a year; the others for five minutes. */
  immutable: boolean
}

const versioned = `swagger-ui-${SWAGGER_UI_VERSION}`

export const DOCS_ASSETS: readonly DocsAsset[] = [
  {
    path: `${versioned}/swagger-ui-bundle.js`,
    source: { package: 'swagger-ui-dist', file: 'swagger-ui-bundle.js' },
    contentType: 'text/javascript; charset=utf-8',
    immutable: true,
  },
  {
    path: `${versioned}/swagger-ui.css`,
    source: { package: 'swagger-ui-dist', file: 'swagger-ui.css' },
    contentType: 'text/css; charset=utf-8',
    immutable: true,
  },
  {
    path: `${versioned}/favicon-32x32.png`,
    source: { package: 'swagger-ui-dist', file: 'favicon-32x32.png' },
    contentType: 'image/png',
    immutable: true,
  },
  {
    path: 'start-docs.js',
    source: { local: 'start-docs.js' },
    contentType: 'text/javascript; charset=utf-8',
    immutable: false,
  },
]

/** Reads one docs asset's bytes, or undefined when this runtime has no files (Workers). */
export type DocsAssetReader = (asset: DocsAsset) => Promise<Uint8Array | undefined>

export function docsAssetUrl(asset: DocsAsset): string {
  return DOCS_ASSET_PREFIX + asset.path
}

export function findDocsAsset(pathname: string): DocsAsset | undefined {
  if (!pathname.startsWith(DOCS_ASSET_PREFIX)) return undefined
  const path = pathname.slice(DOCS_ASSET_PREFIX.length)
  return DOCS_ASSETS.find((a) => a.path === path)
}

export function docsAssetCacheControl(asset: DocsAsset): string {
  return asset.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300'
}
