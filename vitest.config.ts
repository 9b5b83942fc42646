import { defineConfig } from 'vitest/config'

// Root config for `pnpm vitest` watch mode across the repo; CI runs each package's own config via turbo.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
})
