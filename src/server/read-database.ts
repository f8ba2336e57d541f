/**
 * Which database a read goes to (decision 010). Writes, and reads that must
 * see one's own writes (anything signed in: the page after a post, the account
 * page after a change, the session made at log-in), use the primary. Pages that
 * signed-out readers see may read a streaming replica (`DATABASE_READ_URL`).
 *
 * Those pages are what the shared page cache stores, and a replica lags: a
 * change evicts a page the moment the primary's notification arrives, and a
 * re-render reading a replica that has not replayed the change yet would put
 * the old page back in the cache for its whole life. So every notification
 * fetches the primary's WAL position (after the commit, since notifications
 * are delivered on commit), and a render uses the replica only once the
 * replica has replayed up to the latest such position; it waits for that at
 * most `REPLICA_WAIT_MILLISECONDS`, then reads the primary instead.
 */
import type { Database, DatabaseHandle } from '../../db/client.ts';
import { currentWalPosition, replayedWalPosition } from '../../db/queries/replication.ts';

/** Longest a render waits for the replica to catch up before it reads the primary instead. */
export const REPLICA_WAIT_MILLISECONDS = 250;
/** Interval between two looks at the replica's replay position while waiting. */
const REPLICA_POLL_MILLISECONDS = 5;

export interface ReplicaFenceOptions {
  /** The primary's WAL position now. */
  primaryPosition(): Promise<bigint>;
  /** How far the replica has replayed (null: nothing yet). */
  replicaPosition(): Promise<bigint | null>;
  maxWaitMilliseconds: number;
  pollMilliseconds: number;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** How many renders read the replica at once, waited for it, or fell back to the primary. */
interface ReplicaFenceCounts {
  current: number;
  waited: number;
  fellBack: number;
}

export class ReplicaFence {
  /** The primary's position after the last change heard of; null when it could not be read. */
  private target: Promise<bigint | null> = Promise.resolve(null);
  /** A fetch of the primary's position is queued and not yet sent: a new change needs no other. */
  private queued = false;
  /** The furthest position the replica was seen to have replayed (replay only moves forward). */
  private replayed = -1n;
  private probe: Promise<void> | null = null;
  readonly counts: ReplicaFenceCounts = { current: 0, waited: 0, fellBack: 0 };

  private readonly options: ReplicaFenceOptions;

  constructor(options: ReplicaFenceOptions) {
    this.options = options;
    this.noteChange();
  }

  /**
   * A change was committed on the primary (its notification arrived), or notifications may have
   * been missed: the replica must reach the primary's position as of now before it serves a render.
   */
  noteChange(): void {
    if (this.queued) return;
    this.queued = true;
    this.target = this.target
      .then(() => {
        // From here on a new change needs a new fetch: this one may be sent before it committed.
        this.queued = false;
        return this.options.primaryPosition();
      })
      .catch(() => null);
  }

  /** Whether a render starting now may read the replica: it has replayed every change heard of. */
  async replicaIsCurrent(): Promise<boolean> {
    const startedAt = Date.now();
    const target = await Promise.race([
      this.target,
      sleep(this.options.maxWaitMilliseconds).then(() => null),
    ]);
    if (target === null) return this.fallBack();
    if (this.replayed >= target) {
      this.counts.current++;
      return true;
    }
    for (;;) {
      // A replica that does not answer (a connection that hangs) costs no more than the wait.
      const remaining = this.options.maxWaitMilliseconds - (Date.now() - startedAt);
      await Promise.race([this.readReplicaPosition(), sleep(Math.max(remaining, 0))]);
      if (this.replayed >= target) {
        this.counts.waited++;
        return true;
      }
      if (Date.now() - startedAt >= this.options.maxWaitMilliseconds) return this.fallBack();
      await sleep(this.options.pollMilliseconds);
    }
  }

  private fallBack(): false {
    this.counts.fellBack++;
    return false;
  }

  /** One look at the replica shared by every render waiting at that moment. */
  private readReplicaPosition(): Promise<void> {
    this.probe ??= this.options
      .replicaPosition()
      .then((position) => {
        if (position !== null && position > this.replayed) this.replayed = position;
      })
      .catch(() => {})
      .finally(() => {
        this.probe = null;
      });
    return this.probe;
  }
}

const fences = new WeakMap<DatabaseHandle, ReplicaFence>();

function fenceOf(handle: DatabaseHandle & { replica: Database }): ReplicaFence {
  let fence = fences.get(handle);
  if (!fence) {
    const replica = handle.replica;
    fence = new ReplicaFence({
      primaryPosition: () => currentWalPosition(handle.db),
      replicaPosition: () => replayedWalPosition(replica),
      maxWaitMilliseconds: REPLICA_WAIT_MILLISECONDS,
      pollMilliseconds: REPLICA_POLL_MILLISECONDS,
    });
    fences.set(handle, fence);
  }
  return fence;
}

/** Called by the changes listener for every notification, and whenever listening (re)starts. */
export function noteChangeForReplica(handle: DatabaseHandle): void {
  if (handle.replica) fenceOf(handle as DatabaseHandle & { replica: Database }).noteChange();
}

/** The database a signed-out render reads: the replica when it is current, else the primary. */
export async function publicReadDatabase(handle: DatabaseHandle): Promise<Database> {
  if (!handle.replica) return handle.db;
  const fenced = handle as DatabaseHandle & { replica: Database };
  return (await fenceOf(fenced).replicaIsCurrent()) ? fenced.replica : fenced.db;
}

/** The handle a page reads with: the one the middleware chose (`locals.readDb`), else the primary. */
export function readDatabase(locals: Pick<App.Locals, 'db' | 'readDb'>): Database {
  return locals.readDb ?? locals.db;
}
