// The hourly and daily rollups of newly stored events (DESIGN.md 6), in the
// storing transaction: summed in Node to one row per (bucket, team, feature,
// provider, model), daily from hourly, then added to the rollup tables organisation by
// organisation in key order (concurrent batches lock rows in the same order).
import type pg from "pg";
import { type PricedEvent, RollupAccumulator } from "@/lib/rollups/rollup-accumulator";
import type { EventRow } from "./event-row";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Nano-dollars of an amount of a row: always canonical (9 places, from formatUsd), so the digits without the point. */
function nanos(usd: string): bigint {
  return BigInt(usd.replace(".", ""));
}

function priced(row: EventRow, teamId: string): PricedEvent {
  return {
    tsMs: row.ts.getTime(), teamId, feature: row.feature, provider: row.provider, model: row.model, usage: row,
    status: row.status, cacheHit: row.cacheHit, unpriced: row.unpriced, costNanos: nanos(row.costUsd),
    savedNanos: nanos(row.savedUsd), valueNanos: row.valueUsd === null ? 0n : nanos(row.valueUsd), latencyMs: row.latencyMs ?? 0,
  };
}

export async function addEventRollups(client: pg.PoolClient, stored: { row: EventRow; teamId: string }[]): Promise<void> {
  const hourlyByOrg = new Map<string, RollupAccumulator>();
  for (const { row, teamId } of stored) {
    let hourly = hourlyByOrg.get(row.orgId);
    if (!hourly) hourlyByOrg.set(row.orgId, (hourly = new RollupAccumulator("usage_rollups_hourly", HOUR_MS)));
    hourly.add(priced(row, teamId));
  }
  for (const [orgId, hourly] of [...hourlyByOrg].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // UTC hours nest in UTC days: the daily rows are sums of the hourly ones
    const daily = hourly.coarser("usage_rollups_daily", DAY_MS);
    await hourly.flush(client, orgId);
    await daily.flush(client, orgId);
  }
}
