/** Readiness: 200 when this instance can serve, else 503 with a short reason (src/server/readiness.ts). */
import type { APIRoute } from 'astro';
import { checkReadiness } from '../server/readiness.ts';

export const GET: APIRoute = async ({ locals }) => {
  const readiness = await checkReadiness(locals.db);
  return new Response(
    JSON.stringify(
      readiness.ready ? { status: 'ready' } : { status: 'unavailable', reason: readiness.reason },
    ),
    {
      status: readiness.ready ? 200 : 503,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    },
  );
};
