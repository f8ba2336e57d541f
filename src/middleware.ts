import { defineMiddleware } from 'astro:middleware';
import { getDatabase } from './server/database.ts';

/** Gives every request the database and its clock; later: the session and security headers. */
export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.db = (await getDatabase()).db;
  context.locals.now = new Date();
  return next();
});
