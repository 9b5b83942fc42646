// End-to-end plumbing: the real API's Node server (apps/api/src/node.ts, the same entry as
// `npm start`) on an ephemeral loopback port, serving the built app from dist/; and Debian's
// Chromium through playwright-core with a fresh profile.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page, type Response } from 'playwright-core'

export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..')
export const API_DIR = join(WEB_DIR, '..', 'api')
export const RESULTS_DIR = join(WEB_DIR, 'test-results')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface ApiServer {
  url: string
  port: number
  stop(): Promise<void>
}

/**
 * Starts `tsx apps/api/src/node.ts` with PORT/HOST and waits for it to print its URL.
 * `catalogueDir` serves a compiled catalogue folder instead of the bundled one.
 */
export async function startApi(options: { port?: number; catalogueDir?: string } = {}) {
  if (!existsSync(join(WEB_DIR, 'dist-server', 'entry-server.js'))) {
    throw new Error('apps/web is not built: run `pnpm --filter colophon-web build` first')
  }
  const tsx = join(API_DIR, 'node_modules', '.bin', 'tsx')
  const child: ChildProcess = spawn(tsx, ['src/node.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      ...(options.catalogueDir && { CATALOGUE_DIR: options.catalogueDir }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Web: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`API exited with ${code} before listening:\n${output}`))
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    url,
    port: Number(new URL(url).port),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  } satisfies ApiServer
}

/**
 * Opens a URL and waits until the server-rendered page has hydrated (the entry marks the
 * root element), so typing and clicking reach the app rather than the bare HTML.
 */
export async function goto(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url)
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'))
  return response
}

export interface Browser {
  context: BrowserContext
  close(): Promise<void>
}

/** Launches Chromium (headless, fresh profile); fails clearly when it is not installed. */
export async function launchBrowser(
  options: {
    colorScheme?: 'light' | 'dark'
    width?: number
    height?: number
    javaScript?: boolean
    /** Scrollbars that take space (as on Windows and Linux desktops), not overlay ones. */
    classicScrollbars?: boolean
  } = {},
): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. The end-to-end tests need it: run \`apt-get install chromium\` (Debian), or set CHROMIUM_PATH.`,
    )
  }
  const profile = await mkdtemp(join(tmpdir(), 'colophon-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.classicScrollbars ? ['--disable-features=OverlayScrollbar'] : []),
    ],
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    javaScriptEnabled: options.javaScript ?? true,
    // Playwright hides scrollbars in headless mode; a classic one takes 15 px of width.
    ...(options.classicScrollbars && { ignoreDefaultArgs: ['--hide-scrollbars'] }),
  })
  return {
    context,
    async close() {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/** Allows the page's origin to read and write the clipboard (for "Copy citation"). */
export async function allowClipboard(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
}

const AXE = join(WEB_DIR, 'node_modules', 'axe-core', 'axe.min.js')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** Runs axe-core (WCAG 2.x A and AA, best practices) on the page as it is now. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays on.
  await page.evaluate(readFileSync(AXE, 'utf8'))
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> }
      }
    ).axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }))
  })
}

/** Saves a full-page screenshot under apps/web/test-results/ (gitignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true })
  const path = join(RESULTS_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
