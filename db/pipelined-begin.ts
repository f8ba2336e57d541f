/**
 * A transaction whose `begin` travels with its first statements.
 *
 * postgres.js's `sql.begin(fn)` sends BEGIN and waits for its answer before it
 * calls `fn`: one round trip that carries nothing, in every write (a published
 * fail was seven round trips from its session read to its commit, this one of
 * them). Here the transaction reserves a connection (no round trip when one is
 * idle), sends BEGIN without waiting, and runs `fn` at once: its first
 * statements follow BEGIN on the same connection, which runs them in order.
 *
 * What postgres.js's own `begin` guarantees is kept:
 * - a statement that failed inside the transaction fails the transaction,
 *   even if `fn` caught its error (PostgreSQL would answer COMMIT of an
 *   aborted transaction with a silent ROLLBACK): the first error is rethrown
 *   and the transaction rolled back;
 * - `fn` throwing rolls back and rethrows;
 * - the connection goes back to the pool whatever happens.
 * Savepoints (drizzle's nested transactions) are statements on the same connection.
 *
 * `test/integration/pipelined-begin.test.ts` checks each on PostgreSQL.
 */
import type postgres from 'postgres';
import { TRANSACTION_PLAN_CACHE_MODE } from './plan-cache-mode.ts';

type Sql = postgres.Sql<Record<string, never>>;
type ReservedSql = postgres.ReservedSql<Record<string, never>>;
type UnsafeOptions = Parameters<Sql['unsafe']>[2];

/** The handle a transaction's body gets: `unsafe` (all drizzle uses) and `savepoint`. */
export interface TransactionHandle {
  unsafe: (
    query: string,
    parameters?: unknown[],
    options?: UnsafeOptions,
  ) => ReturnType<ReservedSql['unsafe']>;
  savepoint: <T>(body: (handle: TransactionHandle) => Promise<T>) => Promise<T>;
}

/** Remembers the first error of the statements of one scope (the transaction, or a savepoint). */
class ScopeErrors {
  failed = false;
  first: unknown = null;
  note = (error: unknown) => {
    if (this.failed) return;
    this.failed = true;
    this.first = error;
  };
}

export async function beginWithoutWaiting<T>(
  client: Sql,
  body: (handle: TransactionHandle) => Promise<T>,
  prepare: (options: UnsafeOptions) => UnsafeOptions,
): Promise<T> {
  const reserved: ReservedSql = await client.reserve();
  let savepoints = 0;
  const handleFor = (errors: ScopeErrors): TransactionHandle => ({
    unsafe(query, parameters, options) {
      const pending = reserved.unsafe(query, parameters as never, prepare(options));
      // Every statement's failure fails its scope, whether or not its caller looks.
      pending.catch(errors.note);
      return pending;
    },
    async savepoint(inner) {
      const name = `s${++savepoints}`;
      const outer = handleFor(errors);
      await outer.unsafe(`savepoint ${name}`);
      const innerErrors = new ScopeErrors();
      try {
        const result = await inner(handleFor(innerErrors));
        if (innerErrors.failed) throw innerErrors.first;
        await outer.unsafe(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await outer.unsafe(`rollback to savepoint ${name}`);
        throw innerErrors.failed ? innerErrors.first : error;
      }
    },
  });
  const errors = new ScopeErrors();
  try {
    // Sent now; `body`'s statements queue behind it on this connection.
    const began = reserved.unsafe('begin');
    began.catch(errors.note);
    // A transaction's statements may reuse their plans (db/prepared-statements.ts): sent behind BEGIN.
    const planned = reserved.unsafe(TRANSACTION_PLAN_CACHE_MODE);
    planned.catch(errors.note);
    let result: T;
    try {
      result = await body(handleFor(errors));
      await began;
      await planned;
      if (errors.failed) throw errors.first;
    } catch (error) {
      await reserved.unsafe('rollback').catch(() => {});
      throw errors.failed ? errors.first : error;
    }
    await reserved.unsafe('commit');
    return result;
  } finally {
    reserved.release();
  }
}
