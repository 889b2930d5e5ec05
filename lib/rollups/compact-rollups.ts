// Folds what ingest stored since the last fold into the hourly, daily and
// customer rollups, in one transaction: the events themselves, found by the
// transaction that stored them (usage_events.ingest_xid, set by the column's
// default), and the rollup deltas re-pricing appends. A reader sees each
// event either still unfolded or already in the rollups, never both and
// never neither (rollup-sources.ts reads the sum). Ingest therefore writes
// and locks no rollup row: concurrent batches never wait for each other on
// the hot rows of the current hour, and a second's events become one update
// per rollup row.
//
// Which events are folded: those stored by a transaction below the fold's
// watermark, which only moves up to the oldest transaction of this database
// still running (FOLD_BELOW). Every transaction below it has ended, so each
// of its events is visible to the fold, or never will be (rolled back); one
// still running, or a later one that committed first, is folded next time.
// A long transaction in this database holds the fold back (reads stay exact:
// they add the unfolded events).
import { pool } from "@/lib/db";
import { millisecondsSetting } from "@/lib/env";
import { withTransaction } from "@/lib/ingest/with-transaction";
import { repeater } from "@/lib/time/repeat";
import { addToRollup, MEASURES, MEASURES_OF_EVENTS, ROLLUP_KEY, SUMMED_MEASURES } from "./rollup-columns";

/** One compaction at a time across every process on the database: the others skip their turn. */
export const COMPACTION_LOCK = 7_410_001;

const DIMENSIONS = ROLLUP_KEY.filter((c) => c !== "org_id" && c !== "bucket");
const CUSTOMER_KEY = ["org_id", "bucket", "customer_id", ...DIMENSIONS];
const groupBy = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(", ");
const MEASURE_LIST = SUMMED_MEASURES.join(", ");

/**
 * How far a fold may count, in snapshot `s`: up to the oldest transaction
 * still running in it, else all it sees. Transactions of other databases on
 * the server are passed over (they store no events here), where pg_stat_activity
 * or pg_prepared_xacts, read after `s` was taken, shows them running there;
 * one not shown (ended since, or hidden from this role) still holds the fold back.
 * "After": the statement using this must be the first of its transaction to
 * read pg_stat_activity, which PostgreSQL reads once per transaction.
 */
const FOLD_BELOW = `coalesce((SELECT min(x) FROM pg_snapshot_xip(s) AS x
   WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.backend_xid = x::xid AND a.datname <> current_database())
     AND NOT EXISTS (SELECT 1 FROM pg_prepared_xacts p WHERE p.transaction = x::xid AND p.database <> current_database())), pg_snapshot_xmax(s))`;

/**
 * Folds the events stored by transactions that have all ended since the last
 * fold, and the deltas committed so far. Customer rows are days in each
 * organisation's time zone (as it is when folded): an hourly total lies in
 * one local day wherever local midnight is a whole UTC hour, the only zones
 * spend reads them for (plan-customer-grains.ts). `skipCustomersOf` ($1),
 * when given, is an organisation whose customer rows the same statement
 * rebuilds. `everything`: every event the statement sees, whatever its
 * ingest_xid, and the watermark set to where folds go on from, even below
 * where it was (the refold, refold-rollups.ts). Only one fold runs at a time
 * (COMPACTION_LOCK).
 */
function foldSql(skipCustomersOf: string | null, everything = false): string {
  return `
mark AS (SELECT w.folded_below AS lo, ${FOLD_BELOW} AS hi FROM rollup_watermark w, pg_current_snapshot() AS s),
fresh AS (
  SELECT org_id, date_trunc('hour', ts, 'UTC') AS bucket, team_id, feature, provider, model, customer_id, ${MEASURES_OF_EVENTS.join(", ")}
    FROM usage_events${everything ? "" : " WHERE ingest_xid >= (SELECT lo FROM mark) AND ingest_xid < (SELECT hi FROM mark)"}
   GROUP BY 1, 2, 3, 4, 5, 6, 7
),
moved AS (UPDATE rollup_watermark SET folded_below = (SELECT hi FROM mark)${everything ? "" : " WHERE folded_below < (SELECT hi FROM mark)"}),
deleted AS (DELETE FROM usage_rollup_deltas RETURNING ${[...ROLLUP_KEY, "customer_id", ...MEASURES].join(", ")}),
d AS (SELECT * FROM fresh UNION ALL SELECT * FROM deleted),
hours AS (SELECT ${ROLLUP_KEY.join(", ")}, ${MEASURE_LIST} FROM d GROUP BY ${groupBy(ROLLUP_KEY.length)}),
hourly AS (${addToRollup("usage_rollups_hourly", ROLLUP_KEY, "SELECT * FROM hours")}),
daily AS (${addToRollup("usage_rollups_daily", ROLLUP_KEY,
  `SELECT org_id, date_trunc('day', bucket, 'UTC'), ${DIMENSIONS.join(", ")}, ${MEASURE_LIST} FROM hours GROUP BY ${groupBy(ROLLUP_KEY.length)}`)}),
customers AS (${addToRollup("usage_rollups_customer_daily", CUSTOMER_KEY,
  `SELECT d.org_id, date_trunc('day', d.bucket, o.time_zone), coalesce(d.customer_id, ''), ${DIMENSIONS.map((c) => `d.${c}`).join(", ")}, ${MEASURE_LIST}
     FROM d JOIN organizations o ON o.id = d.org_id${skipCustomersOf ? ` WHERE d.org_id <> ${skipCustomersOf}` : ""}
    GROUP BY ${groupBy(CUSTOMER_KEY.length)}`)})`;
}

