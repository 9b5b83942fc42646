import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'schema',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Property tests run hundreds of cases: 5 s (the default) is short with both cores busy.
    testTimeout: 30_000,
  },
})
