import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../env.ts'
import { CACHE_CONTROL, notModified, strongEtag } from '../http-cache.ts'
import { HttpProblem } from '../problem.ts'
import { VOCABULARY_NAMES, Vocabularies, VocabularyList, type VocabularyName } from '../schemas.ts'
import { validationHook } from '../validation.ts'
import { cacheHeaders, catalogueOf, NoQuery, problem } from './common.ts'

export const vocabulariesRoute = createRoute({
  method: 'get',
  path: '/vocabularies',
  operationId: 'listVocabularies',
  tags: ['Vocabularies'],
  summary: 'Every vocabulary with how many reports use each entry',
  request: { query: NoQuery },
  responses: {
    200: {
      description: 'Types, series, topics, countries, languages and years, with counts',
      headers: cacheHeaders,
      content: { 'application/json': { schema: Vocabularies } },
    },
    304: { description: 'Not modified' },
    400: problem('Unknown parameter'),
  },
})

export const vocabularyRoute = createRoute({
  method: 'get',
  path: '/vocabularies/{name}',
  operationId: 'getVocabulary',
  tags: ['Vocabularies'],
  summary: 'One vocabulary with counts',
  request: {
    params: z.object({
      name: z.string().openapi({
        param: { name: 'name', in: 'path' },
        description: VOCABULARY_NAMES.join(', '),
        example: 'types',
      }),
    }),
    query: NoQuery,
  },
  responses: {
    200: {
      description: 'The entries with counts',
      headers: cacheHeaders,
      content: { 'application/json': { schema: VocabularyList } },
    },
    304: { description: 'Not modified' },
    400: problem('Unknown parameter'),
    404: problem('No vocabulary by this name'),
  },
})

export const vocabularies = new OpenAPIHono<AppEnv>()
  .openapi(
    vocabulariesRoute,
    async (c) => {
      const catalogue = await catalogueOf(c)
      const etag = strongEtag(catalogue.manifest.contentHash.slice(0, 32), 'vocabularies')
      const unchanged = notModified(c.req.raw, etag, { 'Cache-Control': CACHE_CONTROL })
      if (unchanged) return unchanged as never
      c.header('ETag', etag)
      c.header('Cache-Control', CACHE_CONTROL)
      return c.json(catalogue.vocabularies, 200)
    },
    validationHook([]),
  )
  .openapi(
    vocabularyRoute,
    async (c) => {
      const { name } = c.req.valid('param')
      if (!(VOCABULARY_NAMES as readonly string[]).includes(name)) {
        throw new HttpProblem(404, {
          detail: `no vocabulary "${name.slice(0, 100)}"; there are ${VOCABULARY_NAMES.join(', ')}`,
        })
      }
      const catalogue = await catalogueOf(c)
      const etag = strongEtag(catalogue.manifest.contentHash.slice(0, 32), `vocabulary-${name}`)
      const unchanged = notModified(c.req.raw, etag, { 'Cache-Control': CACHE_CONTROL })
      if (unchanged) return unchanged as never
      c.header('ETag', etag)
      c.header('Cache-Control', CACHE_CONTROL)
      return c.json(catalogue.vocabularies[name as VocabularyName], 200)
    },
    validationHook([]),
  )
