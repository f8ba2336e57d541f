/**
 * Sends one webhook delivery: resolves the target once, refuses it unless
 * every address is public (or the operator allows private targets), signs the
 * body and POSTs it to exactly the address that was checked (a second DNS
 * answer could point elsewhere: see pinned-post.ts), with a timeout, then
 * records the answer. Returns whether the job runner should try again.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Db } from '../../db/client.ts';
import { findDelivery, recordAttempt } from '../../db/queries/webhooks.ts';
import {
  deliveryErrorText,
  EVENT_HEADER,
  isNonPublicAddress,
  retryDelaySeconds,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
} from '../domain/webhooks.ts';
import { postToPinnedAddress } from './pinned-post.ts';

/** Every address a host name resolves to. */
export type Resolver = (hostname: string) => Promise<string[]>;

const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true })).map((entry) => entry.address);

export interface DeliveryOptions {
  now: Date;
  /** Allow loopback and private networks (local development and tests only). */
  allowPrivateTargets: boolean;
  timeoutMs?: number;
  /** The system's resolver unless a test injects one. */
  resolve?: Resolver;
}

export type DeliveryOutcome = { ok: true } | { ok: false; retry: boolean; error: string };

/** The one address to connect to, or null when the target is not public (and that is not allowed). */
async function checkedAddress(url: URL, options: DeliveryOptions): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const isLocalName = host === 'localhost' || host.endsWith('.localhost');
  if (isLocalName && !options.allowPrivateTargets) return null;
  const addresses = isIP(host) ? [host] : await (options.resolve ?? systemResolver)(host);
  if (addresses.length === 0) throw new Error('no address');
  if (!options.allowPrivateTargets && addresses.some(isNonPublicAddress)) return null;
  return addresses[0]!;
}

export async function deliverWebhook(
  db: Db,
  deliveryId: number,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const found = await findDelivery(db, deliveryId);
  if (!found) return { ok: false, retry: false, error: 'delivery no longer exists' };
  const { delivery, webhook } = found;
  const url = new URL(webhook.url);
  const attemptNumber = delivery.attempts + 1;
  const retryAt = new Date(options.now.getTime() + retryDelaySeconds(attemptNumber) * 1000);

  let address: string | null;
  try {
    address = await checkedAddress(url, options);
  } catch (error) {
    const message = deliveryErrorText({
      kind: 'unresolved',
      host: url.hostname,
      detail: (error as Error).message,
    });
    await recordAttempt(db, delivery.id, { error: message, nextAttemptAt: retryAt });
    return { ok: false, retry: true, error: message };
  }
  if (address === null) {
    const error = deliveryErrorText({ kind: 'private_address' });
    await recordAttempt(db, delivery.id, { error, nextAttemptAt: null });
    return { ok: false, retry: false, error };
  }

  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(options.now.getTime() / 1000);
  try {
    // Redirects are not followed: one could point at a private address.
    const response = await postToPinnedAddress(url, address, {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'LikesAndFails-Webhooks/1',
        [EVENT_HEADER]: delivery.event,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(webhook.secret, timestamp, body),
      },
      body,
      timeoutMs: options.timeoutMs ?? 10_000,
    });
    const { excerpt } = response;
    if (response.status >= 200 && response.status < 300) {
      await recordAttempt(db, delivery.id, {
        responseStatus: response.status,
        responseExcerpt: excerpt,
        error: null,
        deliveredAt: options.now,
        nextAttemptAt: null,
      });
      return { ok: true };
    }
    const error = deliveryErrorText({ kind: 'http', status: response.status });
    await recordAttempt(db, delivery.id, {
      responseStatus: response.status,
      responseExcerpt: excerpt,
      error,
      nextAttemptAt: retryAt,
    });
    return { ok: false, retry: true, error };
  } catch (error) {
    const message = (error as Error).message;
    await recordAttempt(db, delivery.id, { error: message, nextAttemptAt: retryAt });
    return { ok: false, retry: true, error: message };
  }
}
