/**
 * Queries on the write path, built by drizzle once instead of on every call.
 *
 * drizzle turns a query builder into SQL text on every execution: for the
 * statements of a published fail that was about 0.9 ms of the server's 5 ms
 * per fail (`npm run bench:profile-writes`, timed per statement), the insert
 * of a post alone 0.27 ms. A query written with `sql.placeholder()` for its
 * values and built once gives the same text every time; only the values
 * change. `builtOnce` keeps that built query (drizzle's prepared query, which
 * also knows how to map the result) and runs it on whatever handle it is
 * given — the pool or a transaction — by handing it that handle's client.
 *
 * That last step uses one field of drizzle 0.45's prepared queries that is not
 * in its types (`client`, set by the constructor of both drivers' prepared
 * queries, PGlite's and postgres.js's): `test/integration/built-once.test.ts`
 * runs a built-once query inside a transaction that then rolls back, so an
 * upgrade that changed it fails there, not in production. The text is built
 * per driver (a process may open PGlite and PostgreSQL, as tests do).
 */
import type { Db } from './client.ts';

interface PreparedLike<Result> {
  execute(values?: Record<string, unknown>): Promise<Result>;
}

interface Preparable<Result> {
  prepare(name: string): PreparedLike<Result>;
}

/** The drizzle session behind a handle (`PgDatabase.session`, internal in its types). */
interface SessionOf {
  session: { client: unknown };
}

/**
 * `build(db)` is called once per driver with the first handle seen, and must use
 * `sql.placeholder(name)` for everything that varies; the function returned runs
 * the built query on any handle with the given values. Placeholders in `values()`
 * and `set()` are encoded as their column is; one in a condition is sent as given,
 * so a time goes there as ISO text.
 */
export function builtOnce<Values extends Record<string, unknown>, Result>(
  name: string,
  build: (db: Db) => Preparable<Result>,
): (db: Db, values: Values) => PromiseLike<Result> {
  const perDriver = new Map<unknown, PreparedLike<Result>>();
  return (db, values) =>
    new SentWhenAwaited(() => {
      const { session } = db as unknown as SessionOf;
      const driver = session.constructor;
      let built = perDriver.get(driver);
      if (!built) {
        built = build(db).prepare(name);
        perDriver.set(driver, built);
      }
      // The built query with this handle's client: a transaction's, or the pool's.
      const bound = Object.create(built) as PreparedLike<Result> & { client: unknown };
      bound.client = session.client;
      return bound.execute(values);
    });
}

/**
 * Sent when first awaited, as drizzle's own queries are: statements started together
 * (`Promise.all`) go out in the order they are listed, which the write path relies on
 * (decision 017; test/integration/write-statements.test.ts).
 */
class SentWhenAwaited<Result> implements PromiseLike<Result> {
  #sent: Promise<Result> | null = null;
  readonly #send: () => Promise<Result>;
  constructor(send: () => Promise<Result>) {
    this.#send = send;
  }

  then<Fulfilled = Result, Rejected = never>(
    onFulfilled?: ((value: Result) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    this.#sent ??= this.#send();
    return this.#sent.then(onFulfilled, onRejected);
  }
}
