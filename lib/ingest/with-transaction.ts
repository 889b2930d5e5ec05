import type pg from "pg";
import { AppError } from "@/lib/http/errors";

const DEADLOCK = "40P01";
const SERIALIZATION = "40001";
const MAX_ATTEMPTS = 4;

/** Errors that mean PostgreSQL is not reachable (as opposed to a bad query). */
function isUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  if (e.code && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "57P01", "57P02", "57P03", "53300"].includes(e.code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message ?? "");
}

/**
 * Runs `work` in one transaction, retrying deadlocks and serialisation
 * failures (nothing of a failed attempt is kept). An unreachable database
 * becomes a 503 with Retry-After: nothing of the request was stored.
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
        client.release(isUnavailable(err) ? (err as Error) : undefined);
      }
      const code = (err as { code?: string }).code;
      if ((code === DEADLOCK || code === SERIALIZATION) && attempt < MAX_ATTEMPTS) continue;
      if (isUnavailable(err)) throw new AppError("storage_unavailable", "Storage is unavailable; nothing from this request was stored. Retry later.", undefined, 5);
      throw err;
    }
  }
}
