// The rollups recounted from the events, for a database restored from a dump
// of another PostgreSQL server (npm run db:refold). The fold goes by
// transaction ids (compact-rollups.ts), and the restored ones belong to the
// old server: new events would get ids below the restored watermark, be
// taken as folded and be missing from every rollup. So the server refuses to
// start while the watermark is ahead of this server's ids (watermarkAhead),
// and the refold makes every stored event folded: rollups recounted from all
// events, re-pricing's deltas dropped (the events hold their new costs),
// ingest_xid cleared and the watermark set to this server's ids, in one
// transaction that ingest waits for (a transaction still running keeps its
// events unfolded, to be folded as usual).
import type pg from "pg";
import { withTransaction } from "@/lib/ingest/with-transaction";
import { COMPACTION_LOCK, FOLD_BELOW } from "./compact-rollups";
import { addToRollup, MEASURES_OF_EVENTS, ROLLUP_KEY } from "./rollup-columns";

const DIMENSIONS = ROLLUP_KEY.filter((c) => c !== "org_id" && c !== "bucket");
const groupBy = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(", ");
const recount = (table: string, key: readonly string[], bucket: string, from = "usage_events") =>
  addToRollup(table, key, `SELECT org_id, ${bucket}, ${key.slice(2).join(", ")}, ${MEASURES_OF_EVENTS.join(", ")} FROM ${from} GROUP BY ${groupBy(key.length)}`);

export const WATERMARK_AHEAD_SQL = `SELECT folded_below::text AS watermark, pg_snapshot_xmax(pg_current_snapshot())::text AS next_xid,
  folded_below > pg_snapshot_xmax(pg_current_snapshot()) AS ahead FROM rollup_watermark`;

const REFOLD_STATEMENTS = [
  // waits for the transactions storing events now; those that store theirs after it are counted by folds
  "LOCK TABLE usage_events IN SHARE ROW EXCLUSIVE MODE",
  "DELETE FROM usage_rollups_hourly",
  "DELETE FROM usage_rollups_daily",
  "DELETE FROM usage_rollups_customer_daily",
  "DELETE FROM usage_rollup_deltas",
  recount("usage_rollups_hourly", ROLLUP_KEY, "date_trunc('hour', ts, 'UTC')"),
  recount("usage_rollups_daily", ROLLUP_KEY, "date_trunc('day', ts, 'UTC')"),
  addToRollup(
    "usage_rollups_customer_daily",
    ["org_id", "bucket", "customer_id", ...DIMENSIONS],
    `SELECT e.org_id, date_trunc('day', e.ts, o.time_zone), coalesce(e.customer_id, ''), ${DIMENSIONS.map((c) => `e.${c}`).join(", ")}, ${MEASURES_OF_EVENTS.join(", ")}
       FROM usage_events e JOIN organizations o ON o.id = e.org_id GROUP BY ${groupBy(3 + DIMENSIONS.length)}`,
  ),
  "UPDATE usage_events SET ingest_xid = NULL WHERE ingest_xid IS NOT NULL",
  // not past a transaction still running: one that took its id before this one (creating a team, say)
  // may store its events after this commits, and they must be read as unfolded
  `UPDATE rollup_watermark SET folded_below = (SELECT ${FOLD_BELOW} FROM pg_current_snapshot() AS s)`,
];

/** A message naming the problem when the fold's watermark is ahead of this server's transaction ids, else null. */
export async function watermarkAhead(db: pg.Pool | pg.ClientBase): Promise<string | null> {
  const { rows } = await db.query<{ watermark: string; next_xid: string; ahead: boolean }>(WATERMARK_AHEAD_SQL);
  if (!rows[0]?.ahead) return null;
  return `The rollup watermark (transaction ${rows[0].watermark}) is ahead of this PostgreSQL server's transaction ids (next ${rows[0].next_xid}): ` +
    "the database was restored from another server. Run `npm run db:refold` once to recount the rollups from the events, then start again.";
}

/** Recounts every rollup from the events and makes every event folded; returns the number of events counted. */
export async function refoldRollups(pool: pg.Pool): Promise<number> {
  return withTransaction(pool, async (client) => {
    // each statement sees what committed before it, after the locks are held
    await client.query("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
    await client.query("SELECT pg_advisory_xact_lock($1::int8)", [COMPACTION_LOCK]);
    for (const sql of REFOLD_STATEMENTS) await client.query(sql);
    const { rows } = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM usage_events");
    return Number(rows[0].n);
  });
}
