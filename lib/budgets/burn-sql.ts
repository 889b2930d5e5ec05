// The statement of a budget's burn: its scope's spend per local day over a
// grain plan (lib/analytics/plan-grains.ts). Each grain reads its own time
// ranges; a rollup row the plan picks lies wholly inside one local day, so
// date_trunc('day', bucket, zone) is its day. The scope matches events the
// way the ledger does (lib/ingest/store-events-sql.ts, LEDGERS).
import type { Grain, GrainPlan } from "@/lib/analytics/plan-grains";
import { DAILY_ROLLUP, HOURLY_ROLLUP } from "@/lib/rollups/rollup-sources";

export type BurnScope = { type: "org" | "team" | "feature" | "model" | "apiKey"; value: string | null };

/** One local day's spend; the sum as text: exact numeric, 9 places. */
export type BurnRow = { day: Date; cost: string };

const SOURCES: Record<Grain, { table: string; time: string }> = {
  daily: { table: DAILY_ROLLUP, time: "bucket" },
  hourly: { table: HOURLY_ROLLUP, time: "bucket" },
  raw: { table: "usage_events", time: "ts" },
};

/**
 * Rollups have no API key dimension, and their model is the name as sent,
 * while a model budget also counts events priced as that model (a dated
 * snapshot sent as `gpt-4o-2024-08-06` counts for `gpt-4o`): both read raw events.
 */
export function scopeNeedsRawEvents(scope: BurnScope): boolean {
  return scope.type === "model" || scope.type === "apiKey";
}

function scopeCondition(scope: BurnScope, param: (value: unknown) => string): string | null {
  switch (scope.type) {
    case "org":
      return null;
    case "team":
      return `x.team_id = ${param(scope.value)}`;
    case "feature":
      return `x.feature = ${param(scope.value)}`;
    case "model":
      return `${param(scope.value)} IN (x.model, x.priced_model)`;
    case "apiKey":
      return `x.api_key_id = ${param(scope.value)}`;
  }
}

export function burnSql(input: { orgId: string; plan: GrainPlan; timeZone: string; scope: BurnScope }): { text: string; values: unknown[] } | null {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const org = param(input.orgId);
  const zone = param(input.timeZone);
  const condition = scopeCondition(input.scope, param);
  const selects = (Object.keys(SOURCES) as Grain[])
    .filter((grain) => input.plan[grain].length > 0)
    .map((grain) => {
      if (grain !== "raw" && scopeNeedsRawEvents(input.scope)) throw new Error(`a ${input.scope.type} budget's burn must be planned raw only`);
      const { table, time } = SOURCES[grain];
      const ranges = input.plan[grain].map((r) => `(x.${time} >= ${param(r.from)} AND x.${time} < ${param(r.to)})`);
      return `SELECT date_trunc('day', x.${time}, ${zone}) AS day, x.cost_usd AS cost
                FROM ${table} x
               WHERE x.org_id = ${org} AND (${ranges.join(" OR ")})${condition ? ` AND ${condition}` : ""}`;
    });
  if (selects.length === 0) return null;
  const text = `SELECT day, round(sum(cost), 9)::text AS cost FROM (${selects.join("\n UNION ALL ")}) u GROUP BY day`;
  return { text, values };
}
