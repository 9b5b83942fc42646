import { defineConfig } from 'vitest/config'

// End-to-end: the built app (dist/) served by the real API's Node server, driven by Debian's
// Chromium through playwright-core. One file at a time: a browser per file is heavy on 2 cores.
export default defineConfig({
  test: {
    name: 'web-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
