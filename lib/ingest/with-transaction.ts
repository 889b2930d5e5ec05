import type pg from "pg";
import { isStorageUnavailable } from "@/lib/db-errors";

const DEADLOCK = "40P01";
const SERIALIZATION = "40001";
const MAX_ATTEMPTS = 4;

type Corked = { connection: { stream: { cork(): void; uncork(): void } } };

/**
 * Runs `send`, which sends statements without waiting for their answers,
 * with the client's socket corked: on a pipelined connection (pipelinedPool)
 * they go out in one write, and PostgreSQL answers them in one round trip.
 */
export function sentTogether<T>(client: pg.PoolClient, send: () => T): T {
  const { stream } = (client as unknown as Corked).connection;
  stream.cork();
  try {
    return send();
  } finally {
    stream.uncork();
  }
}

/** BEGIN, then `work`: on a pipelined connection BEGIN goes out with work's first statement (and if it fails, so does that statement). */
async function inTransaction<T>(client: pg.PoolClient, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  if (!client.pipeline) {
    await client.query("BEGIN");
    return work(client);
  }
  const [, result] = await sentTogether(client, () => Promise.all([client.query("BEGIN"), work(client)]));
  return result;
}

/**
 * `work`, or a storage-unavailable error (code ETIMEDOUT: a 503 with
 * Retry-After) once `timeoutMs` pass without it settling: a hung database (a
 * partition, a stuck server) gives no error of its own to answer with.
 */
function within<T>(work: Promise<T>, timeoutMs: number | undefined): Promise<T> {
  if (timeoutMs === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`PostgreSQL did not answer within ${timeoutMs} ms`), { code: "ETIMEDOUT" })), timeoutMs);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/**
 * Runs `work` on one connection, in one transaction when `begin` (then
 * `work` ends with its COMMIT), else as one statement, which is atomic by
 * itself. Deadlocks and serialisation failures are retried (nothing of a
 * failed attempt is kept). An unreachable or hung database is left to
 * toAppError, which answers 503 with Retry-After: its connection is
 * destroyed, not rolled back (a ROLLBACK would wait on it too), which rolls
 * back an open transaction on the server. A transaction whose COMMIT was
 * already sent may still commit: the client was not told it did, and its
 * retry is idempotent.
 */
async function atomically<T>(pool: pg.Pool, begin: boolean, work: (client: pg.PoolClient) => Promise<T>, timeoutMs?: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      const result = await within(begin ? inTransaction(client, work) : work(client), timeoutMs);
      client.release();
      return result;
    } catch (err) {
      if (client) {
        const unavailable = isStorageUnavailable(err);
        if (begin && !unavailable) await client.query("ROLLBACK").catch(() => undefined);
        client.release(unavailable ? (err as Error) : undefined);
      }
      const code = (err as { code?: string }).code;
      if ((code === DEADLOCK || code === SERIALIZATION) && attempt < MAX_ATTEMPTS) continue;
      throw err;
    }
  }
}

/** Runs `work` in one transaction (see atomically for retries, failures and `timeoutMs`). */
export function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, timeoutMs?: number): Promise<T> {
  return atomically(
    pool,
    true,
    async (client) => {
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    },
    timeoutMs,
  );
}

/** Runs `work`, a single statement, with the retries of withTransaction (a statement is a transaction of its own). */
export function withStatement<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, timeoutMs?: number): Promise<T> {
  return atomically(pool, false, work, timeoutMs);
}

/**
 * As withTransaction, for work whose last statement goes out with the COMMIT
 * (in one write on a pipelined connection), one round trip less while the
 * transaction holds its locks: `work` returns its result and a function that
 * sends that statement (client.query, not awaited). When the statement
 * fails, PostgreSQL answers the COMMIT with a rollback and the statement's
 * error is thrown.
 */
export function withTransactionEndingIn<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<[T, () => Promise<unknown>]>): Promise<T> {
  return atomically(pool, true, async (client) => {
    const [result, sendLast] = await work(client);
    await sentTogether(client, () => Promise.all([sendLast(), client.query("COMMIT")]));
    return result;
  });
}
