/**
 * Sends one webhook delivery: refuses non-public targets (unless allowed),
 * signs the body, POSTs it with a timeout, and records the answer. Returns
 * whether the job runner should try again.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Db } from '../../db/client.ts';
import { findDelivery, recordAttempt } from '../../db/queries/webhooks.ts';
import {
  EVENT_HEADER,
  isNonPublicAddress,
  retryDelaySeconds,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
} from '../domain/webhooks.ts';

export interface DeliveryOptions {
  now: Date;
  /** Allow loopback and private networks (local development and tests only). */
  allowPrivateTargets: boolean;
  timeoutMs?: number;
}

export type DeliveryOutcome = { ok: true } | { ok: false; retry: boolean; error: string };

async function targetIsPublic(url: URL): Promise<boolean> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  return addresses.length > 0 && addresses.every((address) => !isNonPublicAddress(address));
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

  try {
    if (!options.allowPrivateTargets && !(await targetIsPublic(url))) {
      const error = 'Refused: the address is on a loopback or private network.';
      await recordAttempt(db, delivery.id, { error, nextAttemptAt: null });
      return { ok: false, retry: false, error };
    }
  } catch (error) {
    const message = `Could not resolve ${url.hostname}: ${(error as Error).message}`;
    await recordAttempt(db, delivery.id, { error: message, nextAttemptAt: retryAt });
    return { ok: false, retry: true, error: message };
  }

  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(options.now.getTime() / 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual', // a redirect could point at a private address
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'LikesAndFails-Webhooks/1',
        [EVENT_HEADER]: delivery.event,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(webhook.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const excerpt = (await response.text().catch(() => '')).slice(0, 500);
    if (response.ok) {
      await recordAttempt(db, delivery.id, {
        responseStatus: response.status,
        responseExcerpt: excerpt,
        error: null,
        deliveredAt: options.now,
        nextAttemptAt: null,
      });
      return { ok: true };
    }
    const error = `HTTP ${response.status}`;
    await recordAttempt(db, delivery.id, {
      responseStatus: response.status,
      responseExcerpt: excerpt,
      error,
      nextAttemptAt: retryAt,
    });
    return { ok: false, retry: true, error };
  } catch (error) {
    const message = (error as Error).name === 'TimeoutError' ? 'Timed out' : (error as Error).message;
    await recordAttempt(db, delivery.id, { error: message, nextAttemptAt: retryAt });
    return { ok: false, retry: true, error: message };
  }
}
