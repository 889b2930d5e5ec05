// Changing the organisation's time zone: audited, and every live budget's
// current ledger is rebuilt for the period as the new zone draws it.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { expectAgreesWithRaw, rawSpend, SEED_END, seedSpendOrg } from "@/lib/analytics/raw-spend-oracle.db-helpers";
import { getSpendSeries } from "@/lib/analytics/get-spend-series";
import { GetSpendQuery } from "@/lib/schemas/spend";
import { makeBudget, makeMember, makeOrg, makeUsageEvent } from "@/tests/factories";
import { updateTimeZone } from "./update-time-zone";

const NOW = new Date("2026-11-20T12:00:00Z");

async function ledgers(orgId: string, budgetId: string) {
  const rows = await prisma().budgetLedger.findMany({ where: { orgId, budgetId }, orderBy: { periodStart: "asc" } });
  return rows.map((l) => ({ start: l.periodStart.toISOString(), spent: l.spentUsd.toFixed(9) }));
}

describe("updateTimeZone", () => {
  it("rebuilds each live budget's current ledger in the new zone and audits the change", async () => {
    const { org } = await makeOrg();
    const user = await makeMember(org.id, "admin");
    const budget = await makeBudget(org.id, { name: "daily", period: "day", limitUsd: "100" });
    const principal = { orgId: org.id, keyId: "k", scopes: ["ingest" as const], teamId: null };
    const events = [
      makeUsageEvent({ timestamp: "2026-11-19T23:30:00Z", costUsd: "1.5" }), // Nov 20 in Berlin, Nov 19 in UTC
      makeUsageEvent({ timestamp: "2026-11-20T08:00:00Z", costUsd: "2.25" }),
    ];
    const ingested = await ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })), contentType: "application/json", now: NOW });
    expect(ingested.accepted).toBe(2);
    expect(await ledgers(org.id, budget.id)).toEqual([
      { start: "2026-11-19T00:00:00.000Z", spent: "1.500000000" },
      { start: "2026-11-20T00:00:00.000Z", spent: "2.250000000" },
    ]);

    const settings = await updateTimeZone({ orgId: org.id, actorUserId: user.id, timeZone: "Europe/Berlin", now: NOW });
    expect(settings.timeZone).toBe("Europe/Berlin");
    // Berlin's Nov 20 starts at 23:00 UTC on Nov 19 and holds both events
    expect(await ledgers(org.id, budget.id)).toContainEqual({ start: "2026-11-19T23:00:00.000Z", spent: "3.750000000" });
    const audit = await prisma().auditLog.findMany({ where: { orgId: org.id, action: "organization.update" } });
    expect(audit.map((a) => [a.actorUserId, a.before, a.after])).toEqual([[user.id, { timeZone: "UTC" }, { timeZone: "Europe/Berlin" }]]);

    // the same zone again changes nothing and audits nothing
    await updateTimeZone({ orgId: org.id, actorUserId: user.id, timeZone: "Europe/Berlin", now: NOW });
    expect(await prisma().auditLog.count({ where: { orgId: org.id, action: "organization.update" } })).toBe(1);
  });

  it("recounts the customer rollup in the new zone: customer spend per local day agrees with raw events", async () => {
    const { orgId } = await seedSpendOrg("UTC");
    const user = await makeMember(orgId, "admin");
    // events not folded yet when the zone changes
    const principal = { orgId, keyId: "k", scopes: ["ingest" as const], teamId: null };
    const late = [makeUsageEvent({ team: "search", timestamp: "2026-11-03T23:30:00Z", costUsd: "0.75", customerId: "cus_late" })];
    expect((await ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events: late })), contentType: "application/json", now: SEED_END })).accepted).toBe(1);

    await updateTimeZone({ orgId, actorUserId: user.id, timeZone: "Europe/Berlin" });
    for (const interval of ["day", "week"]) {
      const query = GetSpendQuery.parse({ from: "2026-10-24T22:00:00Z", to: "2026-11-05T10:20:00Z", groupBy: "customer", interval });
      expectAgreesWithRaw(await getSpendSeries({ orgId, teamIds: null, query }), await rawSpend(orgId, query, null));
    }
  });
});
