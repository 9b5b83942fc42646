import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'content',
    include: ['src/**/*.test.ts'],
    // A bound for a stuck test, not a timing assumption: under `stress -c 2` on two cores
    // the worker-thread build test took 31 s and the emitter's property test 53 s.
    testTimeout: 180_000,
  },
})
