/**
 * Imported ahead of the Node adapter's server (see astro.config.mjs and
 * docs/decisions/002-open-the-database-before-listening.md): opening the
 * database here, with top-level await, means migrations run and the PGlite
 * lock is taken before the port is bound, and a second process on the same
 * data directory exits with the reason instead of serving errors. The
 * adapter's server is then started by src/server/http-lifecycle.ts.
 */
import { WEBHOOK_ALLOW_PRIVATE } from 'astro:env/server';
import { startBackgroundWork } from './background.ts';
import { getDatabase } from './database.ts';
import { describeBenchBypass } from './bench-bypass.ts';
import { logger } from './logger.ts';
import { trackNodeResponses } from './response-backpressure.ts';
import { benchBypassSecret, getMailer, siteUrl } from './services.ts';
import { onShutdown } from './shutdown.ts';

// Before the adapter's server exists, so every request's streamed body can wait for its client.
trackNodeResponses();

const benchBypassWarning = describeBenchBypass(benchBypassSecret);
if (benchBypassWarning) logger.warn(benchBypassWarning);

try {
  const handle = await getDatabase();
  logger.info({ driver: handle.driver, siteUrl }, `Likes & Fails: database ready (${handle.driver}).`);
  onShutdown('background work', startBackgroundWork(handle.db, getMailer(), WEBHOOK_ALLOW_PRIVATE, siteUrl));
} catch (error) {
  logger.fatal(`Likes & Fails cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
