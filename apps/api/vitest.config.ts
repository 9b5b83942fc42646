import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// Two projects: the whole surface in Node (app.request, real parsers, a real socket), and the
// runtime-touching part inside workerd (the Workers pool, with real KV bindings).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'api',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.workers.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.test.toml' } })],
        test: {
          name: 'api-workers',
          include: ['src/**/*.workers.test.ts'],
          globalSetup: ['./src/test-support/workers-setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
})
