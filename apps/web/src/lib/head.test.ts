import { afterEach, describe, expect, it } from 'vitest'
import { applyHead, serializeJsonLd } from './head.ts'

afterEach(() => {
  document.head.innerHTML = ''
})

describe('applyHead', () => {
  it('sets the title, the meta description and a JSON-LD block, and removes the block', () => {
    const remove = applyHead({
      title: 'Beyond Factory Asia',
      description: 'A report.',
      jsonLd: { '@type': 'Report', name: 'Beyond Factory Asia' },
    })
    expect(document.title).toBe('Beyond Factory Asia · Colophon')
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'A report.',
    )
    const script = document.querySelector('script[type="application/ld+json"]')
    expect(JSON.parse(script?.textContent ?? '')).toEqual({
      '@type': 'Report',
      name: 'Beyond Factory Asia',
    })
    remove()
    expect(document.querySelector('script[type="application/ld+json"]')).toBeNull()
  })

  it('keeps the site name alone on the home page', () => {
    applyHead({ title: 'Colophon' })
    expect(document.title).toBe('Colophon')
  })
})

describe('serializeJsonLd', () => {
  it('cannot close its own script element', () => {
    const text = serializeJsonLd({ name: '</script><script>alert(1)</script>' })
    expect(text).not.toContain('</script>')
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>')
  })
})
