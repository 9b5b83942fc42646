import { describe, expect, it } from 'vitest'
import { singularLabel } from './labels.ts'

describe('singularLabel', () => {
  it('names one item of each type of the catalogue', () => {
    expect(singularLabel('Reports')).toBe('Report')
    expect(singularLabel('Working Papers')).toBe('Working paper')
    expect(singularLabel('Papers and Briefs')).toBe('Paper or brief')
    expect(singularLabel('Brochures and Flyers')).toBe('Brochure or flyer')
    expect(singularLabel('Conference Proceedings')).toBe('Conference proceedings')
    expect(singularLabel('Annual Reports')).toBe('Annual report')
    expect(singularLabel('Policies')).toBe('Policy')
    expect(singularLabel('ADB Briefs')).toBe('ADB brief')
  })
})
