/**
 * How the built server is started, everywhere it is (`npm start`, `npm run demo`, the benchmark):
 * - a young generation of 16 MiB semi-spaces (V8's default on 64 bits; an earlier session had
 *   set 4 to keep RSS low, before the old generation was bounded): with 4, the garbage collector
 *   took 13 % of the server's time while 50 authors published fails and objects of requests in
 *   flight were promoted and collected again; with 16, 5–8 % (`npm run bench:profile-writes`
 *   with PROFILE_DIR), for an RSS at the end of `npm run bench:http` on a million posts of about
 *   200 MiB, as before (the bounded old generation below is what keeps it there);
 * - a bounded old generation keeps the heap honest: without it V8 lets garbage pile up to a limit
 *   sized from the machine's memory. Measured with `npm run bench:http` on a million posts: RSS at
 *   the end 173–186 MiB instead of 314 (after reads 173–181 instead of 281); the largest heap left
 *   after a full collection during the whole run was 41 MiB, a third of this limit (`--trace-gc`).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=128'];
export const SERVER_ENTRY = 'dist/server/entry.mjs';
