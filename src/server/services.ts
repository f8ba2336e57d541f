/**
 * The app's request-time services built from validated configuration: the
 * mailer, the public origin for links, and whether cookies must be Secure.
 */
import path from 'node:path';
import { DATA_DIR, LF_BENCH_BYPASS_SECRET, SITE_URL, SMTP_URL } from 'astro:env/server';
import { siteUrlFrom } from '../domain/site-url.ts';
import { createMailer, type Mailer } from './mail.ts';

let mailer: Mailer | null = null;

export function getMailer(): Mailer {
  mailer ??= createMailer({ smtpUrl: SMTP_URL ?? null, outboxDir: path.resolve(DATA_DIR, 'outbox') });
  return mailer;
}

/** `SITE_URL`, or the address the server listens on (HOST, PORT) when it is not set. */
export const siteUrl: string = siteUrlFrom(SITE_URL, process.env['HOST'], process.env['PORT']);

/** The load benchmark's bypass secret (src/server/bench-bypass.ts), or null. */
export const benchBypassSecret: string | null = LF_BENCH_BYPASS_SECRET ?? null;

/** Cookies are Secure whenever the public site is https (behind a TLS proxy too). */
export const secureCookies: boolean = new URL(siteUrl).protocol === 'https:';
