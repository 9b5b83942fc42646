// The /docs page: Swagger UI from the API's own paths, with a policy that lets the page load
// nothing from another host.
import { DOCS_ASSETS, type DocsAsset, docsAssetUrl } from './assets.ts'

const asset = (file: string): string => {
  const found = DOCS_ASSETS.find((a) => a.path.endsWith(file)) as DocsAsset
  return docsAssetUrl(found)
}

/** Only this origin; data: images are the icons inside swagger-ui.css. */
export const DOCS_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export function docsPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" type="image/png" href="${asset('favicon-32x32.png')}">
<link rel="stylesheet" href="${asset('swagger-ui.css')}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${asset('swagger-ui-bundle.js')}"></script>
<script src="${asset('start-docs.js')}"></script>
</body>
</html>
`
}
