/**
 * How the built server is started, everywhere it is (`npm start`, `npm run demo`, the benchmark):
 * - a small young generation keeps the process's memory near what it holds (measured with
 *   `npm run bench:http`: 134 MiB after start instead of 287, 269 after load instead of 392), for
 *   about the same throughput;
 * - a bounded old generation keeps the heap honest: without it V8 lets garbage pile up to a limit
 *   sized from the machine's memory. Measured with `npm run bench:http` on a million posts: RSS at
 *   the end 173–186 MiB instead of 314 (after reads 173–181 instead of 281); the largest heap left
 *   after a full collection during the whole run was 41 MiB, a third of this limit (`--trace-gc`).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=128'];
export const SERVER_ENTRY = 'dist/server/entry.mjs';
