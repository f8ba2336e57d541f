/**
 * How PostgreSQL plans the app's prepared statements (decision 017, amended).
 *
 * Outside transactions (the pages' reads) every execution is planned for its own parameters
 * (`force_custom_plan`, a connection parameter): a generic plan, reused whatever the parameters,
 * could read a small brand the way it reads the largest one.
 *
 * Inside a transaction (the writes, the figures refresher, the maintenance) PostgreSQL's own rule
 * applies (`auto`): custom plans for a statement's first five runs on a connection, then the generic
 * plan whenever it is estimated no dearer than they were. A write's statements (inserts, point reads
 * by id, advisory locks, the figures' deltas) have the same plan whatever their parameters, and
 * planning them again at every run was about a third of PostgreSQL's CPU per published fail
 * (`perf record` under `npm run bench:profile-writes`: `standard_planner` 7 % of all samples,
 * `PostgresMain` 26 %).
 */
export const READ_PLAN_CACHE_MODE = 'force_custom_plan';

/**
 * The connections of requests that change data (`DatabaseHandle.commands`): PostgreSQL's own rule
 * outside transactions too. Their statements outside a transaction are point reads by a key (the
 * session, the brand by its slug); the session's read alone was planned in about 0.35 ms at every
 * form post for an execution of 0.04 ms (pg_stat_statements with `track_planning`, under
 * `npm run bench:profile-writes` on a million posts).
 */
export const COMMAND_PLAN_CACHE_MODE = 'auto';

/** Sent behind each transaction's BEGIN (db/pipelined-begin.ts); ends with the transaction. */
export const TRANSACTION_PLAN_CACHE_MODE = "set local plan_cache_mode = 'auto'";
