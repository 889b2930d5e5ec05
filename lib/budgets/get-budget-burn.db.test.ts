import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { formatUsd, parseUsd } from "@/lib/money";
import { GetBudgetBurnResponse, ListBudgetsResponse } from "@/lib/schemas/budget-reads";
import { makeBudget, makeOrg, makeUsageEvent } from "@/tests/factories";
import { getBudgetBurn } from "./get-budget-burn";
import { listBudgets } from "./list-budgets";

const NOW = new Date("2026-11-20T12:00:00Z");

async function ingest(orgId: string, keyId: string, events: Record<string, unknown>[]) {
  const principal = { orgId, keyId, scopes: ["ingest" as const], teamId: null };
  const result = await ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })), contentType: "application/json", now: NOW });
  expect(result).toMatchObject({ accepted: events.length, rejected: [] });
}

async function ledgerSpent(orgId: string, budgetId: string, periodStart: string): Promise<string> {
  const ledger = await prisma().budgetLedger.findUnique({ where: { orgId_budgetId_periodStart: { orgId, budgetId, periodStart: new Date(periodStart) } } });
  return ledger ? ledger.spentUsd.toFixed(9) : formatUsd(0n);
}

const sumDays = (days: { spentUsd: string }[]) => formatUsd(days.reduce((total, d) => total + parseUsd(d.spentUsd), 0n));
const nonZero = (days: { date: string; spentUsd: string }[]) => Object.fromEntries(days.filter((d) => parseUsd(d.spentUsd) !== 0n).map((d) => [d.date, d.spentUsd]));
const event = (timestamp: string, costUsd: string, overrides: Record<string, unknown> = {}) => makeUsageEvent({ timestamp, costUsd, ...overrides });

