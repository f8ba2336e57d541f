/**
 * Brand webhooks (DESIGN §7): JSON POSTs on new post, follow-up and verdict,
 * signed with HMAC-SHA256 over `<timestamp>.<body>` (the timestamp stops
 * replays), retried with exponential backoff. Targets on loopback, private or
 * link-local networks are refused unless the operator allows them.
 */
import { z } from 'astro/zod';
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

export const WEBHOOK_EVENTS = ['post.created', 'post.follow_up', 'post.verdict'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'post.created': 'A like or a fail is posted about the brand',
  'post.follow_up': 'An author follows up on a post about the brand',
  'post.verdict': 'An author gives or changes a verdict',
};

export const SIGNATURE_HEADER = 'X-Likes-And-Fails-Signature';
export const TIMESTAMP_HEADER = 'X-Likes-And-Fails-Timestamp';
export const EVENT_HEADER = 'X-Likes-And-Fails-Event';
export const MAX_DELIVERY_ATTEMPTS = 8;

/** `sha256=<hex>` of HMAC-SHA256(secret, "<unix seconds>.<body>"). */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const encoder = new TextEncoder();
  const mac = hmac(SHA256, encoder.encode(secret), encoder.encode(`${timestampSeconds}.${body}`));
  return `sha256=${encodeHexLowerCase(mac)}`;
}

/** Seconds to wait before attempt `n + 1` after `n` failed attempts: 1, 2, 4… minutes, at most 6 hours. */
export function retryDelaySeconds(failedAttempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, failedAttempts - 1), 6 * 60 * 60);
}

/** Whether an IP address is on loopback, a private, link-local, CGNAT or otherwise non-public range. */
export function isNonPublicAddress(address: string): boolean {
  const ip = address.toLowerCase().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return isNonPublicAddress(mapped[1]!);
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  return ip === '::' || ip === '::1' || /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip);
}

export const webhookFormSchema = z.object({
  brandSlug: z.string().max(100),
  url: z
    .string({ error: 'Give the address that receives the deliveries.' })
    .trim()
    .max(500, 'Keep the address to 500 characters.')
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'Give a full http(s):// address.'),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'Choose at least one event.'),
});
