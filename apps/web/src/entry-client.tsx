// The browser's entry: hydrates the page the server rendered (with the data it rendered
// from), or renders from scratch under the Vite dev server, which serves index.html bare.
import { hydrate, render } from 'solid-js/web'
import { seedVocabularies } from './api/client.ts'
import type { Vocabularies } from './api/types.ts'
import { About, App, ReportPage } from './app.tsx'
import { dataKey, INITIAL_DATA_ID, InitialData } from './lib/initial-data.ts'
import './styles/app.css'

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from the page')

if (document.getElementById(INITIAL_DATA_ID)) {
  const initial = InitialData.fromDocument(document)
  const vocabularies = initial.peek<Vocabularies>(dataKey.vocabularies)
  if (vocabularies) seedVocabularies(vocabularies)
  // The lazy page's chunk first (the server preloaded it with a modulepreload link), so
  // hydration walks the same tree the server rendered.
  const path = location.pathname
  const page = path.startsWith('/reports/') ? ReportPage : path === '/about' ? About : undefined
  Promise.resolve(page?.preload())
    .catch(() => undefined)
    .then(() => hydrate(() => <App initial={initial} />, root))
} else {
  render(() => <App />, root)
}
