// In-memory totals of a chunk of priced events per (UTC bucket, team,
// feature, provider, model), upserted into a rollup table in the chunk's
// transaction so the rollups always equal the stored events. The customer
// rollup's totals are kept per UTC hour and customer, and summed into days
// of the organisation's time zone by the upsert, as compaction does
// (lib/rollups/compact-rollups.ts).
import type pg from "pg";
import { formatUsd } from "@/lib/money";
import type { Usage } from "@/lib/pricing/types";

export type PricedEvent = {
  tsMs: number;
  teamId: string;
  feature: string;
  provider: string;
  model: string;
  customerId: string | null;
  usage: Usage;
  status: string;
  cacheHit: boolean;
  unpriced: boolean;
  costNanos: bigint;
  savedNanos: bigint;
  latencyMs: number;
};

// Token and event counts of one chunk stay far below 2^53: plain numbers.
// Money is summed exactly in nano-dollars.
type Totals = {
  /** UTC bucket start, then the dimensions (customer first in the customer rollup: '' for none). */
  key: readonly [bucketMs: number, ...dimensions: string[]];
  counts: number[];
  costNanos: bigint;
  savedNanos: bigint;
};

const COUNT_COLUMNS = [
  "events", "error_events", "cache_hits", "unpriced_events", "input_tokens", "output_tokens",
  "cached_input_tokens", "cache_write_tokens", "reasoning_tokens", "latency_ms_sum",
] as const;

export type RollupTable = "usage_rollups_hourly" | "usage_rollups_daily" | "usage_rollups_customer_daily";

const DIMENSIONS = ["team_id", "feature", "provider", "model"];

export class RollupAccumulator {
  private readonly totals = new Map<string, Totals>();

  private readonly byCustomer: boolean;

  /** `bucketMs`: the UTC buckets totals are kept in (for the customer rollup, hours: the upsert makes them local days). */
  constructor(
    readonly table: RollupTable,
    private readonly bucketMs: number,
  ) {
    this.byCustomer = table === "usage_rollups_customer_daily";
  }

  add(e: PricedEvent): void {
    const bucket = e.tsMs - (e.tsMs % this.bucketMs);
    const dimensions = [e.teamId, e.feature, e.provider, e.model];
    if (this.byCustomer) dimensions.unshift(e.customerId ?? "");
    const id = `${bucket}|${dimensions.join("|")}`;
    let t = this.totals.get(id);
    if (!t) {
      t = { key: [bucket, ...dimensions], counts: COUNT_COLUMNS.map(() => 0), costNanos: 0n, savedNanos: 0n };
      this.totals.set(id, t);
    }
    const c = t.counts;
    const u = e.usage;
    c[0] += 1;
    c[1] += e.status === "error" ? 1 : 0;
    c[2] += e.cacheHit ? 1 : 0;
    c[3] += e.unpriced ? 1 : 0;
    c[4] += u.inputTokens;
    c[5] += u.outputTokens;
    c[6] += u.cachedInputTokens;
    c[7] += u.cacheWriteTokens;
    c[8] += u.reasoningTokens;
    c[9] += e.latencyMs;
    t.costNanos += e.costNanos;
    t.savedNanos += e.savedNanos;
  }

  /**
   * Adds the totals to the rollup rows (INSERT … ON CONFLICT DO UPDATE), in
   * key order so concurrent writers lock rows in the same order.
   */
  async flush(client: pg.PoolClient, orgId: string): Promise<void> {
    if (this.totals.size === 0) return;
    const rows = [...this.totals.values()].sort((a, b) => compareKeys(a.key, b.key));
    this.totals.clear();
    const dimensions = this.byCustomer ? ["customer_id", ...DIMENSIONS] : DIMENSIONS;
    const params: unknown[][] = [
      rows.map((r) => new Date(r.key[0]).toISOString()),
      ...dimensions.map((_, i) => rows.map((r) => r.key[i + 1])),
      ...COUNT_COLUMNS.map((_, i) => rows.map((r) => r.counts[i])),
      rows.map((r) => formatUsd(r.costNanos)),
      rows.map((r) => formatUsd(r.savedNanos)),
    ];
    const types = ["timestamptz", ...dimensions.map(() => "text"), ...COUNT_COLUMNS.map(() => "int8"), "numeric", "numeric"];
    const added = [...COUNT_COLUMNS, "cost_usd", "saved_usd"];
    const key = ["org_id", "bucket", ...dimensions].join(", ");
    const bucket = this.byCustomer ? "date_trunc('day', x.bucket, o.time_zone)" : "x.bucket";
    const groups = Array.from({ length: dimensions.length + 2 }, (_, i) => i + 1).join(", ");
    await client.query(
      `INSERT INTO ${this.table} AS r (${key}, ${added.join(", ")})
       SELECT o.id, ${bucket}, ${dimensions.map((d) => `x.${d}`).join(", ")}, ${added.map((c) => `sum(x.${c})`).join(", ")}
         FROM unnest(${types.map((t, i) => `$${i + 2}::${t}[]`).join(", ")}) AS x(bucket, ${dimensions.join(", ")}, ${added.join(", ")})
         JOIN organizations o ON o.id = $1
        GROUP BY ${groups} ORDER BY ${groups}
       ON CONFLICT (${key})
       DO UPDATE SET ${added.map((c) => `${c} = r.${c} + excluded.${c}`).join(", ")}`,
      [orgId, ...params],
    );
  }
}

function compareKeys(a: Totals["key"], b: Totals["key"]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  for (let i = 1; i < a.length; i++) {
    if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  }
  return 0;
}
