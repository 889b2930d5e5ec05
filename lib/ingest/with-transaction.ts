import type pg from "pg";
import { isStorageUnavailable } from "@/lib/db-errors";

const DEADLOCK = "40P01";
const SERIALIZATION = "40001";
const MAX_ATTEMPTS = 4;

/**
 * Runs `work` in one transaction, retrying deadlocks and serialisation
 * failures (nothing of a failed attempt is kept). An unreachable database
 * is left to toAppError, which answers 503 with Retry-After.
 */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
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
