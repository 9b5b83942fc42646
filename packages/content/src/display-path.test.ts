import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { relativeDisplay } from './display-path.ts'

describe('relativeDisplay', () => {
  it('names a file as path.relative does, folder by folder', () => {
    const from = '/work/site'
    const display = relativeDisplay(from)
    for (const file of [
      '/work/site/catalogue/reports/a.md',
      '/work/site/catalogue/reports/b.md',
      '/work/site/a.md',
      '/work/other/reports/c.md',
      '/tmp/x/../y/d.md',
      '/e.md',
      '/work/site',
    ])
      expect(display(file)).toBe(relative(from, file) || file)
  })
})
