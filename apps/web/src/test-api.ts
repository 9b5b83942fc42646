// For page tests: the real API app over the real bundled catalogue, called in-process
// (app.request) instead of over the network.
import { createApp, EmbeddedStore } from 'colophon-api'
import { catalogue } from 'colophon-content'
import { setFetch } from './api/client.ts'

export const app = createApp({ store: new EmbeddedStore(catalogue) })

/** Routes the app's API calls to the in-process API; returns the paths it was asked for. */
export function useRealApi(): string[] {
  const requested: string[] = []
  setFetch((input, init) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    requested.push(path)
    return Promise.resolve(app.request(path, init))
  })
  return requested
}
