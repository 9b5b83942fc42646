import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'
import { EXPOSED_HEADERS, publicCors } from './cors.ts'

const app = new Hono()
app.use(publicCors())
app.get('/ok', (c) => c.body(new TextEncoder().encode('{"a":1}'), 200, { ETag: '"x"' }))
app.get('/fails', () => {
  throw new HTTPException(404, { message: 'no such thing' })
})

describe('publicCors', () => {
  it('adds the two headers to an answer, keeping its body and its own headers', async () => {
    const res = await app.request('/ok', { headers: { Origin: 'https://elsewhere.example' } })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Expose-Headers')).toBe(EXPOSED_HEADERS.join(','))
    expect(res.headers.get('ETag')).toBe('"x"')
    expect(await res.text()).toBe('{"a":1}')
  })

  it('adds them to an error too (a page elsewhere can read why)', async () => {
    const res = await app.request('/fails')
    expect(res.status).toBe(404)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })

  it('answers a preflight for GET and HEAD', async () => {
    const res = await app.request('/ok', {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS')
    expect(res.headers.get('Access-Control-Max-Age')).toBe('86400')
  })
})
