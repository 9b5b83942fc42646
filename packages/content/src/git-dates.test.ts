import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { build } from './build.ts'
import { generateCatalogue } from './generate.ts'
import { gitDates } from './git-dates.ts'
import { readCompiledCatalogue } from './read-catalogue.ts'
import { openColumns, openSearchIndex, SearchEngine } from './search/index.ts'
import { tempDir } from './test-support.ts'

let temp: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  temp = await tempDir()
})
afterEach(() => temp.dispose())

const git = (cwd: string, date: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
    },
    encoding: 'utf8',
  })

const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'))
/** The compiled list (summaries, newest first) of an output folder. */
const list = (out: string) => readCompiledCatalogue(out).summaries

it("dates each report by its file's last commit, a frontmatter override, or HEAD when uncommitted", async () => {
  const dir = join(temp.path, 'catalogue')
  await generateCatalogue(dir, { count: 3, seed: 7 })
  git(temp.path, '2020-01-01T00:00:00Z', 'init', '-q')
  git(temp.path, '2020-01-01T00:00:00Z', 'add', '.')
  git(temp.path, '2021-03-04T05:06:07Z', 'commit', '-q', '-m', 'first')
  const files = list(await buildTo(dir))
  const [a, b, c] = files.map((s) => s.slug) as [string, string, string]

  // Change one file and commit it later: only that report's date moves.
  const aFile = join(dir, 'reports', `${a}.md`)
  await writeFile(aFile, (await readFile(aFile, 'utf8')).replace(/^title: .*$/m, 'title: Changed'))
  git(temp.path, '2022-06-07T08:09:10Z', 'commit', '-q', '-am', 'change a')
  // Override one by frontmatter; leave the override uncommitted (dates come from commits).
  const bFile = join(dir, 'reports', `${b}.md`)
  await writeFile(
    bFile,
    (await readFile(bFile, 'utf8')).replace(/^---\n/, '---\nmodified: 2019-12-31T23:59:59Z\n'),
  )
  const out = await buildTo(dir)
  const dates = Object.fromEntries(list(out).map((s) => [s.slug, s.modified]))
  expect(dates).toEqual({
    [a]: '2022-06-07T08:09:10Z',
    [b]: '2019-12-31T23:59:59Z',
    [c]: '2021-03-04T05:06:07Z',
  })
  expect((await json(join(out, 'reports', `${a}.json`))).modified).toBe('2022-06-07T08:09:10Z')

  // Same commit, same dates: a second build is byte-identical.
  const again = await buildTo(dir, 'again')
  expect(await readFile(join(again, 'manifest.json'), 'utf8')).toBe(
    await readFile(join(out, 'manifest.json'), 'utf8'),
  )
  // A new, uncommitted file gets HEAD's date.
  expect((await gitDates(dir)).head).toBe('2022-06-07T08:09:10Z')

  // A new date for the same texts (the commit amended): the build cache does not call the
  // output up to date, the report's date moves.
  git(temp.path, '2023-01-02T03:04:05Z', 'commit', '-q', '--amend', '--no-edit', '--reset-author')
  const rebuilt = await build({ dir, out, entry: false })
  expect(rebuilt.upToDate).toBeUndefined()
  expect(list(out).find((s) => s.slug === a)?.modified).toBe('2023-01-02T03:04:05Z')
})

it('outside git, a report is dated by the start of its publication date', async () => {
  const dir = join(temp.path, 'catalogue')
  await generateCatalogue(dir, { count: 2, seed: 3 })
  expect((await gitDates(dir)).byFile.size).toBe(0)
  const out = await buildTo(dir)
  for (const s of list(out)) {
    expect(s.modified.startsWith(s.published)).toBe(true)
    expect(s.modified).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/)
  }
})

it('a withdrawn report is a tombstone (withdrawn.json), out of the list, search and files', async () => {
  const dir = join(temp.path, 'catalogue')
  await generateCatalogue(dir, { count: 3, seed: 5 })
  const first = await buildTo(dir, 'before')
  const slug = list(first)[0]?.slug as string
  const file = join(dir, 'reports', `${slug}.md`)
  await writeFile(
    file,
    (await readFile(file, 'utf8')).replace(
      /^---\n/,
      '---\nwithdrawn:\n  date: 2024-02\n  reason: Superseded by a corrected edition\n',
    ),
  )
  const out = await buildTo(dir)
  const manifest = await json(join(out, 'manifest.json'))
  expect(manifest.reportCount).toBe(2)
  const tombstones = await json(join(out, 'withdrawn.json'))
  expect(tombstones[slug]).toMatchObject({
    withdrawn: { date: '2024-02', reason: 'Superseded by a corrected edition' },
  })
  expect(manifest.contentHash).not.toBe((await json(join(first, 'manifest.json'))).contentHash)
  expect(list(out).map((s) => s.slug)).not.toContain(slug)
  // Out of search: the index and columns hold the two reports left, by their doc ids.
  const read = async (name: string) => new Uint8Array(await readFile(join(out, name)))
  const engine = new SearchEngine(await openSearchIndex(read), await openColumns(read))
  expect(engine.columns.count).toBe(2)
  expect((await engine.search({ text: list(first)[0]?.title ?? '' })).ids).not.toContain(2)
  await expect(readFile(join(out, 'reports', `${slug}.json`))).rejects.toThrow(/ENOENT/)
})

async function buildTo(dir: string, name = 'out'): Promise<string> {
  const out = join(temp.path, name)
  const result = await build({ dir, out, entry: false })
  expect(result.problems).toEqual([])
  return out
}
