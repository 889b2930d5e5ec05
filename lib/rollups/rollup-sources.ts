// What reads of the rollups select FROM (DESIGN.md 6): each rollup table plus
// the deltas not folded into it yet (compact-rollups.ts), so totals are exact
// the moment an ingest batch commits. The deltas are a few seconds of ingest
// and are read whole; the rollup branch keeps its index scans, because
// PostgreSQL pushes a query's conditions into both branches of the UNION ALL.
// A key may appear in both branches: readers sum rows, never assume one per key.
import { MEASURES, ROLLUP_KEY } from "./rollup-columns";

const DIMENSIONS = ROLLUP_KEY.filter((c) => c !== "org_id" && c !== "bucket").join(", ");
const COLUMNS = MEASURES.join(", ");
const DAY = "date_trunc('day', bucket, 'UTC')";

/** Hourly totals by (org, UTC hour, team, feature, provider, model). */
export const HOURLY_ROLLUP = `(SELECT org_id, bucket, ${DIMENSIONS}, ${COLUMNS} FROM usage_rollups_hourly
  UNION ALL SELECT org_id, bucket, ${DIMENSIONS}, ${COLUMNS} FROM usage_rollup_deltas)`;

/** Daily (UTC) totals by (org, day, team, feature, provider, model). */
export const DAILY_ROLLUP = `(SELECT org_id, bucket, ${DIMENSIONS}, ${COLUMNS} FROM usage_rollups_daily
  UNION ALL SELECT org_id, ${DAY}, ${DIMENSIONS}, ${COLUMNS} FROM usage_rollup_deltas)`;

/**
 * Totals per day in the organisation's time zone, by customer as well
 * (customer_id '' holds the events that name no customer). Exact only where
 * local midnights fall on whole UTC hours (lib/analytics/plan-customer-grains.ts).
 */
export const CUSTOMER_DAILY_ROLLUP = `(SELECT org_id, bucket, customer_id, ${DIMENSIONS}, ${COLUMNS} FROM usage_rollups_customer_daily
  UNION ALL SELECT d.org_id, date_trunc('day', d.bucket, o.time_zone), coalesce(d.customer_id, ''), ${DIMENSIONS.split(", ").map((c) => `d.${c}`).join(", ")}, ${MEASURES.map((m) => `d.${m}`).join(", ")}
    FROM usage_rollup_deltas d JOIN organizations o ON o.id = d.org_id)`;
