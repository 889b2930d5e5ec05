// Folds the rollup deltas that ingest batches append (usage_rollup_deltas)
// into the hourly, daily and customer rollups, in one transaction: a reader
// sees each delta either still in the deltas table or already in the
// rollups, never both and never neither (rollup-sources.ts reads the sum).
// Ingest batches therefore lock no rollup row: concurrent batches no longer
// wait for each other on the hot rows of the current hour, and the many
// deltas of a busy second become one update per rollup row.
import { pool } from "@/lib/db";
import { withTransaction } from "@/lib/ingest/with-transaction";
import { repeater } from "@/lib/time/repeat";
import { addToRollup, ROLLUP_KEY, SUMMED_MEASURES } from "./rollup-columns";

/** One compaction at a time across every process on the database: the others skip their turn. */
export const COMPACTION_LOCK = 7_410_001;

const DIMENSIONS = ROLLUP_KEY.filter((c) => c !== "org_id" && c !== "bucket");
const groupBy = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(", ");
const DAY = "date_trunc('day', bucket, 'UTC')";

export const COMPACT_SQL = `
WITH d AS (DELETE FROM usage_rollup_deltas RETURNING *),
hours AS (SELECT ${ROLLUP_KEY.join(", ")}, ${SUMMED_MEASURES.join(", ")} FROM d GROUP BY ${groupBy(ROLLUP_KEY.length)}),
hourly AS (${addToRollup("usage_rollups_hourly", ROLLUP_KEY, "SELECT * FROM hours")}),
daily AS (${addToRollup("usage_rollups_daily", ROLLUP_KEY,
  `SELECT org_id, ${DAY}, ${DIMENSIONS.join(", ")}, ${SUMMED_MEASURES.join(", ")} FROM hours GROUP BY ${groupBy(ROLLUP_KEY.length)}`)}),
customers AS (${addToRollup("usage_rollups_customer_daily", ["org_id", "bucket", "customer_id", ...DIMENSIONS],
  `SELECT org_id, ${DAY}, coalesce(customer_id, ''), ${DIMENSIONS.join(", ")}, ${SUMMED_MEASURES.join(", ")}
     FROM d GROUP BY ${groupBy(ROLLUP_KEY.length + 1)}`)})
SELECT count(*)::int AS folded FROM d`;

/**
 * Folds every delta committed so far into the rollups; returns how many
 * delta rows were folded (0 when another process holds the compaction).
 */
export async function compactRollups(): Promise<number> {
  return withTransaction(pool(), async (client) => {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [COMPACTION_LOCK]);
    if (!rows[0].locked) return 0;
    const folded = await client.query<{ folded: number }>({ name: "rollups-compact", text: COMPACT_SQL });
    return folded.rows[0].folded;
  });
}

const compactor = repeater("rollup compaction", compactRollups, Number(process.env.ROLLUP_COMPACT_INTERVAL_MS ?? 1000));

export const startRollupCompactor = (everyMs?: number): void => compactor.start(everyMs);
export const stopRollupCompactor = (): void => compactor.stop();
