// Errors a page throws while the server renders it. On the server an error boundary must not
// print the error into the HTML (its message and stack are for the log, not for readers): it
// hands the error here, and the renderer answers a generic 500 page instead.

let collecting: unknown[] | undefined

/** Called by an error boundary's server-side fallback. */
export function reportRenderError(error: unknown): void {
  if (collecting) collecting.push(error)
  else throw error
}

/**
 * Runs a synchronous render and returns its output, or throws the first error a boundary
 * caught during it.
 *
 * @example
 * const html = collectRenderErrors(() => renderToString(() => <App />))
 */
export function collectRenderErrors<T>(render: () => T): T {
  const outer = collecting
  const errors: unknown[] = []
  collecting = errors
  let output: T
  try {
    output = render()
  } finally {
    collecting = outer
  }
  if (errors.length) throw errors[0]
  return output
}
