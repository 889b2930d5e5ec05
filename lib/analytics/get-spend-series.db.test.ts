// Every groupBy, interval and grain agrees with a plain GROUP BY over
// usage_events to the nano-dollar (DESIGN.md 5, 6).
import { describe, expect, it } from "vitest";
import { GetSpendQuery, GetSpendResponse, SpendGroupBy, SpendInterval } from "@/lib/schemas/spend";
import { getSpendSeries } from "./get-spend-series";
import { loadSpendContext } from "./load-spend-context";
import { planGrains } from "./plan-grains";
import { expectAgreesWithRaw, rawSpend, seedSpendOrg } from "./raw-spend-oracle.db-helpers";

const RANGES = {
  "day-aligned": { from: "2026-10-23T00:00:00Z", to: "2026-11-05T00:00:00Z" },
  ragged: { from: "2026-10-22T13:47:12.345Z", to: "2026-11-05T09:59:59.999Z" },
};

async function agrees(orgId: string, params: Record<string, string>, teamIds: string[] | null = null) {
  const query = GetSpendQuery.parse(params);
  const res = await getSpendSeries({ orgId, teamIds, query });
  expect(GetSpendResponse.parse(res)).toEqual(res);
  expectAgreesWithRaw(res, await rawSpend(orgId, query, teamIds));
  return res;
}

describe("getSpendSeries", () => {
  it("reads every grain over a ragged range (the plan the next test checks)", async () => {
    const { orgId } = await seedSpendOrg();
    const q = GetSpendQuery.parse({ ...RANGES.ragged, interval: "day" });
    const context = await loadSpendContext({ orgId, teamSlug: null, from: q.from, to: q.to, interval: "day" });
    const plan = planGrains({ from: q.from, to: q.to, bucketStarts: context.bucketStarts, rawOnly: false });
    expect([plan.daily.length, plan.hourly.length, plan.raw.length].every((n) => n > 0)).toBe(true);
  });

  it("agrees with raw events for every groupBy, interval and range", async () => {
    const { orgId } = await seedSpendOrg();
    for (const range of Object.values(RANGES)) {
      for (const groupBy of SpendGroupBy.options) {
        for (const interval of SpendInterval.options) {
          const res = await agrees(orgId, { ...range, groupBy, interval });
          expect(res.series.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it("agrees with raw events under every filter", async () => {
    const { orgId } = await seedSpendOrg();
    const filters: Record<string, string>[] = [{ team: "support" }, { model: "gpt-4.1-mini" }, { feature: "answer" }, { provider: "anthropic" }, { customer: "cus_acme" }, { team: "search", provider: "openai" }];
    for (const filter of filters) {
      for (const groupBy of ["team", "model", "customer"]) {
        const res = await agrees(orgId, { ...RANGES.ragged, groupBy, interval: "day", ...filter });
        expect(res.totals.events).toBeGreaterThan(0);
      }
    }
  });

  it("zero-fills: every series has a point for every bucket, empty ones zero", async () => {
    const { orgId } = await seedSpendOrg();
    const res = await agrees(orgId, { from: "2026-10-30T00:00:00Z", to: "2026-11-30T00:00:00Z", groupBy: "feature", interval: "day" });
    for (const series of res.series) {
      expect(series.points.map((p) => p.t)).toEqual(Array.from({ length: 31 }, (_, i) => new Date(Date.parse("2026-10-30T00:00:00Z") + i * 86_400_000).toISOString().replace(".000Z", "Z")));
      expect(series.points.at(-1)).toMatchObject({ costUsd: "0.000000000", events: 0 });
    }
  });

  it("answers a range without events with no series and zero totals", async () => {
    const { orgId } = await seedSpendOrg();
    const res = await agrees(orgId, { from: "2025-01-01T00:00:00Z", to: "2025-01-08T00:00:00Z" });
    expect(res.series).toEqual([]);
    expect(res.totals).toEqual({ costUsd: "0.000000000", inputTokens: 0, outputTokens: 0, events: 0 });
  });
});
