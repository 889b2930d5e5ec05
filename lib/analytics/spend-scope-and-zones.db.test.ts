// Tenancy (a team scope sees only its teams) and buckets in the
// organisation's time zone, each checked against raw events.
import { describe, expect, it } from "vitest";
import { GetSpendQuery, SpendInterval } from "@/lib/schemas/spend";
import { getSpendSeries } from "./get-spend-series";
import { expectAgreesWithRaw, rawSpend, seedSpendOrg } from "./raw-spend-oracle.db-helpers";

const RAGGED = { from: "2026-10-22T13:47:12.345Z", to: "2026-11-05T09:59:59.999Z" };

describe("getSpendSeries team scope", () => {
  it("shows a team-scoped caller only their teams, in every grouping", async () => {
    const { orgId, teamIds } = await seedSpendOrg();
    const scope = [teamIds.get("search")!, teamIds.get("growth")!];
    for (const groupBy of ["team", "model", "customer"]) {
      const query = GetSpendQuery.parse({ ...RAGGED, groupBy });
      const res = await getSpendSeries({ orgId, teamIds: scope, query });
      expectAgreesWithRaw(res, await rawSpend(orgId, query, scope));
      if (groupBy === "team") expect(res.series.map((s) => s.key).sort()).toEqual(["growth", "search"]);
    }
    const all = await getSpendSeries({ orgId, teamIds: null, query: GetSpendQuery.parse(RAGGED) });
    expect(all.series.length).toBeGreaterThan(2);
  });

  it("refuses a team filter outside the scope (403) whether or not the team exists; 404 for an unknown team otherwise", async () => {
    const { orgId, teamIds } = await seedSpendOrg();
    const scope = [teamIds.get("search")!];
    const ask = (team: string, ids: string[] | null) => getSpendSeries({ orgId, teamIds: ids, query: GetSpendQuery.parse({ ...RAGGED, team }) });
    await expect(ask("support", scope)).rejects.toMatchObject({ code: "forbidden" });
    await expect(ask("no-such-team", scope)).rejects.toMatchObject({ code: "forbidden" });
    await expect(ask("no-such-team", null)).rejects.toMatchObject({ code: "not_found" });
    const own = await ask("search", scope);
    expect(own.series.map((s) => s.key)).toEqual(["search"]);
  });

  it("shows a caller with no teams nothing", async () => {
    const { orgId } = await seedSpendOrg();
    const res = await getSpendSeries({ orgId, teamIds: [], query: GetSpendQuery.parse(RAGGED) });
    expect(res.series).toEqual([]);
    expect(res.totals.events).toBe(0);
  });

  it("never reads another organisation's events", async () => {
    const a = await seedSpendOrg();
    const b = await seedSpendOrg();
    const query = GetSpendQuery.parse({ ...RAGGED, groupBy: "model" });
    expectAgreesWithRaw(await getSpendSeries({ orgId: a.orgId, teamIds: null, query }), await rawSpend(a.orgId, query, null));
    expectAgreesWithRaw(await getSpendSeries({ orgId: b.orgId, teamIds: null, query }), await rawSpend(b.orgId, query, null));
  });
});

describe("getSpendSeries time zones", () => {
  it.each(["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu"])("buckets in %s agree with raw events", async (timeZone) => {
    const { orgId } = await seedSpendOrg(timeZone);
    for (const interval of SpendInterval.options) {
      for (const groupBy of ["team", "customer"]) {
        const query = GetSpendQuery.parse({ ...RAGGED, groupBy, interval });
        const res = await getSpendSeries({ orgId, teamIds: null, query });
        expect(res.timeZone).toBe(timeZone);
        expectAgreesWithRaw(res, await rawSpend(orgId, query, null));
      }
    }
  });

  it("starts Berlin days at local midnight across the end of summer time", async () => {
    const { orgId } = await seedSpendOrg("Europe/Berlin");
    const query = GetSpendQuery.parse({ from: "2026-10-23T22:00:00Z", to: "2026-10-27T23:00:00Z", interval: "day" });
    const res = await getSpendSeries({ orgId, teamIds: null, query });
    expect(res.series[0].points.map((p) => p.t)).toEqual(["2026-10-23T22:00:00Z", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", "2026-10-26T23:00:00Z"]);
    expectAgreesWithRaw(res, await rawSpend(orgId, query, null));
  });
});
