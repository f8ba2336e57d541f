// @ts-check
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import { defineConfig, envField } from 'astro/config';

const ONE_MEGABYTE = 1024 * 1024;
const bootModule = fileURLToPath(new URL('./src/server/boot.ts', import.meta.url));
const lifecycleModule = fileURLToPath(new URL('./src/server/http-lifecycle.ts', import.meta.url));
// The adapter's own start: `if (… ASTRO_NODE_AUTOSTART !== "disabled") { startServer(); }`.
const adapterAutostart = /(ASTRO_NODE_AUTOSTART !== "disabled"\)\s*\{\s*)startServer\(\);/;

/**
 * Makes the built server open the database (migrations, PGlite lock) before it
 * listens: the Node adapter starts listening as soon as its entry module runs
 * and loads our code lazily on the first request. We prepend one import to the
 * adapter's server module, and hand its `startServer` to our lifecycle
 * (request ids and logs, a clear exit when the port is taken, graceful
 * shutdown). The build fails if that module or its start call is not found, so
 * an adapter upgrade cannot silently drop either. See docs/decisions/002-….
 */
function openDatabaseBeforeListening() {
  let injected = false;
  return {
    name: 'likes-and-fails:boot',
    apply: /** @type {const} */ ('build'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!/[\\/]@astrojs[\\/]node[\\/]dist[\\/]server\.js$/.test(id)) return null;
      if (!adapterAutostart.test(code)) {
        throw new Error(
          'likes-and-fails:boot: the adapter no longer calls startServer(); update astro.config.mjs.',
        );
      }
      injected = true;
      const supervised = code.replace(adapterAutostart, '$1__likesAndFailsServe(startServer);');
      return {
        code:
          `import ${JSON.stringify(bootModule)};\n` +
          `import { serveWithLifecycle as __likesAndFailsServe } from ${JSON.stringify(lifecycleModule)};\n` +
          supervised,
        map: null,
      };
    },
    /** @this {{ environment?: { name: string } }} */
    generateBundle() {
      if (this.environment?.name === 'ssr' && !injected) {
        throw new Error(
          'likes-and-fails:boot: @astrojs/node/dist/server.js was not bundled; update astro.config.mjs.',
        );
      }
    },
  };
}

export default defineConfig({
  output: 'server',
  // The adapter's own default body limit is 1 GiB; nothing here needs more than 2 MB.
  adapter: node({ mode: 'standalone', bodySizeLimit: 2 * ONE_MEGABYTE }),
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  server: { host: process.env.HOST ?? 'localhost', port: Number(process.env.PORT ?? 4321) },
  devToolbar: { enabled: false },
  security: {
    checkOrigin: true,
    actionBodySizeLimit: ONE_MEGABYTE,
    // Sent as a response header on server-rendered pages; Astro hashes its own styles and scripts.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
      ],
    },
  },
  env: {
    schema: {
      // Validated when the server starts (validateSecrets), so a typo stops the start, not a request.
      DATABASE_URL: envField.string({
        context: 'server',
        access: 'secret',
        optional: true,
        url: true,
        startsWith: 'postgres',
      }),
      DATA_DIR: envField.string({ context: 'server', access: 'secret', default: './data', min: 1 }),
      // Unset: derived from HOST and PORT at start (src/domain/site-url.ts).
      SITE_URL: envField.string({ context: 'server', access: 'secret', optional: true, url: true }),
      // Local development only: lets webhooks target loopback and private networks.
      WEBHOOK_ALLOW_PRIVATE: envField.boolean({ context: 'server', access: 'secret', default: false }),
      // `npm run bench:http` only: loopback requests carrying it skip the rate limits (src/server/bench-bypass.ts).
      LF_BENCH_BYPASS_SECRET: envField.string({ context: 'server', access: 'secret', optional: true }),
      SMTP_URL: envField.string({
        context: 'server',
        access: 'secret',
        optional: true,
        url: true,
        startsWith: 'smtp',
      }),
    },
    validateSecrets: true,
  },
  vite: {
    plugins: [openDatabaseBeforeListening()],
  },
});
