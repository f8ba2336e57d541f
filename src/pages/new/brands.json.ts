/** Brand suggestions for the /new form's search field (its small progressive enhancement). */
import type { APIRoute } from 'astro';
import { searchBrandsByName } from '../../../db/queries/post-writes.ts';
import { brandNameKey } from '../../domain/brand-identity.ts';

export const GET: APIRoute = async ({ locals, url }) => {
  const query = (url.searchParams.get('q') ?? '').slice(0, 80);
  const key = brandNameKey(query);
  const brands = key.length >= 2 ? await searchBrandsByName(locals.db, key, 8) : [];
  return new Response(JSON.stringify(brands.map(({ slug, name, domain }) => ({ slug, name, domain }))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=30' },
  });
};