/** What a fold counted: events, and delta rows (re-pricing's). */
const FOLDED = `SELECT (SELECT coalesce(sum(events), 0) FROM fresh)::float8 AS events, (SELECT count(*) FROM deleted)::float8 AS deltas`;

export const COMPACT_SQL = `WITH ${foldSql(null)}
${FOLDED}`;

/** Folds every event into empty rollups (refold-rollups.ts), the watermark set as a fold would. */
export const REFOLD_SQL = `WITH ${foldSql(null, true)}
${FOLDED}`;

/**
 * Folds what is foldable and rebuilds one organisation's ($1) customer rows
 * from its folded events in its time zone ($2), in one statement: one
 * snapshot, so each event counts once, from the fold, the recount, or a later
 * fold (events above the new watermark). Rows are overwritten in place and
 * the rest of the organisation's deleted (a row cannot be deleted and
 * inserted again by one statement).
 */
export const REBUILD_CUSTOMER_ROLLUP_SQL = `WITH ${foldSql("$1")},
recount AS MATERIALIZED (
  SELECT org_id, date_trunc('day', ts, $2) AS bucket, coalesce(customer_id, '') AS customer_id, ${DIMENSIONS.join(", ")}, ${MEASURES_OF_EVENTS.join(", ")}
    FROM usage_events WHERE org_id = $1 AND (ingest_xid IS NULL OR ingest_xid < (SELECT hi FROM mark)) GROUP BY ${groupBy(CUSTOMER_KEY.length)}
),
stale AS (
  DELETE FROM usage_rollups_customer_daily c
   WHERE c.org_id = $1 AND NOT EXISTS (
     SELECT 1 FROM recount r WHERE ${CUSTOMER_KEY.filter((k) => k !== "org_id").map((k) => `r.${k} = c.${k}`).join(" AND ")})
),
recounted AS (
  INSERT INTO usage_rollups_customer_daily AS r (${CUSTOMER_KEY.join(", ")}, ${MEASURES.join(", ")})
  SELECT * FROM recount ORDER BY ${groupBy(CUSTOMER_KEY.length)}
  ON CONFLICT (${CUSTOMER_KEY.join(", ")}) DO UPDATE SET ${MEASURES.map((m) => `${m} = EXCLUDED.${m}`).join(", ")}
)
${FOLDED}`;

/**
 * Frees the space of folded deltas for the next ones. Autovacuum visits a
 * database about once a minute: until then every delta re-pricing appends
 * stays in the deltas table, and each fold scans it all again (re-pricing
 * 50,000 events appends up to 50,000). So the compactor vacuums it after
 * every VACUUM_DELTAS_AFTER_ROWS folded delta rows: not after every fold, as
 * a vacuum also resets the table's statistics, and the planner's plans with
 * them. Not truncated: that takes a lock re-pricing would wait on. Skipped
 * while another process (or autovacuum) is vacuuming it.
 */
const VACUUM_DELTAS_SQL = "VACUUM (TRUNCATE false, SKIP_LOCKED) usage_rollup_deltas";
const VACUUM_DELTAS_AFTER_ROWS = 50_000;
let deltasSinceVacuum = 0;

/**
 * Folds every event and delta that can be folded into the rollups; returns
 * how many events and delta rows were folded (0 when another process holds
 * the compaction).
 */
export async function compactRollups(vacuumAfterRows = VACUUM_DELTAS_AFTER_ROWS): Promise<number> {
  const folded = await withTransaction(pool(), async (client) => {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1::int8) AS locked", [COMPACTION_LOCK]);
    if (!rows[0].locked) return { events: 0, deltas: 0 };
    const result = await client.query<{ events: number; deltas: number }>({ name: "rollups-compact", text: COMPACT_SQL });
    return result.rows[0];
  });
  deltasSinceVacuum += folded.deltas;
  if (folded.deltas > 0 && deltasSinceVacuum >= vacuumAfterRows) {
    deltasSinceVacuum = 0;
    // the fold has committed: a vacuum that fails is logged, not reported as a failed compaction
    await pool().query(VACUUM_DELTAS_SQL).catch((err: Error) => console.error("vacuum of the rollup deltas failed:", err.message));
  }
  return folded.events + folded.deltas;
}

/** Runs one statement in the caller's transaction (Prisma's $executeRawUnsafe or a pg client's query). */
export type Execute = (sql: string, ...values: unknown[]) => Promise<unknown>;

/**
 * In the caller's transaction, after the organisation's time zone changed:
 * waits for any compaction to finish, then rebuilds the organisation's
 * customer rows in its new zone (REBUILD_CUSTOMER_ROLLUP_SQL).
 */
export async function rebuildCustomerRollup(execute: Execute, orgId: string, timeZone: string): Promise<void> {
  await execute("SELECT pg_advisory_xact_lock($1::int8)", COMPACTION_LOCK);
  await execute(REBUILD_CUSTOMER_ROLLUP_SQL, orgId, timeZone);
}

const compactor = repeater("rollup compaction", compactRollups, millisecondsSetting("ROLLUP_COMPACT_INTERVAL_MS", 1000));

export const startRollupCompactor = (everyMs?: number): void => compactor.start(everyMs);
export const stopRollupCompactor = (): void => compactor.stop();
