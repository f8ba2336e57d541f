/**
 * Who adds to a brand's figures, and when (decisions 004, 012 and 016): the
 * advisory locks that let any number of writers share the brand's figures
 * while one of them adds, and the queue where the others leave their change.
 * A writer's whole turn — share, try to add, then queue its change or take
 * the queue — is one statement (`takeTurnOrQueue`), as every write sends it.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client.ts';
import { lockWindowRows, type PostDelta } from './stat-deltas.ts';

// Arbitrary, fixed first keys of transaction-scoped advisory locks (the second is the brand id).
const BRAND_FIGURES_LOCK = 7_236_408;
const BRAND_FIGURES_ADDER_LOCK = 7_236_409;

const share = (brandId: number) =>
  sql`select pg_advisory_xact_lock_shared(${BRAND_FIGURES_LOCK}::int, ${brandId}::int)`;

/**
 * A writer's share of the brand's figures, until the transaction ends: any number of writers hold
 * it at once; it only waits while a refresher or a rebuild holds them alone.
 */
export async function shareBrandFigures(db: Db, brandId: number): Promise<void> {
  await db.execute(share(brandId));
}

/**
 * The brand's figures for this transaction alone (the refresher, a rebuild, a merge): waits for the
 * writers holding a share to commit, and holds new ones back until this transaction ends.
 */
export async function holdBrandFiguresAlone(db: Db, brandId: number): Promise<void> {
  await takeBrandFiguresAlone(db, brandId);
  await lockWindowRows(db, brandId);
}

/**
 * `holdBrandFiguresAlone` without locking the rows: for the refresher's rare rebuild of a brand
 * (`rebuildAlone` in src/server/statistics.ts), which rewrites the rows from the posts anyway.
 */
export async function takeBrandFiguresAlone(db: Db, brandId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${BRAND_FIGURES_LOCK}::int, ${brandId}::int)`);
}

/**
 * True when this writer may add to the brand's rows now (no other writer is adding until this
 * transaction ends); false at once, without waiting, when another is. Call it holding a share.
 */
export async function tryToAddToBrandFigures(db: Db, brandId: number): Promise<boolean> {
  const [row] = rowsOf<{ adding: boolean }>(
    await db.execute(
      sql`select pg_try_advisory_xact_lock(${BRAND_FIGURES_ADDER_LOCK}::int, ${brandId}::int) as adding`,
    ),
  );
  return Boolean(row?.adding);
}

/**
 * The brand's adding turn as a writer holds it (a share, then the adding lock), waited for: the
 * refresher's own additions. One statement: the inner select (`offset 0` keeps it a separate step)
 * takes the share before the outer one waits for the turn.
 */
export async function waitForAddingTurn(db: Db, brandId: number): Promise<void> {
  await db.execute(sql`
    select pg_advisory_xact_lock(${BRAND_FIGURES_ADDER_LOCK}::int, ${brandId}::int)
    from (${share(brandId)} offset 0) shared`);
}

export type QueuedRow = { id: number | string; delta: Record<string, unknown> };

/** Queued changes as rows come back, in the order they were queued. */
export function toDeltas(rows: readonly QueuedRow[]): PostDelta[] {
  return [...rows]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((row) => {
      const delta = row.delta as unknown as PostDelta & { createdAt: string };
      return { ...delta, createdAt: new Date(delta.createdAt) };
    });
}

/** JSON columns come back parsed from PGlite and as text from some postgres-js paths. */
export const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * A writer's turn at the brand's figures, in one statement: it takes a share of them (waiting only
 * while a refresher or a rebuild holds them alone), then tries the adding lock without waiting.
 * With it, the changes queued so far are removed and returned, oldest first, for this writer to
 * add with its own before it commits; without it, `delta` is queued for the next one that adds.
 *
 * The queue is read in the statement's snapshot, taken before any wait for the share: changes
 * queued by writers that committed during that wait stay queued for the next adder or the
 * refresher; those already taken by a refresher meanwhile are deleted, so skipped here.
 */
export async function takeTurnOrQueue(
  db: Db,
  brandId: number,
  delta: PostDelta,
): Promise<{ adding: true; queued: PostDelta[] } | { adding: false }> {
  const [row] = rowsOf<{ adding: boolean; taken: unknown }>(
    await db.execute(sql`
      with turn as (
        select pg_try_advisory_xact_lock(${BRAND_FIGURES_ADDER_LOCK}::int, ${brandId}::int) as adding
        from (${share(brandId)} offset 0) shared
      ), queued as (
        insert into queued_stat_deltas (brand_id, delta)
        select ${brandId}, ${JSON.stringify({ ...delta, createdAt: delta.createdAt.toISOString() })}::jsonb
        from turn where not turn.adding
      ), taken as (
        delete from queued_stat_deltas q using turn
        where q.brand_id = ${brandId} and turn.adding
        returning q.id, q.delta
      )
      select (select adding from turn) as adding,
        (select coalesce(json_agg(json_build_object('id', id, 'delta', delta)), '[]') from taken) as taken`),
  );
  if (!row?.adding) return { adding: false };
  return { adding: true, queued: toDeltas(parsed<QueuedRow[]>(row.taken)) };
}

/** The statement that removes the brand's queued changes and returns them (`QueuedRow`s). */
export const takeQueue = (brandId: number) =>
  sql`delete from queued_stat_deltas where brand_id = ${brandId} returning id, delta`;

/**
 * Removes and returns the brand's queued changes that this transaction sees, oldest first; the
 * caller adds them before it commits (the removal is undone with it otherwise).
 */
export async function takeQueuedDeltas(db: Db, brandId: number): Promise<PostDelta[]> {
  const rows = rowsOf<QueuedRow>(await db.execute(takeQueue(brandId)));
  return toDeltas(rows.map((row) => ({ id: row.id, delta: parsed(row.delta) })));
}

/** Forgets the brand's queued changes (or everyone's): a rebuild counts them from the posts. */
export async function dropQueuedDeltas(db: Db, brandId: number | null): Promise<void> {
  await db.execute(
    brandId === null
      ? sql`delete from queued_stat_deltas`
      : sql`delete from queued_stat_deltas where brand_id = ${brandId}`,
  );
}
