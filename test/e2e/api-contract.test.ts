/**
 * The API does what its document says: every operation of the served
 * /api/v1/openapi.json is called on the demo board, and each real response
 * (200s, following `next` pages, and the 400, 404 and 429 errors) is
 * validated against the schema the document gives for that operation and
 * status, with a JSON Schema 2020-12 validator independent of zod.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

type Operation = {
  operationId: string;
  tags?: string[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};
type Document = {
  openapi: string;
  servers: { url: string }[];
  info: { license?: { name: string } };
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, object> };
};

let document: Document;
let ajv: InstanceType<typeof Ajv2020>;

beforeAll(async () => {
  const response = await fetch(`${baseUrl}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as Document;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: document.components });
});

function operation(path: string): Operation {
  const entry = document.paths[path];
  if (!entry) throw new Error(`${path} is not in the document`);
  return entry.get;
}

/** Fetches `url` and checks its body against the document's schema for `path` and the status. */
async function conforms(path: string, url: string, expectedStatus: number): Promise<unknown> {
  const response = await fetch(`${baseUrl}${url}`);
  expect(response.status, url).toBe(expectedStatus);
  const described = operation(path).responses[String(expectedStatus)];
  expect(described, `${path} documents ${expectedStatus}`).toBeDefined();
  const schema = described!.content?.['application/json']?.schema;
  expect(schema, `${path} ${expectedStatus} has a JSON body schema`).toBeDefined();
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body: unknown = await response.json();
  const validate = ajv.compile({ $ref: `openapi.json#${pointer(schema as { $ref: string })}` });
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${url} against the document`).toEqual([]);
  return body;
}

/** "#/components/schemas/Brand" → "/components/schemas/Brand". */
function pointer(schema: { $ref: string }): string {
  return schema.$ref.replace(/^#/, '');
}

describe('the OpenAPI document', () => {
  it('names every operation, a server and a license, and describes a JSON body for every answer', () => {
    expect(document.openapi).toMatch(/^3\.1/);
    expect(document.servers[0]?.url).toMatch(/^https?:\/\//);
    expect(document.info.license?.name).toBeTruthy();
    const ids = Object.values(document.paths).map((entry) => entry.get.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, entry] of Object.entries(document.paths)) {
      expect(entry.get.tags?.length, path).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(entry.get.responses)) {
        if (status === '301') continue;
        expect(Object.keys(response.content ?? {}).length, `${path} ${status}`).toBeGreaterThan(0);
      }
    }
  });

  it('pages every list with one parameter, cursor', () => {
    for (const [path, entry] of Object.entries(document.paths)) {
      const names = (entry.get.parameters ?? []).map((p) => p.name);
      expect(names, path).not.toContain('after');
      if (path.endsWith('posts') || path.endsWith('brands') || path.endsWith('rankings'))
        expect(names, path).toContain('cursor');
    }
  });
});

describe('real responses against the document', () => {
  it('brands: a page, the next page, one brand with every window, its posts and their next page', async () => {
    const first = (await conforms('/api/v1/brands', '/api/v1/brands?limit=3', 200)) as {
      data: { slug: string }[];
      next: string | null;
    };
    expect(first.data).toHaveLength(3);
    expect(first.next).toContain('cursor=');
    const second = (await conforms('/api/v1/brands', first.next!, 200)) as { data: { slug: string }[] };
    expect(second.data[0]?.slug).not.toBe(first.data[0]?.slug);

    const slug = first.data[0]!.slug;
    await conforms('/api/v1/brands/{slug}', `/api/v1/brands/${slug}`, 200);
    const posts = (await conforms(
      '/api/v1/brands/{slug}/posts',
      `/api/v1/brands/${slug}/posts?limit=2`,
      200,
    )) as {
      data: { id: number }[];
      next: string | null;
    };
    if (posts.next) await conforms('/api/v1/brands/{slug}/posts', posts.next, 200);
  });

  it('posts: a post with its thread, a thread with a promise and a verdict', async () => {
    const ranking = (await conforms('/api/v1/rankings', '/api/v1/rankings?limit=50', 200)) as {
      data: { slug: string }[];
    };
    let checked = 0;
    for (const { slug } of ranking.data.slice(0, 4)) {
      const posts = (await (await fetch(`${baseUrl}/api/v1/brands/${slug}/posts?limit=5`)).json()) as {
        data: { id: number }[];
      };
      for (const post of posts.data) {
        await conforms('/api/v1/posts/{id}', `/api/v1/posts/${post.id}`, 200);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('rankings: every sort, a next page and a country filter', async () => {
    const page = (await conforms('/api/v1/rankings', '/api/v1/rankings?limit=2&sort=responseRate', 200)) as {
      next: string | null;
    };
    expect(page.next).toContain('cursor=');
    await conforms('/api/v1/rankings', page.next!, 200);
    await conforms('/api/v1/rankings', '/api/v1/rankings?window=30d&country=FR', 200);
  });

  it('errors: 400 naming the parameter, 404 for what does not exist, as the documented JSON', async () => {
    const bad = (await conforms('/api/v1/brands', '/api/v1/brands?limit=0', 400)) as {
      error: { message: string };
    };
    expect(bad.error.message).toContain('limit');
    const unknown = (await conforms('/api/v1/rankings', '/api/v1/rankings?after=x', 400)) as {
      error: { message: string };
    };
    expect(unknown.error.message).toContain('after');
    await conforms('/api/v1/brands/{slug}/posts', '/api/v1/brands/no-such-brand/posts', 404);
    await conforms('/api/v1/brands/{slug}', '/api/v1/brands/no-such-brand', 404);
    await conforms('/api/v1/posts/{id}', '/api/v1/posts/abc', 400);
    await conforms('/api/v1/posts/{id}', '/api/v1/posts/2147483647', 404);
    await conforms('/api/v1/brands/{slug}/posts', '/api/v1/brands/x/posts?cursor=nonsense', 400);
  });
});
