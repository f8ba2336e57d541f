/**
 * Brand webhooks (DESIGN §7): JSON POSTs on new post, follow-up and verdict,
 * signed with HMAC-SHA256 over `<timestamp>.<body>` (the timestamp stops
 * replays), retried with exponential backoff. Targets that are not public
 * unicast addresses are refused unless the operator allows them.
 */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import ipaddr from 'ipaddr.js';
import { brandSlugSchema, recordIdSchema } from './ids.ts';

export const WEBHOOK_EVENTS = ['post.created', 'post.follow_up', 'post.verdict'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
// Their words for the settings page are in src/i18n/labels.ts (webhookEventLabel).

/**
 * Why a delivery failed, as `webhook_deliveries.error` stores it: src/server/webhook-delivery.ts
 * writes it with `deliveryErrorText`, the settings page reads it back with `readDeliveryError` to
 * say it in the owner's language. The network's own messages (Node's) stay as they came.
 */
export type DeliveryError =
  | { kind: 'http'; status: number }
  | { kind: 'private_address' }
  | { kind: 'unresolved'; host: string; detail: string }
  | { kind: 'network'; detail: string };

const PRIVATE_ADDRESS_TEXT = 'Refused: the address is on a loopback or private network.';

export function deliveryErrorText(error: DeliveryError): string {
  switch (error.kind) {
    case 'http':
      return `HTTP ${error.status}`;
    case 'private_address':
      return PRIVATE_ADDRESS_TEXT;
    case 'unresolved':
      return `Could not resolve ${error.host}: ${error.detail}`;
    case 'network':
      return error.detail;
  }
}

export function readDeliveryError(stored: string): DeliveryError {
  const http = /^HTTP (\d{3})$/.exec(stored);
  if (http) return { kind: 'http', status: Number(http[1]) };
  if (stored === PRIVATE_ADDRESS_TEXT) return { kind: 'private_address' };
  const unresolved = /^Could not resolve ([^\s:]+): ([\s\S]*)$/.exec(stored);
  if (unresolved) return { kind: 'unresolved', host: unresolved[1]!, detail: unresolved[2]! };
  return { kind: 'network', detail: stored };
}

/** What the signature header's value starts with, before the hex digest. */
export const SIGNATURE_PREFIX = 'sha256=';
export const SIGNATURE_HEADER = 'X-Likes-And-Fails-Signature';
export const TIMESTAMP_HEADER = 'X-Likes-And-Fails-Timestamp';
export const EVENT_HEADER = 'X-Likes-And-Fails-Event';
export const MAX_DELIVERY_ATTEMPTS = 8;

/** `sha256=<hex>` of HMAC-SHA256(secret, "<unix seconds>.<body>"). */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const encoder = new TextEncoder();
  const mac = hmac(SHA256, encoder.encode(secret), encoder.encode(`${timestampSeconds}.${body}`));
  return `${SIGNATURE_PREFIX}${encodeHexLowerCase(mac)}`;
}

/** Seconds to wait before attempt `n + 1` after `n` failed attempts: 1, 2, 4… minutes, at most 6 hours. */
export function retryDelaySeconds(failedAttempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, failedAttempts - 1), 6 * 60 * 60);
}

/**
 * Whether an IP address may not receive webhooks: anything but public unicast.
 * That is loopback, private, link-local, unique-local, CGNAT (100.64/10),
 * multicast, broadcast, unspecified, reserved and documentation ranges (the
 * range names are ipaddr.js's), and any IPv6 form that carries such an IPv4
 * address: mapped (::ffff:127.0.0.1), compatible (::127.0.0.1), translated
 * (::ffff:0:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::).
 * Tunnels that hide their endpoint (Teredo, local-use NAT64) are refused
 * outright. Anything that is not an IP address is non-public.
 */
export function isNonPublicAddress(address: string): boolean {
  const text = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(text)) return true;
  const ip = ipaddr.parse(text);
  if (ip.kind() === 'ipv4') return ip.range() !== 'unicast';
  const embedded = embeddedIPv4(ip as ipaddr.IPv6);
  if (embedded === 'hidden') return true;
  return (embedded ?? ip).range() !== 'unicast';
}

/** The IPv4 address an IPv6 address stands for, 'hidden' when a tunnel hides it, null when none. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | 'hidden' | null {
  const [p0, p1, p2, p3, p4, p5, p6, p7] = ip.parts as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fromParts = (high: number, low: number) =>
    new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const range = ip.range();
  // ::/96, the deprecated "IPv4-compatible" form; ipaddr.js calls it unicast. (:: and ::1 land in 0.0.0.0/8.)
  if (p0 === 0 && p1 === 0 && p2 === 0 && p3 === 0 && p4 === 0 && p5 === 0) return fromParts(p6, p7);
  if (range === 'ipv4Mapped' || range === 'rfc6145') return fromParts(p6, p7);
  if (range === 'rfc6052') return p2 === 0 && p3 === 0 && p4 === 0 && p5 === 0 ? fromParts(p6, p7) : 'hidden';
  if (range === '6to4') return fromParts(p1, p2);
  if (range === 'teredo') return 'hidden';
  return null;
}

export const webhookFormSchema = z.object({
  brandSlug: brandSlugSchema,
  url: z
    .string({ error: fieldMessage('webhook_url_required') })
    .trim()
    .max(500, fieldMessage('webhook_url_max', { max: 500 }))
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, fieldMessage('webhook_url_http')),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, fieldMessage('webhook_events_required')),
});

export const removeWebhookSchema = z.object({ brandSlug: brandSlugSchema, webhookId: recordIdSchema });
