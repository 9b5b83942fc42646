import { Route, Router } from '@solidjs/router'
import { ErrorBoundary, lazy } from 'solid-js'
import { isServer } from 'solid-js/web'
import { ApiError } from './api/problem.ts'
import { ErrorState } from './components/error-state.tsx'
import { Layout } from './components/layout.tsx'
import { InitialData, InitialDataProvider } from './lib/initial-data.ts'
import { reportRenderError } from './lib/render-errors.ts'
import NotFound from './pages/not-found.tsx'

// Each page is its own chunk, so a first page loads only its own code (check-size.mjs counts
// the heaviest first page). The server links the page's chunk with modulepreload and the
// client loads it before hydrating, so a lazy page hydrates as if it were in the entry.
export const Catalogue = lazy(() => import('./pages/catalogue.tsx'))
export const ReportPage = lazy(() => import('./pages/report.tsx'))
export const About = lazy(() => import('./pages/about.tsx'))

/** A page's chunk that fails to load (server down, a redeploy): say so, offer a reload. */
function PageFailed(props: { error: unknown }) {
  // A failed import is a network failure to the reader, whatever the browser calls it.
  const error = () =>
    props.error instanceof ApiError ? props.error : new ApiError(0, String(props.error))
  return (
    <ErrorState
      error={error()}
      onRetry={() => {
        // A redeploy renames chunks: only a fresh document knows the new names.
        location.reload()
      }}
    />
  )
}

export function Guarded(props: { children: unknown }) {
  return (
    <ErrorBoundary
      fallback={(error) => {
        // On the server the error goes to the log and the reader gets a 500 page, not its text.
        if (isServer) {
          reportRenderError(error)
          return null
        }
        return <PageFailed error={error} />
      }}
    >
      {props.children as never}
    </ErrorBoundary>
  )
}

/** The app's routes, shared by the browser router, the server and the tests' memory router. */
export function Routes() {
  return (
    <>
      <Route
        path="/"
        component={() => (
          <Guarded>
            <Catalogue />
          </Guarded>
        )}
      />
      <Route
        path="/reports/:slug"
        component={() => (
          <Guarded>
            <ReportPage />
          </Guarded>
        )}
      />
      <Route
        path="/about"
        component={() => (
          <Guarded>
            <About />
          </Guarded>
        )}
      />
      <Route path="*404" component={NotFound} />
    </>
  )
}

export interface AppProps {
  /** The request's path and query, on the server; the browser's location otherwise. */
  url?: string
  /** What the server fetched for the first page. */
  initial?: InitialData
}

export function App(props: AppProps) {
  return (
    <InitialDataProvider value={props.initial ?? new InitialData()}>
      <Router root={Layout} {...(props.url !== undefined && { url: props.url })}>
        <Routes />
      </Router>
    </InitialDataProvider>
  )
}
