/** The OpenAPI 3.1 description of the public API, generated from the zod schemas the endpoints use (src/domain/openapi.ts). */
import type { APIRoute } from 'astro';
import { buildOpenApiDocument } from '../../../domain/openapi.ts';
import { json } from '../../../server/api.ts';
import { siteUrl } from '../../../server/services.ts';

const document = buildOpenApiDocument(siteUrl);

export const GET: APIRoute = () => json(document);
