/** Brand webhooks and their delivery log. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { webhookDeliveries, webhooks } from '../schema.ts';

export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export async function insertWebhook(db: Db, row: typeof webhooks.$inferInsert): Promise<WebhookRow> {
  const [webhook] = await db.insert(webhooks).values(row).returning();
  return webhook!;
}

export function listWebhooks(db: Db, brandId: number) {
  return db.select().from(webhooks).where(eq(webhooks.brandId, brandId)).orderBy(webhooks.id);
}

export async function deleteWebhook(db: Db, brandId: number, id: number): Promise<boolean> {
  const deleted = await db
    .delete(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.brandId, brandId)))
    .returning({ id: webhooks.id });
  return deleted.length > 0;
}

/**
 * Queues one delivery of `payload` per active webhook of the brand subscribed to `event`, and the
 * job that sends each (`jobType`): one statement, however many webhooks the brand has.
 */
export async function queueDeliveries(
  db: Db,
  delivery: {
    brandId: number;
    event: string;
    payload: Record<string, unknown>;
    now: Date;
    jobType: string;
    maxAttempts: number;
  },
): Promise<void> {
  const now = delivery.now.toISOString();
  await db.execute(sql`
    with queued as (
      insert into webhook_deliveries (webhook_id, event, payload, next_attempt_at, created_at)
      select id, ${delivery.event}, ${JSON.stringify(delivery.payload)}::jsonb, ${now}::timestamptz, ${now}::timestamptz
      from webhooks
      where brand_id = ${delivery.brandId} and active and ${delivery.event} = any(events)
      returning id
    )
    insert into jobs (type, payload, run_at, max_attempts, created_at)
    select ${delivery.jobType}, jsonb_build_object('deliveryId', queued.id), ${now}::timestamptz,
      ${delivery.maxAttempts}::int, ${now}::timestamptz
    from queued`);
}

export async function insertDelivery(
  db: Db,
  row: typeof webhookDeliveries.$inferInsert,
): Promise<DeliveryRow> {
  const [delivery] = await db.insert(webhookDeliveries).values(row).returning();
  return delivery!;
}

export async function findDelivery(db: Db, id: number) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, webhook: webhooks })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, id))
    .limit(1);
  return row ?? null;
}

export async function recordAttempt(
  db: Db,
  id: number,
  changes: Partial<typeof webhookDeliveries.$inferInsert>,
) {
  await db
    .update(webhookDeliveries)
    .set({ ...changes, attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(eq(webhookDeliveries.id, id));
}

/** The last deliveries of a brand's webhooks, for its settings page. */
export function recentDeliveries(db: Db, brandId: number, limit = 20) {
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      attempts: webhookDeliveries.attempts,
      responseStatus: webhookDeliveries.responseStatus,
      error: webhookDeliveries.error,
      deliveredAt: webhookDeliveries.deliveredAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
      url: webhooks.url,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhooks.brandId, brandId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/** The brand of each delivery, so the job runner can limit how many of one brand run at once. */
export async function brandsOfDeliveries(db: Db, deliveryIds: number[]): Promise<Map<number, number>> {
  if (deliveryIds.length === 0) return new Map();
  const rows = await db
    .select({ deliveryId: webhookDeliveries.id, brandId: webhooks.brandId })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(inArray(webhookDeliveries.id, deliveryIds));
  return new Map(rows.map((row) => [row.deliveryId, row.brandId]));
}
