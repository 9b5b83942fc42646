import { Route, Router } from '@solidjs/router'
import { lazy } from 'solid-js'
import { Layout } from './components/layout.tsx'
import Catalogue from './pages/catalogue.tsx'
import NotFound from './pages/not-found.tsx'

// The catalogue is the usual first page and ships in the entry chunk; the report and about
// pages load on demand (check-size.mjs counts the heaviest first page either way).
const ReportPage = lazy(() => import('./pages/report.tsx'))
const About = lazy(() => import('./pages/about.tsx'))

/** The app's routes, shared by the browser router and the tests' memory router. */
export function Routes() {
  return (
    <>
      <Route path="/" component={Catalogue} />
      <Route path="/reports/:slug" component={ReportPage} />
      <Route path="/about" component={About} />
      <Route path="*404" component={NotFound} />
    </>
  )
}

export function App() {
  return (
    <Router root={Layout}>
      <Routes />
    </Router>
  )
}
