// 100,000 events with sub-cent costs: the stored totals, hourly and daily
// rollups agree with an exact bigint sum to the last nano-dollar.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { pool } from "@/lib/db";
import { formatUsd, parseUsd } from "@/lib/money";
import { makeOrg } from "@/tests/factories";
import { startMachineServer } from "@/tests/machine-server";
import { foldAll } from "@/tests/fold-all";
import { DAILY_ROLLUP, HOURLY_ROLLUP } from "@/lib/rollups/rollup-sources";

let server: Awaited<ReturnType<typeof startMachineServer>>;
beforeAll(async () => {
  server = await startMachineServer();
});
afterAll(() => server.close());

describe("exact totals", () => {
  it("over 100,000 events", async () => {
    const { org } = await makeOrg();
    const { secret } = await createApiKey({ orgId: org.id, name: "exact", scopes: ["ingest"] });
    let expected = 0n;
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let batch = 0; batch < 20; batch++) {
      const events = Array.from({ length: 5000 }, (_, i) => {
        const cost = `0.${String(next() % 1_000_000_000).padStart(9, "0")}`;
        expected += parseUsd(cost);
        const hour = String((batch + i) % 24).padStart(2, "0");
        return { id: `x-${batch}-${i}`, timestamp: `2026-11-${String(1 + (i % 20)).padStart(2, "0")}T${hour}:17:00Z`, team: i % 3 ? "alpha" : "beta", feature: `f${i % 7}`, model: "gpt-4o-mini", costUsd: cost };
      });
      const res = await fetch(`${server.url}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` }, body: JSON.stringify({ events }) });
      expect(await res.json()).toMatchObject({ accepted: 5000, rejected: [] });
    }
    // as dashboards read them (rollups plus unfolded events), then as folded into the rollups
    const totals = async (hourly: string, daily: string) => (await pool().query(
      `SELECT (SELECT count(*)::int FROM usage_events WHERE org_id = $1) AS events,
              (SELECT sum(cost_usd)::text FROM usage_events WHERE org_id = $1) AS events_cost,
              (SELECT sum(cost_usd)::text FROM ${hourly} h WHERE org_id = $1) AS hourly_cost,
              (SELECT sum(cost_usd)::text FROM ${daily} d WHERE org_id = $1) AS daily_cost`,
      [org.id],
    )).rows[0];
    const total = formatUsd(expected);
    const exact = { events: 100_000, events_cost: total, hourly_cost: total, daily_cost: total };
    expect(await totals(HOURLY_ROLLUP, DAILY_ROLLUP)).toEqual(exact);
    await foldAll();
    expect(await totals("usage_rollups_hourly", "usage_rollups_daily")).toEqual(exact);
  }, 120_000);
});
