import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import type { ModelPrice, PriceQuery } from "@/lib/pricing/types";
import { makeOrg } from "@/tests/factories";
import type { GeneratedItem, UsageRow } from "./rows";
import { writeUsage, type WriteProgress } from "./write-usage";

// $1 per million input tokens, $2 per million output tokens; "mystery" is unknown
const stub = {
  resolve: ({ model }: PriceQuery): ModelPrice | null =>
    model === "mystery"
      ? null
      : { provider: "acme", model: "known-1", effectiveFrom: new Date(0), inputPerMTok: 1_000_000_000n, outputPerMTok: 2_000_000_000n, cachedInputPerMTok: null, cacheWritePerMTok: null, reasoningPerMTok: null, source: "catalog" },
};

function event(id: string, overrides: Partial<UsageRow>): GeneratedItem {
  const row: UsageRow = {
    id, ts: new Date("2026-11-01T10:15:00Z"), team: "alpha", feature: "f", provider: "acme", model: "known",
    usage: { inputTokens: 1_000, outputTokens: 500, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
    latencyMs: 100, status: "success", cacheHit: false, traceId: "tr-1", promptHash: "p", customerId: null, userId: null,
    ...overrides,
  };
  return { type: "event", row };
}

describe("writeUsage", () => {
  it("prices catalog calls, counts cache hits as savings and stores unknown models as unpriced", async () => {
    const { org, teams } = await makeOrg();
    const progress: WriteProgress[] = [];
    const items: GeneratedItem[] = [
      event("e1", {}),
      event("e2", { cacheHit: true }),
      event("e3", { model: "mystery" }),
      { type: "outcome", row: { id: "o1", ts: new Date("2026-11-01T10:20:00Z"), team: "alpha", feature: "f", traceId: "tr-1", kind: "won", valueUsd: "4.00", count: 1 } },
      event("e4", { ts: new Date("2026-11-01T11:00:00Z"), status: "error" }),
    ];
    const result = await writeUsage({
      pool: pool(), orgId: org.id, teamIds: new Map(teams.map((t) => [t.slug, t.id])), items, total: 4, prices: stub,
      chunkSize: 2, onProgress: (p) => progress.push(p),
    });
    expect(result).toMatchObject({ events: 4, outcomes: 1, costNanos: 4_000_000n, savedNanos: 2_000_000n, unpriced: 1 });
    expect(progress.map((p) => p.events)).toEqual([2, 4]);

    const { rows } = await pool().query(
      "SELECT event_id, cost_usd::text, saved_usd::text, cost_source, unpriced, priced_model FROM usage_events WHERE org_id = $1 ORDER BY event_id",
      [org.id],
    );
    expect(rows).toEqual([
      { event_id: "e1", cost_usd: "0.002000000", saved_usd: "0.000000000", cost_source: "catalog", unpriced: false, priced_model: "known-1" },
      { event_id: "e2", cost_usd: "0.000000000", saved_usd: "0.002000000", cost_source: "cache_hit", unpriced: false, priced_model: "known-1" },
      { event_id: "e3", cost_usd: "0.000000000", saved_usd: "0.000000000", cost_source: "unpriced", unpriced: true, priced_model: null },
      { event_id: "e4", cost_usd: "0.002000000", saved_usd: "0.000000000", cost_source: "catalog", unpriced: false, priced_model: "known-1" },
    ]);
    const hourly = await pool().query(
      `SELECT to_char(bucket AT TIME ZONE 'UTC', 'HH24') AS hour, model, events::int, error_events::int, cache_hits::int,
              unpriced_events::int, cost_usd::text, saved_usd::text
       FROM usage_rollups_hourly WHERE org_id = $1 ORDER BY bucket, model`,
      [org.id],
    );
    expect(hourly.rows).toEqual([
      { hour: "10", model: "known", events: 2, error_events: 0, cache_hits: 1, unpriced_events: 0, cost_usd: "0.002000000", saved_usd: "0.002000000" },
      { hour: "10", model: "mystery", events: 1, error_events: 0, cache_hits: 0, unpriced_events: 1, cost_usd: "0.000000000", saved_usd: "0.000000000" },
      { hour: "11", model: "known", events: 1, error_events: 1, cache_hits: 0, unpriced_events: 0, cost_usd: "0.002000000", saved_usd: "0.000000000" },
    ]);
    const outcome = await pool().query("SELECT outcome_id, trace_id, kind, value_usd::text FROM outcomes WHERE org_id = $1", [org.id]);
    expect(outcome.rows).toEqual([{ outcome_id: "o1", trace_id: "tr-1", kind: "won", value_usd: "4.000000000" }]);
  });

  it("stores nothing of a chunk that fails", async () => {
    const { org, teams } = await makeOrg();
    const items = [event("a1", {}), event("a2", { team: "no-such-team" })];
    const write = writeUsage({ pool: pool(), orgId: org.id, teamIds: new Map(teams.map((t) => [t.slug, t.id])), items, total: 2, prices: stub });
    await expect(write).rejects.toThrow(/no-such-team/);
    const { rows } = await pool().query("SELECT count(*)::int AS n FROM usage_rollups_hourly WHERE org_id = $1", [org.id]);
    const events = await pool().query("SELECT count(*)::int AS n FROM usage_events WHERE org_id = $1", [org.id]);
    expect([rows[0].n, events.rows[0].n]).toEqual([0, 0]);
  });
});
