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
import { COMPACTION_LOCK, REFOLD_SQL } from "./compact-rollups";

export const WATERMARK_AHEAD_SQL = `SELECT folded_below::text AS watermark, pg_snapshot_xmax(pg_current_snapshot())::text AS next_xid,
  folded_below > pg_snapshot_xmax(pg_current_snapshot()) AS ahead FROM rollup_watermark`;

/** Before the fold of every event: nothing counted yet, and no delta (the events hold their re-priced costs). */
const EMPTY_ROLLUPS = [
  // waits for the transactions storing events now; those that store theirs after it are counted by folds
  "LOCK TABLE usage_events IN SHARE ROW EXCLUSIVE MODE",
  "DELETE FROM usage_rollups_hourly",
  "DELETE FROM usage_rollups_daily",
  "DELETE FROM usage_rollups_customer_daily",
  "DELETE FROM usage_rollup_deltas",
];

/** A message naming the problem when the fold's watermark is ahead of this server's transaction ids, else null. */
export async function watermarkAhead(db: pg.Pool | pg.ClientBase): Promise<string | null> {
  const { rows } = await db.query<{ watermark: string; next_xid: string; ahead: boolean }>(WATERMARK_AHEAD_SQL);
  if (!rows[0]?.ahead) return null;
  return `The rollup watermark (transaction ${rows[0].watermark}) is ahead of this PostgreSQL server's transaction ids (next ${rows[0].next_xid}): ` +
    "the database was restored from another server. Run `npm run db:refold` once to recount the rollups from the events, then start again.";
}

/** Recounts every rollup from the events (one fold of them all) and makes every event folded; returns the number of events counted. */
export async function refoldRollups(pool: pg.Pool): Promise<number> {
  return withTransaction(pool, async (client) => {
    // each statement sees what committed before it, after the locks are held
    await client.query("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
    await client.query("SELECT pg_advisory_xact_lock($1::int8)", [COMPACTION_LOCK]);
    for (const sql of EMPTY_ROLLUPS) await client.query(sql);
    // the watermark stops at a transaction still running: one that took its id before this one (creating a
    // team, say) may store its events after this commits, and they must be read as unfolded
    const { rows } = await client.query<{ events: number }>(REFOLD_SQL);
    // every event seen is folded now, whatever id it was restored with
    await client.query("UPDATE usage_events SET ingest_xid = NULL WHERE ingest_xid IS NOT NULL");
    return rows[0].events;
  });
}
