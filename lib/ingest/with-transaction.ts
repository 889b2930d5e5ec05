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
 * Runs `work` on one connection, in one transaction when `begin` (then
 * `work` ends with its COMMIT), else as one statement, which is atomic by
 * itself. Deadlocks and serialisation failures are retried (nothing of a
 * failed attempt is kept). An unreachable database is left to toAppError,
 * which answers 503 with Retry-After.
 */
async function atomically<T>(pool: pg.Pool, begin: boolean, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      const result = begin ? await inTransaction(client, work) : await work(client);
      client.release();
      return result;
    } catch (err) {
      if (client) {
        if (begin) await client.query("ROLLBACK").catch(() => undefined);
        client.release(isStorageUnavailable(err) ? (err as Error) : undefined);
      }
      const code = (err as { code?: string }).code;
      if ((code === DEADLOCK || code === SERIALIZATION) && attempt < MAX_ATTEMPTS) continue;
      throw err;
    }
  }
}

/** Runs `work` in one transaction (see atomically for retries and failures). */
export function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return atomically(pool, true, async (client) => {
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  });
}

/** Runs `work`, a single statement, with the retries of withTransaction (a statement is a transaction of its own). */
export function withStatement<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return atomically(pool, false, work);
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
