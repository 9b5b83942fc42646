// Writing one file so that nothing planted beside it can redirect the write: the text goes
// into a private temporary folder (random name, mode 0700) inside the target's folder, into
// a file created exclusively there, then is renamed over the target. A symbolic link (or
// anything but a regular file) at the target is refused, before and after the write, and
// the rename is checked: the path must end as a regular file, the very one written.
import { lstat, mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A write refused because the target is, or became, something other than a regular file. */
export class UnsafeWriteError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}; nothing was written`)
    this.name = 'UnsafeWriteError'
  }
}

async function refuseUnlessRegular(file: string): Promise<void> {
  const stats = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (stats?.isSymbolicLink()) throw new UnsafeWriteError(file, 'it is a symbolic link')
  if (stats && !stats.isFile()) throw new UnsafeWriteError(file, 'it is not a regular file')
}

/**
 * Writes `text` to `file` atomically (a reader sees the old file or the new one, never half)
 * and safely (never through a link).
 *
 * @example
 * await writeFileSafely('catalogue/reports/green-growth.md', text)
 */
export async function writeFileSafely(file: string, text: string): Promise<void> {
  const folder = dirname(file)
  await mkdir(folder, { recursive: true })
  await refuseUnlessRegular(file)
  // The dot keeps the compile from reading it; mkdtemp picks a fresh random name.
  const temp = await mkdtemp(join(folder, `.${basename(file)}.tmp-`))
  try {
    const part = join(temp, 'part')
    // "wx": created here and now, exclusively; a link at this name would be an error.
    const handle = await open(part, 'wx', 0o644)
    let written: { ino: number; dev: number }
    try {
      await handle.writeFile(text)
      await handle.sync()
      written = await handle.stat()
    } finally {
      await handle.close()
    }
    await refuseUnlessRegular(file)
    await rename(part, file)
    const result = await lstat(file)
    if (!result.isFile() || result.ino !== written.ino || result.dev !== written.dev) {
      throw new UnsafeWriteError(file, 'the file was replaced while it was written')
    }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}
