/** What every command needs from the outside world, passed in so tests can supply their own. */
import type { Database } from '../../../db/client.ts';
import type { SessionMeta } from '../auth/session.ts';
import type { Mailer } from '../mail.ts';

export interface CommandDeps {
  db: Database;
  mailer: Mailer;
  now: Date;
  /** Origin used in e-mailed links, e.g. "https://likesandfails.example". */
  siteUrl: string;
  meta: SessionMeta;
  /** The load benchmark's bypass (src/server/bench-bypass.ts): posting and reply limits are skipped. */
  rateLimitExempt?: boolean;
}

export type RateLimited = { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };
