// Global setup of the Workers test project (runs in Node): compiles the test catalogue and
// hands its KV/R2 entries to the tests inside workerd, which cannot read the file system.
import type { TestProject } from 'vitest/node'
import { entryValue, type SnapshotEntry, snapshotEntries } from '../store/snapshot-entries.ts'
import { buildFixture, extraReports } from './fixture.ts'

export interface LoadedEntry {
  key: string
  /** base64 of the value (pieces may be binary). */
  base64: string
}

async function entries(out: string) {
  const { data, pointer } = await snapshotEntries(out)
  const load = async (e: SnapshotEntry): Promise<LoadedEntry> => ({
    key: e.key,
    base64: Buffer.from(await entryValue(e)).toString('base64'),
  })
  return { data: await Promise.all(data.map(load)), pointer: await load(pointer) }
}

export default async function setup(project: TestProject) {
  const first = await buildFixture()
  // A second version of the catalogue (one report fewer) to prove that readers switch over.
  const second = await buildFixture({ drop: extraReports[0]?.slug })
  project.provide('kv', {
    first: await entries(first.out),
    second: await entries(second.out),
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
      first: { data: LoadedEntry[]; pointer: LoadedEntry }
      second: { data: LoadedEntry[]; pointer: LoadedEntry }
      referenceReport: unknown
    }
  }
}
