import type pg from "pg";
import { isStorageUnavailable } from "@/lib/db-errors";

const DEADLOCK = "40P01";
const SERIALIZATION = "40001";
const MAX_ATTEMPTS = 4;

/**
 * Runs `work` (which ends with its COMMIT) in one transaction, retrying
 * deadlocks and serialisation failures (nothing of a failed attempt is
 * kept). An unreachable database is left to toAppError, which answers 503
 * with Retry-After.
 */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      await client.query("BEGIN");
      const result = await work(client);
      client.release();
      return result;
    } catch (err) {
      if (client) {
        await client.query("ROLLBACK").catch(() => undefined);
        client.release(isStorageUnavailable(err) ? (err as Error) : undefined);
      }
      const code = (err as { code?: string }).code;
      if ((code === DEADLOCK || code === SERIALIZATION) && attempt < MAX_ATTEMPTS) continue;
      throw err;
    }
  }
}

/** Runs `work` in one transaction (see inTransaction for retries and failures). */
export function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  });
}

/**
 * As withTransaction, for work whose last statement goes out with the COMMIT
 * back to back, one round trip less while the transaction holds its locks:
 * `work` returns its result and that statement as client.query returned it
 * (sent, not awaited). When the statement fails, PostgreSQL answers the
 * COMMIT with a rollback and the statement's error is thrown.
 */
export function withTransactionEndingIn<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<[T, Promise<unknown>]>): Promise<T> {
  return inTransaction(pool, async (client) => {
    const [result, last] = await work(client);
    await Promise.all([last, client.query("COMMIT")]);
    return result;
  });
}
