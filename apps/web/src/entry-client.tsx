// The browser's entry: hydrates the page the server rendered (with the data it rendered
// from), or renders from scratch under the Vite dev server, which serves index.html bare.
import { hydrate, render } from 'solid-js/web'
import { seedVocabularies } from './api/client.ts'
import type { Vocabularies } from './api/types.ts'
import { About, App, Catalogue, ReportPage } from './app.tsx'
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
  const page = path.startsWith('/reports/')
    ? ReportPage
    : path === '/about'
      ? About
      : path === '/'
        ? Catalogue
        : undefined
  Promise.resolve(page?.preload())
    .catch(() => undefined)
    .then(() => {
      hydrate(() => <App initial={initial} />, root)
      // After the lazy page's own hydration (microtasks): tests and tools wait for this mark.
      setTimeout(() => document.documentElement.setAttribute('data-hydrated', ''))
    })
} else {
  render(() => <App />, root)
}
