/**
 * The OpenAPI 3.1 document of the public API, generated from the zod schemas
 * the endpoints use: query parameters from `api-params.ts`, response bodies
 * from `api-schemas.ts`. Nothing here is written twice by hand, so the
 * document cannot drift from the server.
 */
import { z } from 'zod';
import { brandListParams, brandPostsParams, rankingParams } from './api-params.ts';
import { apiErrorSchema, apiRegistry, apiResponses } from './api-schemas.ts';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** The registry's schemas, without the per-schema `$schema`/`$id` a standalone JSON Schema carries. */
function componentSchemas(): Record<string, object> {
  const { schemas } = z.toJSONSchema(apiRegistry, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

function queryParameters(schema: z.ZodObject) {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, { description?: string }>;
  };
  return Object.entries(jsonSchema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

const slugParameter = {
  name: 'slug',
  in: 'path',
  required: true,
  description: 'The brand’s slug, as in its page’s address',
  schema: { type: 'string' },
};

/** The registered name of a schema (its `components.schemas` key). */
function nameOf(schema: z.ZodType): string {
  const entry = apiRegistry.get(schema);
  if (!entry) throw new Error('A response schema of the API is not registered.');
  return entry.id;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref(nameOf(apiErrorSchema)) } },
});

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before the next request', schema: { type: 'integer' } },
};

const errors = {
  '400': errorResponse('Invalid parameters: the message names each one and what is wrong with it.'),
  '429': { ...errorResponse('Too many requests from this address.'), headers: retryAfter },
};

const notFound = { '404': errorResponse('Nothing has this slug or id.') };

/** A merged brand's old slug answers with a permanent redirect to the surviving brand's address. */
const movedPermanently = {
  '301': {
    description: 'The brand was merged into another: follow Location.',
    headers: { Location: { schema: { type: 'string' } } },
  },
};

function ok(id: keyof typeof apiResponses, description: string) {
  return {
    '200': { description, content: { 'application/json': { schema: ref(nameOf(apiResponses[id])) } } },
  };
}

const csv = {
  '200': {
    description: 'CSV (RFC 4180), UTF-8, header row first',
    content: { 'text/csv': { schema: { type: 'string' } } },
  },
  '429': errors['429'],
};

export function buildOpenApiDocument(siteUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Likes & Fails public API',
      version: '1',
      description:
        'Read-only, open data: brands, their figures and service score per window, posts and threads, rankings. ' +
        'CORS is open for GET. Lists are paged with one parameter, `cursor`: pass the `next` URL of the previous page ' +
        '(or its `cursor`) to read the following one. Rate limited per IP address (300 requests per 5 minutes, then 429 ' +
        'with Retry-After). Errors are JSON: `{"error": {"status", "message"}}`.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: siteUrl, description: 'This board' }],
    tags: [
      { name: 'brands', description: 'Brands, their profiles and figures' },
      { name: 'posts', description: 'Likes and fails, with their threads' },
      { name: 'rankings', description: 'Brands ranked by a figure' },
      { name: 'open data', description: 'Everything behind every figure, as CSV' },
    ],
    paths: {
      '/api/v1/brands': {
        get: {
          operationId: 'listBrands',
          tags: ['brands'],
          summary: 'Brands with their figures for a window, by slug',
          parameters: queryParameters(brandListParams),
          responses: { ...ok('listBrands', 'A page of brands and the next page’s URL.'), ...errors },
        },
      },
      '/api/v1/brands/{slug}': {
        get: {
          operationId: 'getBrand',
          tags: ['brands'],
          summary: 'One brand with its figures for every window',
          parameters: [slugParameter],
          responses: { ...ok('getBrand', 'The brand.'), ...movedPermanently, ...errors, ...notFound },
        },
      },
      '/api/v1/brands/{slug}/posts': {
        get: {
          operationId: 'listBrandPosts',
          tags: ['brands', 'posts'],
          summary: 'Published posts about a brand, newest first',
          parameters: [slugParameter, ...queryParameters(brandPostsParams)],
          responses: {
            ...ok('listBrandPosts', 'A page of posts and the next page’s URL.'),
            ...movedPermanently,
            ...errors,
            ...notFound,
          },
        },
      },
      '/api/v1/posts/{id}': {
        get: {
          operationId: 'getPost',
          tags: ['posts'],
          summary: 'One post with its thread, promises and verdict',
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              description: 'The post’s number, as in its page’s address',
              schema: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
            },
          ],
          responses: { ...ok('getPost', 'The post.'), ...errors, ...notFound },
        },
      },
      '/api/v1/rankings': {
        get: {
          operationId: 'listRankings',
          tags: ['rankings'],
          summary: 'Brands ranked by a figure',
          parameters: queryParameters(rankingParams),
          responses: { ...ok('listRankings', 'A page of the ranking and the next page’s URL.'), ...errors },
        },
      },
      '/api/v1/export/posts.csv': {
        get: {
          operationId: 'exportPosts',
          tags: ['open data'],
          summary: 'Every published post with the facts behind each figure (streamed CSV)',
          responses: csv,
        },
      },
      '/api/v1/export/brands.csv': {
        get: {
          operationId: 'exportBrands',
          tags: ['open data'],
          summary: 'Every brand’s aggregates per window (streamed CSV)',
          responses: csv,
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
