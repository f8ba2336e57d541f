/** The OpenAPI 3.1 description of the public API; query parameters come from the same zod schemas the endpoints use. */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { brandListParams, brandPostsParams, rankingParams } from '../../../domain/api-params.ts';
import { json } from '../../../server/api.ts';

function parameters(schema: z.ZodObject) {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, object> };
  return Object.entries(jsonSchema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }));
}

const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const errors = {
  '400': { description: 'Invalid parameters; the message names them.' },
  '404': { description: 'Not found.' },
  '429': { description: 'Rate limited; see Retry-After.' },
};

export const GET: APIRoute = () =>
  json({
    openapi: '3.1.0',
    info: {
      title: 'Likes & Fails public API',
      version: '1',
      description:
        'Read-only, open data: brands, their figures and service score per window, posts and threads, rankings. CORS is open for GET. Lists page with cursors: follow `next`. Rate limited per IP (300 requests per 5 minutes).',
    },
    paths: {
      '/api/v1/brands': {
        get: {
          summary: 'Brands with their figures for a window',
          parameters: parameters(brandListParams),
          responses: { '200': { description: 'A page of brands and `next`.' }, ...errors },
        },
      },
      '/api/v1/brands/{slug}': {
        get: {
          summary: 'One brand with its figures for every window',
          parameters: [slug],
          responses: { '200': { description: 'The brand.' }, ...errors },
        },
      },
      '/api/v1/brands/{slug}/posts': {
        get: {
          summary: 'Published posts about a brand, newest first',
          parameters: [slug, ...parameters(brandPostsParams)],
          responses: { '200': { description: 'A page of posts and `next`.' }, ...errors },
        },
      },
      '/api/v1/posts/{id}': {
        get: {
          summary: 'One post with its thread, promises and verdict',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: { '200': { description: 'The post.' }, ...errors },
        },
      },
      '/api/v1/rankings': {
        get: {
          summary: 'Brands ranked by a figure',
          parameters: parameters(rankingParams),
          responses: { '200': { description: 'The ranking.' }, ...errors },
        },
      },
      '/api/v1/export/posts.csv': {
        get: {
          summary: 'Every published post with the facts behind each figure (streamed CSV)',
          responses: { '200': { description: 'CSV' } },
        },
      },
      '/api/v1/export/brands.csv': {
        get: {
          summary: 'Every brand’s aggregates per window (streamed CSV)',
          responses: { '200': { description: 'CSV' } },
        },
      },
    },
  });
