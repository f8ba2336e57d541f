// @ts-check
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
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
      // Also hands over the app's own handler and the client folder, so that requests for anything but
      // a built file skip the adapter's static-file lookup (a stat of the disk on every page and form).
      const supervised = code.replace(
        adapterAutostart,
        '$1__likesAndFailsServe(startServer, { appHandler: () => __likesAndFailsAppHandler(app, options), ' +
          'clientDir: () => __likesAndFailsClientDir(options) });',
      );
      return {
        code:
          `import ${JSON.stringify(bootModule)};\n` +
          `import { serveWithLifecycle as __likesAndFailsServe } from ${JSON.stringify(lifecycleModule)};\n` +
          `import { createAppHandler as __likesAndFailsAppHandler } from './serve-app.js';\n` +
          `import { resolveClientDir as __likesAndFailsClientDir } from './shared.js';\n` +
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

/**
 * Astro hashes each script and stylesheet of a page for the CSP header again on every request
 * (`generateCspDigest` in astro/dist/core/encryption.js, through WebCrypto's thread pool): about 3 %
 * of the server's time while authors publish. The same text always has the same hash, and a build's
 * scripts and styles are a fixed set, so the hashes are kept (at most `limit` texts, so a page whose
 * inline content varied could not grow the map). The build fails if the function is not found.
 */
function rememberCspHashes(limit = 512) {
  const definition = 'async function generateCspDigest(data, algorithm) {';
  let found = false;
  return {
    name: 'likes-and-fails:csp-hashes',
    apply: /** @type {const} */ ('build'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!/[\\/]astro[\\/]dist[\\/]core[\\/]encryption\.js$/.test(id)) return null;
      if (!code.includes(definition)) {
        throw new Error(
          'likes-and-fails:csp-hashes: generateCspDigest not found in astro; update astro.config.mjs.',
        );
      }
      found = true;
      const remembered =
        `const __likesAndFailsCspHashes = new Map();\n` +
        `function generateCspDigest(data, algorithm) {\n` +
        `  const key = algorithm + '\\u0000' + data;\n` +
        `  const known = __likesAndFailsCspHashes.get(key);\n` +
        `  if (known !== undefined) return known;\n` +
        `  const hash = __likesAndFailsHashForCsp(data, algorithm);\n` +
        `  if (__likesAndFailsCspHashes.size < ${limit}) __likesAndFailsCspHashes.set(key, hash);\n` +
        `  return hash;\n` +
        `}\n` +
        `async function __likesAndFailsHashForCsp(data, algorithm) {`;
      return { code: code.replace(definition, remembered), map: null };
    },
    /** @this {{ environment?: { name: string } }} */
    generateBundle() {
      if (this.environment?.name === 'ssr' && !found) {
        throw new Error('likes-and-fails:csp-hashes: astro/dist/core/encryption.js was not bundled.');
      }
    },
  };
}

/**
 * Behind a reverse proxy (docs/deploy.md), build with `TRUST_PROXY=true` and SITE_URL set to the public
 * address: Astro then believes the proxy's X-Forwarded-Proto, -Host and -For for that address (and
 * only it), so the origin check sees the address the browser used (https through a TLS proxy) and the
 * per-IP limits see each reader instead of the proxy. Read at build time: Astro writes it into the
 * built server. Never for an instance that can be reached without the proxy: anyone could then name
 * their own address in X-Forwarded-For.
 * @returns {{ protocol: string, hostname: string, port?: string }[]}
 */
function proxiedPublicAddress() {
  if (process.env.TRUST_PROXY !== 'true') return [];
  if (!process.env.SITE_URL)
    throw new Error('TRUST_PROXY=true needs SITE_URL, the public address, at build time.');
  const site = new URL(process.env.SITE_URL);
  return [
    {
      protocol: site.protocol.replace(':', ''),
      hostname: site.hostname,
      ...(site.port ? { port: site.port } : {}),
    },
  ];
}

export default defineConfig({
  output: 'server',
  // The adapter's own default body limit is 1 GiB. Forms with images may send 10 MB; up to 64 MB an
  // oversized one is read (its files dropped as they stream) so its page keeps the text
  // (src/server/oversized-upload.ts `UPLOAD_DRAIN_MAX_BYTES`).
  adapter: node({ mode: 'standalone', bodySizeLimit: 64 * ONE_MEGABYTE }),
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  server: { host: process.env.HOST ?? 'localhost', port: Number(process.env.PORT ?? 4321) },
  devToolbar: { enabled: false },
  security: {
    checkOrigin: true,
    allowedDomains: proxiedPublicAddress(),
    // Four images of evidence, 10 MB together, and their text (src/domain/evidence.ts `UPLOAD_MAX_BYTES`).
    actionBodySizeLimit: 10 * ONE_MEGABYTE + 64 * 1024,
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
      // A streaming replica of DATABASE_URL for signed-out reads (decision 010).
      DATABASE_READ_URL: envField.string({
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
      // Open live-update streams one instance holds at most; past it /live answers 503 (decision 008).
      LIVE_MAX_STREAMS: envField.number({
        context: 'server',
        access: 'secret',
        default: 500,
        int: true,
        gt: 0,
      }),
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
    plugins: [
      openDatabaseBeforeListening(),
      rememberCspHashes(),
      // messages/{en,fr}.json compiled to typed functions in src/paraglide (generated, not committed).
      // The request's language comes from src/i18n/request-language.ts, never from Paraglide's own
      // strategies: the middleware is the one owner of localized URLs (decision 014).
      // Same options as `npm run i18n:compile` (package.json), which lint and `astro check` run first.
      paraglideVitePlugin({
        project: './project.inlang',
        outdir: './src/paraglide',
        strategy: ['baseLocale'],
        emitTsDeclarations: true,
      }),
    ],
  },
});
