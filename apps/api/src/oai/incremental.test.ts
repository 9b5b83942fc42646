// From an editor's commit to a harvester's incremental harvest: a catalogue in git, built,
// served; then one report changed and one withdrawn in later commits, built and served again.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, generateCatalogue } from 'colophon-content/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { FolderStore } from '../store/folder.ts'
import { SCHEMAS, schemaErrors } from '../test-support/xmllint.ts'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'colophon-oai-git-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function git(date: string, ...args: string[]) {
  execFileSync('git', args, {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_AUTHOR_NAME: 'Editor',
      GIT_AUTHOR_EMAIL: 'editor@example.org',
      GIT_COMMITTER_NAME: 'Editor',
      GIT_COMMITTER_EMAIL: 'editor@example.org',
    },
    stdio: 'pipe',
  })
}

async function serve(name: string) {
  const out = join(dir, name)
  const result = await build({ dir: join(dir, 'catalogue'), out, entry: false })
  expect(result.problems).toEqual([])
  return createApp({
    store: new FolderStore(out),
    publicUrl: 'https://reports.example.org',
  })
}

async function oai(app: ReturnType<typeof createApp>, query: string) {
  const xml = await (await app.request(`/oai?${query}`)).text()
  expect(schemaErrors(xml, SCHEMAS.oai)).toBe('')
  return xml
}

const headers = (xml: string) =>
  [
    ...xml.matchAll(/<header( status="deleted")?><identifier>oai:reports\.example\.org:([^<]+)</g),
  ].map((m) => `${m[2]}${m[1] ? ' (deleted)' : ''}`)

it('a committed change shows up in a from harvest and the sitemap, a withdrawal as deleted', async () => {
  await generateCatalogue(join(dir, 'catalogue'), { count: 12, seed: 4 })
  git('2026-01-05T08:00:00Z', 'init', '-q')
  git('2026-01-05T08:00:00Z', 'add', '.')
  git('2026-01-05T08:00:00Z', 'commit', '-q', '-m', 'catalogue')
  const before = await serve('before')
  const all = headers(await oai(before, 'verb=ListIdentifiers&metadataPrefix=oai_dc'))
  expect(all).toHaveLength(12)
  expect(await oai(before, 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-01-06')).toContain(
    '<error code="noRecordsMatch">',
  )

  const [changed, withdrawn] = all as [string, string]
  const file = (slug: string) => join(dir, 'catalogue', 'reports', `${slug}.md`)
  writeFileSync(
    file(changed),
    readFileSync(file(changed), 'utf8').replace(/^title: .*$/m, 'title: A Corrected Title'),
  )
  git('2026-02-10T12:30:00Z', 'commit', '-q', '-am', 'correct a title')
  writeFileSync(
    file(withdrawn),
    readFileSync(file(withdrawn), 'utf8').replace(
      /^---\n/,
      '---\nwithdrawn:\n  date: 2026-03\n  reason: Withdrawn at the authors’ request\n',
    ),
  )
  git('2026-03-01T09:00:00Z', 'commit', '-q', '-am', 'withdraw a report')
  const after = await serve('after')

  const since = await oai(after, 'verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-01T00:00:00Z')
  expect(headers(since)).toEqual([changed, `${withdrawn} (deleted)`])
  expect(since).toContain('<datestamp>2026-02-10T12:30:00Z</datestamp>')
  expect(since).toContain('<dc:title>A Corrected Title</dc:title>')
  const sitemap = await (await after.request('/sitemap.xml')).text()
  expect(sitemap).toContain(
    `<loc>https://reports.example.org/reports/${changed}</loc><lastmod>2026-02-10T12:30:00Z</lastmod>`,
  )
  expect(sitemap).not.toContain(`/reports/${withdrawn}<`)
  expect((await after.request(`/v1/reports/${withdrawn}`)).status).toBe(410)
  const changedSince = await (await after.request('/v1/reports?changedSince=2026-02-01')).json()
  expect(changedSince.items.map((i: { slug: string }) => i.slug)).toEqual([changed])
})
