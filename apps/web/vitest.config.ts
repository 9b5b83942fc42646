import solid from 'vite-plugin-solid'
import { defineProject } from 'vitest/config'

// Component and unit tests in jsdom. The end-to-end suite (real browser, real API) has its
// own config, vitest.e2e.config.ts; `pnpm test` runs both plus the size check.
export default defineProject({
  plugins: [solid()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // Above the 20 s that findBy* may wait (test-setup.ts).
    testTimeout: 30_000,
  },
})
