// The one PostgreSQL pool of the process, shared by Prisma (ordinary reads and
// writes) and raw pg (bulk inserts, rollup upserts, the machine fast path).
// Kept on globalThis: the Next.js bundle and the node:http fast path load this
// module separately in the same process and must not open two pools.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// NUMERIC and INT8 come back as strings: exact money and big counts.
function createPrisma(pool: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    // secrets never leave the database by accident
    omit: { apiKey: { keyHash: true }, user: { passwordHash: true }, webhook: { secret: true } },
  });
}

export type Prisma = ReturnType<typeof createPrisma>;
type Db = { pool: pg.Pool; prisma: Prisma; pipelined?: pg.Pool; probe?: pg.Pool };

const holder = globalThis as unknown as { __finopsDb?: Db; __finopsDbActivity?: number };

function markActivity(): void {
  holder.__finopsDbActivity = Date.now();
}

/**
 * When PostgreSQL last did something for this process (a connection made or
 * a client given back after its query): a busy database keeps this fresh, a
 * hung one does not.
 */
export function lastDbActivity(): number {
  return holder.__finopsDbActivity ?? 0;
}

function newPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, connectionTimeoutMillis: 5_000, ...config });
  // An idle client losing its connection must not crash the process.
  pool.on("error", (err) => console.error("postgres pool error:", err.message));
  // Nor a client losing it while checked out (a query hung, then the connection dropped): the pool
  // listens only to idle clients, and the error already fails that client's queries.
  pool.on("connect", (client) => client.on("error", () => undefined));
  pool.on("connect", markActivity);
  pool.on("release", markActivity);
  return pool;
}

function connect(): Db {
  const pool = newPool({ max: env().DATABASE_POOL_SIZE });
  return { pool, prisma: createPrisma(pool) };
}

function db(): Db {
  holder.__finopsDb ??= connect();
  return holder.__finopsDb;
}

export function pool(): pg.Pool {
  return db().pool;
}

export function prisma(): Prisma {
  return db().prisma;
}

/**
 * A small second pool whose connections pipeline (pg's pipeline mode): a
 * statement goes out without waiting for the answer to the one before, so
 * statements sent together (sentTogether) share one write and one round
 * trip. For short transactions whose statements do not depend on each
 * other's answers (reserving policy checks); not for Prisma or cursors.
 */
export function pipelinedPool(): pg.Pool {
  const current = db();
  current.pipelined ??= newPool({ max: 4, pipeline: true });
  return current.pipelined;
}

/**
 * One connection for liveness probes (lib/policy/storage-probe.ts), apart
 * from the pools, whose connections a busy database may all keep occupied.
 * A probe that gets no answer within a second fails and its connection is
 * dropped (the pool discards a client whose query failed).
 */
export function probePool(): pg.Pool {
  const current = db();
  current.probe ??= newPool({ max: 1, query_timeout: 1_000 });
  return current.probe;
}

/** Closes the pool (graceful shutdown, scripts, tests). */
export async function closeDb(): Promise<void> {
  const current = holder.__finopsDb;
  holder.__finopsDb = undefined;
  if (current) {
    await current.prisma.$disconnect();
    if (!current.pool.ended) await current.pool.end();
    for (const extra of [current.pipelined, current.probe]) if (extra && !extra.ended) await extra.end();
  }
}

/**
 * One read-only statement with work_mem raised for its transaction: the
 * aggregates of long analytics ranges (hundreds of thousands of groups)
 * then hash in memory instead of spilling to disk, without raising the
 * limit of every connection.
 */
export async function queryWithWorkMem<R extends pg.QueryResultRow>(text: string, values: unknown[], workMemMb = 32): Promise<pg.QueryResult<R>> {
  const client = await pool().connect();
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL work_mem = '${Math.floor(workMemMb)}MB'`);
    const result = await client.query<R>(text, values);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
