/**
 * How the built server is started, everywhere it is (`npm start`, `npm run demo`, the benchmark):
 * a small young generation keeps the process's memory near what it holds (measured with
 * `npm run bench:http`: 134 MiB after start instead of 287, 269 after load instead of 392), for
 * about the same throughput.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];
export const SERVER_ENTRY = 'dist/server/entry.mjs';
