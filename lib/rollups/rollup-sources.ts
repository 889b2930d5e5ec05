// What reads of the rollups select FROM (DESIGN.md 6): each rollup table plus
// what is not folded into it yet (compact-rollups.ts): the events stored
// since the last fold, summed here, and re-pricing's deltas. So totals are
// exact the moment an ingest batch commits. The unfolded events are about a
// second of ingest, found by their index on ingest_xid; the rollup branch
// keeps its index scans, because PostgreSQL pushes a query's conditions into
// every branch of the UNION ALL. A key may appear in several branches:
// readers sum rows, never assume one per key.
import { MEASURES, MEASURES_OF_EVENTS, ROLLUP_KEY } from "./rollup-columns";

/**
 * The events no fold has counted yet, in the snapshot of the statement reading
 * them (compact-rollups.ts). The bound above every transaction id changes no
 * answer: it makes the condition a range for the planner, which estimates a
 * few rows for it (an index scan), where it guesses a third of the table for
 * `>=` alone (measured, 1M events: 5,000 rows against 333,333).
 */
export const UNFOLDED_EVENTS = "(ingest_xid >= (SELECT folded_below FROM rollup_watermark) AND ingest_xid < '18446744073709551615'::xid8)";

const DIMENSIONS = ROLLUP_KEY.filter((c) => c !== "org_id" && c !== "bucket").join(", ");
const COLUMNS = MEASURES.join(", ");
const DAY = "date_trunc('day', bucket, 'UTC')";

/** The unfolded events summed by (org, `bucket`, [customer,] dimensions), as rollup rows. */
function unfoldedEvents(bucket: string, customer = false): string {
  const key = ["org_id", bucket, ...(customer ? ["coalesce(customer_id, '')"] : []), ...DIMENSIONS.split(", ")];
  const from = customer ? "usage_events e JOIN organizations o ON o.id = e.org_id" : "usage_events";
  return `SELECT ${key.join(", ")}, ${MEASURES_OF_EVENTS.join(", ")} FROM ${from} WHERE ${UNFOLDED_EVENTS} GROUP BY ${key.map((_, i) => i + 1).join(", ")}`;
}

/** Hourly totals by (org, UTC hour, team, feature, provider, model). */
export const HOURLY_ROLLUP = `(SELECT org_id, bucket, ${DIMENSIONS}, ${COLUMNS} FROM usage_rollups_hourly
  UNION ALL SELECT org_id, bucket, ${DIMENSIONS}, ${COLUMNS} FROM usage_rollup_deltas
  UNION ALL ${unfoldedEvents("date_trunc('hour', ts, 'UTC')")})`;

/** Daily (UTC) totals by (org, day, team, feature, provider, model). */
export const DAILY_ROLLUP = `(SELECT org_id, bucket, ${DIMENSIONS}, ${COLUMNS} FROM usage_rollups_daily
  UNION ALL SELECT org_id, ${DAY}, ${DIMENSIONS}, ${COLUMNS} FROM usage_rollup_deltas
  UNION ALL ${unfoldedEvents("date_trunc('day', ts, 'UTC')")})`;

/**
 * Totals per day in the organisation's time zone, by customer as well
 * (customer_id '' holds the events that name no customer). Exact only where
 * local midnights fall on whole UTC hours (lib/analytics/plan-customer-grains.ts).
 */
export const CUSTOMER_DAILY_ROLLUP = `(SELECT org_id, bucket, customer_id, ${DIMENSIONS}, ${COLUMNS} FROM usage_rollups_customer_daily
  UNION ALL SELECT d.org_id, date_trunc('day', d.bucket, o.time_zone), coalesce(d.customer_id, ''), ${DIMENSIONS.split(", ").map((c) => `d.${c}`).join(", ")}, ${MEASURES.map((m) => `d.${m}`).join(", ")}
    FROM usage_rollup_deltas d JOIN organizations o ON o.id = d.org_id
  UNION ALL ${unfoldedEvents("date_trunc('day', ts, o.time_zone)", true)})`;
