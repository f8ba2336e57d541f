/**
 * Every statement the app sends to PostgreSQL as a prepared statement of its
 * connection, so that it costs one round trip instead of two (decision 017).
 *
 * drizzle's postgres-js driver passes `prepare: false` with every query that
 * was not given a name (drizzle-team/drizzle-orm#6096). postgres.js then sends
 * a query with parameters in two steps: Parse and Describe, a wait for the
 * server to say the parameters' types, then Bind and Execute — and, while it
 * waits, sends nothing else on that connection. Prepared, a statement that
 * the connection has run before is Bind and Execute alone: one round trip, no
 * parsing, and statements issued together travel together (pipelining). The
 * first run of each statement on a connection still describes it first.
 *
 * The pages' plans stay what they were: the connections are opened with
 * `plan_cache_mode = force_custom_plan` (see `PREPARED_CONNECTION_PARAMETERS`),
 * so every execution is still planned for its own parameters, as an unnamed
 * statement is; only parsing is saved. A generic plan, reused whatever the
 * parameters, could read a small brand the way it reads the largest one.
 * Transactions, and the commands' own connections, plan by PostgreSQL's rule
 * instead (db/plan-cache-mode.ts).
 *
 * Each connection keeps the statements it prepared until it closes: their
 * number is bounded by the app's queries (a statement's text varies only with
 * how many rows it carries), and postgres.js renews connections
 * (`max_lifetime`, 30 to 60 minutes by default).
 */
import type postgres from 'postgres';
import { beginWithoutWaiting } from './pipelined-begin.ts';
import { COMMAND_PLAN_CACHE_MODE, READ_PLAN_CACHE_MODE } from './plan-cache-mode.ts';

/** Connection parameters that keep prepared statements planned per execution, as unnamed ones are. */
export const PREPARED_CONNECTION_PARAMETERS = { plan_cache_mode: READ_PLAN_CACHE_MODE } as const;

/** The commands' connections (`DatabaseHandle.commands`): PostgreSQL's own rule, generic plans once no dearer. */
export const COMMAND_CONNECTION_PARAMETERS = { plan_cache_mode: COMMAND_PLAN_CACHE_MODE } as const;

type Sql = postgres.Sql<Record<string, never>>;
type TransactionSql = postgres.TransactionSql<Record<string, never>>;
type UnsafeOptions = Parameters<Sql['unsafe']>[2];

/** `client` (or a transaction's client), with every `unsafe` query prepared, including in transactions. */
export function preparingStatements<T extends Sql | TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: unknown[], options?: UnsafeOptions) =>
          target.unsafe(query, parameters as never, { ...options, prepare: true });
      }
      if (property === 'begin' && 'reserve' in target) {
        // A transaction of the pool: its BEGIN goes with its first statements (db/pipelined-begin.ts).
        return (...args: unknown[]) => {
          const body = args.pop() as (sql: TransactionSql) => Promise<unknown>;
          if (args.length > 0) {
            // With options (isolation level…): postgres.js's own, which waits for BEGIN.
            const method = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
            return method.call(target, ...args, (sql: TransactionSql) => body(preparingStatements(sql)));
          }
          return beginWithoutWaiting(
            target as Sql,
            (handle) => body(handle as unknown as TransactionSql),
            (options) => ({ ...options, prepare: true }),
          );
        };
      }
      if (property === 'begin' || property === 'savepoint') {
        // drizzle runs a transaction's queries on the client postgres.js hands to its callback.
        return (...args: unknown[]) => {
          const body = args.pop() as (sql: TransactionSql) => unknown;
          const method = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
          return method.call(target, ...args, (sql: TransactionSql) => body(preparingStatements(sql)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