describe("getBudgetBurn", () => {
  it("per scope: the days add up to the ledger's spent exactly, and only the scope's events count", async () => {
    const { org, teams } = await makeOrg();
    const [alpha] = teams;
    const scopes = { org: null, team: alpha.id, feature: "answer", model: "gpt-4o", apiKey: "key-a" };
    type Scope = keyof typeof scopes;
    const scopeTypes = Object.keys(scopes) as Scope[];
    const made = await Promise.all(scopeTypes.map((scopeType) => makeBudget(org.id, { scopeType, scopeValue: scopes[scopeType] })));
    const budgets = Object.fromEntries(scopeTypes.map((scope, i) => [scope, made[i]])) as Record<Scope, (typeof made)[number]>;
    await ingest(org.id, "key-a", [
      event("2026-10-31T23:59:59.999Z", "100"), // last period: never counted
      event("2026-11-01T00:00:00Z", "0.000000001"),
      event("2026-11-02T10:00:00Z", "1.111111111", { team: "beta" }),
      event("2026-11-02T23:30:00Z", "2.5", { feature: "summaries" }),
      event("2026-11-05T08:00:00Z", "0.333333333", { model: "gpt-4o-2024-08-06" }), // priced as gpt-4o
      event("2026-11-05T09:00:00Z", "7", { model: "claude-sonnet-4", provider: "anthropic" }),
    ]);
    await ingest(org.id, "key-b", [event("2026-11-19T13:00:00Z", "0.25"), event("2026-11-20T11:59:00Z", "4", { team: "beta", feature: "summaries" })]);

    const read = await Promise.all(scopeTypes.map((scope) => getBudgetBurn({ orgId: org.id, teamIds: null, budgetId: budgets[scope].id, now: NOW })));
    const burns = Object.fromEntries(scopeTypes.map((scope, i) => [scope, read[i]])) as Record<Scope, (typeof read)[number]>;
    for (const scope of scopeTypes) {
      const burn = burns[scope];
      expect(GetBudgetBurnResponse.parse({ burn }), scope).toBeTruthy();
      expect(burn.days, scope).toHaveLength(30);
      expect(sumDays(burn.days), scope).toBe(burn.spentUsd);
      expect(burn.spentUsd, scope).toBe(await ledgerSpent(org.id, budgets[scope].id, burn.periodStart));
    }
    expect(burns.org.spentUsd).toBe("15.194444445");
    expect(nonZero(burns.team.days)).toEqual({ "2026-11-01": "0.000000001", "2026-11-02": "2.500000000", "2026-11-05": "7.333333333", "2026-11-19": "0.250000000" });
    expect(burns.feature.spentUsd).toBe("8.694444445");
    // every event is gpt-4o but the claude one; the dated snapshot counts
    expect(nonZero(burns.model.days)).toEqual({ "2026-11-01": "0.000000001", "2026-11-02": "3.611111111", "2026-11-05": "0.333333333", "2026-11-19": "0.250000000", "2026-11-20": "4.000000000" });
    expect(burns.apiKey.spentUsd).toBe("10.944444445");
    expect(burns.org).toMatchObject({ periodStart: "2026-11-01T00:00:00.000Z", periodEnd: "2026-12-01T00:00:00.000Z", limitUsd: "100.000000000", forecastMethod: "linear_run_rate" });
    // 19.5 of 30 days gone: 15.194444445 × 30 / 19.5
    expect(burns.org.forecastUsd).toBe("23.376068377");

    const listed = await listBudgets({ orgId: org.id, teamIds: null, timeZone: "UTC", now: NOW });
    expect(ListBudgetsResponse.parse({ budgets: listed }).budgets).toHaveLength(5);
  });

  it.each([
    // half-hour zone: local midnight falls inside a UTC hour, read from raw events around it
    ["Asia/Kolkata", "2026-10-31T18:30:00.000Z", ["2026-11-01T18:29:59.999Z", "2026-11-01T18:30:00Z"], ["2026-11-01", "2026-11-02"], "2026-10-31T18:29:59.999Z"],
    // Los Angeles leaves summer time on 1 November 2026: that day lasts 25 hours
    ["America/Los_Angeles", "2026-11-01T07:00:00.000Z", ["2026-11-02T07:59:59.999Z", "2026-11-02T08:00:00Z"], ["2026-11-01", "2026-11-02"], "2026-11-01T06:59:59.999Z"],
  ])("%s: days begin at local midnight", async (timeZone, periodStart, [lastOfDay, firstOfNext], [day1, day2], beforePeriod) => {
    const { org } = await makeOrg();
    await prisma().organization.update({ where: { id: org.id }, data: { timeZone } });
    const budget = await makeBudget(org.id, { period: "month" });
    await ingest(org.id, "key-a", [event(beforePeriod, "50"), event(lastOfDay, "1.5"), event(firstOfNext, "2.25"), event("2026-11-10T12:00:00Z", "0.000000003")]);

    const burn = await getBudgetBurn({ orgId: org.id, teamIds: null, budgetId: budget.id, now: NOW });
    expect(burn).toMatchObject({ timeZone, periodStart, spentUsd: "3.750000003" });
    expect(burn.days[0]).toMatchObject({ date: "2026-11-01", start: periodStart });
    expect(nonZero(burn.days)).toEqual({ [day1]: "1.500000000", [day2]: "2.250000000", "2026-11-10": "0.000000003" });
    expect(burn.spentUsd).toBe(await ledgerSpent(org.id, budget.id, periodStart));
  });

  it("week periods in the organisation's zone: Monday to Sunday, seven days", async () => {
    const { org } = await makeOrg();
    await prisma().organization.update({ where: { id: org.id }, data: { timeZone: "Europe/Berlin" } });
    const budget = await makeBudget(org.id, { period: "week" });
    const burn = await getBudgetBurn({ orgId: org.id, teamIds: null, budgetId: budget.id, now: NOW });
    expect(burn.days.map((d) => d.date)).toEqual(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"]);
    expect(burn).toMatchObject({ periodStart: "2026-11-15T23:00:00.000Z", spentUsd: "0.000000000", forecastUsd: "0.000000000" });
  });

  it("team-limited callers reach only their teams' budgets; other organisations' budgets are not found", async () => {
    const { org, teams } = await makeOrg();
    const own = await makeBudget(org.id, { scopeType: "team", scopeValue: teams[0].id });
    const other = await makeBudget(org.id, { scopeType: "team", scopeValue: teams[1].id });
    const orgWide = await makeBudget(org.id);
    const stranger = await makeOrg();
    const read = (orgId: string, budgetId: string, teamIds: string[] | null) => getBudgetBurn({ orgId, teamIds, budgetId, now: NOW });

    await expect(read(org.id, own.id, [teams[0].id])).resolves.toMatchObject({ budgetId: own.id });
    for (const id of [other.id, orgWide.id, "no-such-budget"]) await expect(read(org.id, id, [teams[0].id])).rejects.toMatchObject({ code: "not_found" });
    await expect(read(stranger.org.id, own.id, null)).rejects.toMatchObject({ code: "not_found" });
  });
});
