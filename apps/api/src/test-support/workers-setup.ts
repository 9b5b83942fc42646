// Global setup of the Workers test project (runs in Node): compiles the test catalogue and
// hands its KV entries to the tests inside workerd, which cannot read the file system.
import type { TestProject } from 'vitest/node'
import { kvEntries } from '../store/kv-layout.ts'
import { buildFixture, extraReports } from './fixture.ts'

export default async function setup(project: TestProject) {
  const first = await buildFixture()
  // A second version of the catalogue (one report fewer) to prove that readers switch over.
  const second = await buildFixture({ drop: extraReports[0]?.slug })
  project.provide('kv', {
    first: kvEntries(first.catalogue),
    second: kvEntries(second.catalogue),
    referenceReport: first.catalogue.report('beyond-factory-asia'),
  })
  return () => {
    first.cleanup()
    second.cleanup()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    kv: {
      first: ReturnType<typeof kvEntries>
      second: ReturnType<typeof kvEntries>
      referenceReport: unknown
    }
  }
}
