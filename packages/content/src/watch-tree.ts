// Watching a folder and every folder below it. `fs.watch(dir, { recursive: true })` is
// native on macOS and Windows; on Linux, Node (20 and 24) emulates it with one watcher and
// one `stat` per file and, at every change in a folder, reads the whole folder again: at
// 10,000 reports that is tens of milliseconds and a second event per save, on the path
// of every watch-mode change. Here, on Linux, one native watcher per folder instead.
import { EventEmitter } from 'node:events'
import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs'
import { join, sep } from 'node:path'

/** Where `fs.watch` is recursive natively. */
const NATIVE_RECURSIVE = process.platform === 'darwin' || process.platform === 'win32'

/**
 * The part of `FSWatcher` that watch mode uses: `change` events with the changed path
 * relative to the watched folder, `error`, and `close` once closed (or aborted).
 */
export interface TreeWatcher {
  on(event: 'change', listener: (eventType: string, filename: string | null) => void): this
  on(event: 'error', listener: (error: Error) => void): this
  on(event: 'close', listener: () => void): this
  close(): void
}

/**
 * Watches `dir` and every folder below it, also folders made later: `change` events name
 * the file relative to `dir` ('reports/a.md', with the platform's separator).
 *
 * @example
 * const watcher = watchTree('catalogue', { signal })
 * watcher.on('change', (type, name) => console.log(type, name)) // 'change' 'reports/a.md'
 */
export function watchTree(
  dir: string,
  options: { signal?: AbortSignal; native?: boolean } = {},
): TreeWatcher {
  if (options.native ?? NATIVE_RECURSIVE)
    return watch(dir, { recursive: true, signal: options.signal }) as FSWatcher & TreeWatcher
  return new FolderWatchers(dir, options.signal)
}

/** One native (non-recursive) watcher per folder, kept in step as folders come and go. */
class FolderWatchers extends EventEmitter implements TreeWatcher {
  /** Folder relative to the root ('' for the root) → its watcher. */
  readonly #watchers = new Map<string, FSWatcher>()
  #closed = false

  constructor(
    readonly root: string,
    signal?: AbortSignal,
  ) {
    super()
    this.#add('')
    if (signal?.aborted) queueMicrotask(() => this.close())
    else signal?.addEventListener('abort', () => this.close(), { once: true })
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    for (const watcher of this.#watchers.values()) watcher.close()
    this.#watchers.clear()
    this.emit('close')
  }

  #add(folder: string): void {
    if (this.#closed || this.#watchers.has(folder)) return
    const path = join(this.root, folder)
    let watcher: FSWatcher
    try {
      watcher = watch(path)
    } catch (error) {
      // Gone again before it could be watched: its parent's event says so.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    this.#watchers.set(folder, watcher)
    watcher.on('change', (eventType, filename) => {
      const name = filename === null ? folder : join(folder, String(filename))
      // A folder made, moved in or removed: watch it (and its folders), or stop.
      if (eventType === 'rename' && filename !== null) this.#update(name)
      this.emit('change', eventType, name)
    })
    watcher.on('error', (error) => {
      // The folder itself was removed: its parent reports it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || !this.#exists(path)) {
        this.#remove(folder)
      } else this.emit('error', error)
    })
    try {
      for (const entry of readdirSync(path, { withFileTypes: true }))
        if (entry.isDirectory()) this.#add(join(folder, entry.name))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }

  #update(name: string): void {
    let directory = false
    try {
      directory = statSync(join(this.root, name)).isDirectory()
    } catch {}
    // Watched afresh even when already watched: a folder removed and made again before this
    // event was read (often with the same inode) leaves the old watcher watching nothing.
    this.#remove(name)
    if (directory) this.#add(name)
  }

  /** Stops watching `folder` and the folders below it. */
  #remove(folder: string): void {
    for (const [name, watcher] of this.#watchers) {
      if (name === folder || name.startsWith(`${folder}${sep}`)) {
        watcher.close()
        this.#watchers.delete(name)
      }
    }
  }

  #exists(path: string): boolean {
    try {
      statSync(path)
      return true
    } catch {
      return false
    }
  }
}
