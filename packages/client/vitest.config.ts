import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'client',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
})
