import { describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { listAlerts } from "./list-alerts";
import { makeBudget, makeOrg, makeUsageEvent } from "@/tests/factories";

const NOV = "2026-11-02T10:15:00Z";
const OCT = "2026-10-20T08:00:00Z";

function ingest(orgId: string, events: Record<string, unknown>[]) {
  const principal = { orgId, keyId: "test-key", scopes: ["ingest" as const], teamId: null };
  return ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })), contentType: "application/json" });
}

/** An event that costs exactly `costUsd`. */
const spend = (costUsd: string, overrides: Record<string, unknown> = {}) => makeUsageEvent({ costUsd, timestamp: NOV, ...overrides });

async function alertsOf(orgId: string) {
  const { rows } = await pool().query(
    `SELECT kind, threshold::text, period_start, message, payload FROM alerts WHERE org_id = $1 ORDER BY period_start, threshold`,
    [orgId],
  );
  return rows;
}

describe("budget alerts on ingest", () => {
  it("crossing 50% and 100% raises one alert per threshold and period, whatever is ingested again", async () => {
    const { org } = await makeOrg();
    const budget = await makeBudget(org.id, { name: "search monthly", limitUsd: "1", alertThresholds: [0.5, 1] });

    await ingest(org.id, [spend("0.3")]);
    expect(await alertsOf(org.id)).toEqual([]);

    const crossing = [spend("0.3")];
    await ingest(org.id, crossing);
    const half = await alertsOf(org.id);
    expect(half).toHaveLength(1);
    expect(half[0]).toMatchObject({
      kind: "threshold",
      threshold: "0.5000",
      period_start: new Date("2026-11-01T00:00:00Z"),
      message: "Budget 'search monthly' reached 50% of $1.00 (month of Nov 2026); $0.60 spent",
      payload: {
        budgetId: budget.id,
        budgetName: "search monthly",
        scope: "org",
        period: "month",
        periodStart: "2026-11-01T00:00:00.000Z",
        threshold: 0.5,
        percent: 50,
        spentUsd: "0.600000000",
        limitUsd: "1.000000000",
      },
    });

    // the same batch again: duplicates, no spend, no alert
    expect(await ingest(org.id, crossing)).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await alertsOf(org.id)).toHaveLength(1);

    await ingest(org.id, [spend("0.5")]);
    const all = await alertsOf(org.id);
    expect(all.map((a) => [a.kind, a.threshold])).toEqual([["threshold", "0.5000"], ["cap", "1.0000"]]);
    expect(all[1].message).toBe("Budget 'search monthly' reached its cap: 100% of $1.00 (month of Nov 2026); $1.10 spent");

    // more spend, in many batches, changes nothing
    for (let i = 0; i < 5; i++) await ingest(org.id, [spend("0.2"), spend("0.01")]);
    expect(await alertsOf(org.id)).toHaveLength(2);
  });

  it("many concurrent batches crossing the thresholds still raise each alert once", async () => {
    const { org } = await makeOrg();
    await makeBudget(org.id, { limitUsd: "1", alertThresholds: [0.5, 0.8, 1] });
    await Promise.all(Array.from({ length: 40 }, () => ingest(org.id, [spend("0.05")])));
    const { rows } = await pool().query("SELECT spent_usd::text FROM budget_ledgers WHERE org_id = $1", [org.id]);
    expect(rows[0].spent_usd).toBe("2.000000000");
    expect((await alertsOf(org.id)).map((a) => [a.kind, a.threshold])).toEqual([["threshold", "0.5000"], ["threshold", "0.8000"], ["cap", "1.0000"]]);
  });

  it("each period alerts on its own; one batch over several thresholds raises them all", async () => {
    const { org } = await makeOrg();
    await makeBudget(org.id, { limitUsd: "10", alertThresholds: [0.5, 0.9, 1.5] });
    await ingest(org.id, [spend("16", { timestamp: OCT }), spend("6")]);
    const rows = await alertsOf(org.id);
    expect(rows.map((a) => [a.period_start.toISOString().slice(0, 7), a.kind, a.threshold])).toEqual([
      ["2026-10", "threshold", "0.5000"],
      ["2026-10", "threshold", "0.9000"],
      ["2026-10", "cap", "1.0000"],
      ["2026-10", "cap", "1.5000"],
      ["2026-11", "threshold", "0.5000"],
    ]);
    expect(rows[3].message).toBe("Budget '" + rows[3].payload.budgetName + "' reached 150% of $10.00 (month of Oct 2026); $16.00 spent");
    // raised together, listed newest first in threshold order
    const listed = await listAlerts({ orgId: org.id, teamIds: null, status: "all", limit: 10 });
    expect(listed.alerts.map((a) => `${a.periodStart?.slice(0, 7)} ${a.payload && "percent" in a.payload ? a.payload.percent : null}`)).toEqual(["2026-11 50", "2026-10 150", "2026-10 100", "2026-10 90", "2026-10 50"]);
  });

  it("the cap alerts even when no threshold is listed; scopes and periods are named as the budget says", async () => {
    const { org, teams } = await makeOrg({ teams: ["search", "other"] });
    await prisma().organization.update({ where: { id: org.id }, data: { timeZone: "Europe/Paris" } });
    await makeBudget(org.id, { name: "search daily", scopeType: "team", scopeValue: teams[0].id, period: "day", limitUsd: "1", alertThresholds: [] });
    await makeBudget(org.id, { name: "answer weekly", scopeType: "feature", scopeValue: "answer", period: "week", limitUsd: "100", alertThresholds: [0.01] });
    await ingest(org.id, [spend("2", { team: "other" }), spend("1.5", { team: "search", timestamp: "2026-11-02T23:30:00Z" })]);
    const messages = (await alertsOf(org.id)).map((a) => [a.message, a.payload.scope]);
    expect(messages).toEqual([
      ["Budget 'answer weekly' reached 1% of $100.00 (week of 2 Nov 2026); $3.50 spent", "feature:answer"],
      ["Budget 'search daily' reached its cap: 100% of $1.00 (3 Nov 2026); $1.50 spent", "team:search"],
    ]);
  });

  it("looks only at the ledgers the batch wrote; quarters are named as such", async () => {
    const { org } = await makeOrg();
    const budget = await makeBudget(org.id, { name: "q", period: "quarter", limitUsd: "10", alertThresholds: [0.5] });
    // an earlier quarter's ledger past its threshold, which the batch does not write: not looked at
    await pool().query(
      `INSERT INTO budget_ledgers (org_id, budget_id, period_start, period_end, spent_usd) VALUES ($1, $2, '2026-07-01T00:00:00Z', '2026-10-01T00:00:00Z', 9)`,
      [org.id, budget.id],
    );
    await ingest(org.id, [spend("6")]);
    expect((await alertsOf(org.id)).map((a) => [a.kind, a.threshold, a.message])).toEqual([["threshold", "0.5000", "Budget 'q' reached 50% of $10.00 (Q4 2026); $6.00 spent"]]);
  });

  it("reserved money raises no alert (alerts are on spend); archived budgets and other organisations stay quiet", async () => {
    const { org } = await makeOrg();
    const budget = await makeBudget(org.id, { limitUsd: "1", alertThresholds: [0.5] });
    await makeBudget(org.id, { limitUsd: "0.01", alertThresholds: [0.5], archivedAt: new Date() });
    await pool().query(
      `INSERT INTO budget_ledgers (org_id, budget_id, period_start, period_end, reserved_usd) VALUES ($1, $2, '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 0.95)`,
      [org.id, budget.id],
    );
    await ingest(org.id, [spend("0.1")]);
    expect(await alertsOf(org.id)).toEqual([]);

    // another organisation's spend reaches neither this organisation's ledger nor its alerts
    const { org: quiet } = await makeOrg();
    await ingest(quiet.id, [spend("1000")]);
    expect(await alertsOf(quiet.id)).toEqual([]);
    expect(await alertsOf(org.id)).toEqual([]);
    const { rows } = await pool().query("SELECT sum(spent_usd)::text AS spent FROM budget_ledgers WHERE org_id = $1 AND budget_id = $2", [org.id, budget.id]);
    expect(rows).toEqual([{ spent: "0.100000000" }]);
  });

  it("new alerts queue a delivery to each enabled webhook in the same transaction", async () => {
    const { org } = await makeOrg();
    await makeBudget(org.id, { limitUsd: "1", alertThresholds: [0.5, 1] });
    const on = await prisma().webhook.create({ data: { orgId: org.id, name: "on", url: "http://127.0.0.1:9/x", format: "generic", secret: "s", secretPrefix: "s" }, select: { id: true } });
    await prisma().webhook.create({ data: { orgId: org.id, name: "off", url: "http://127.0.0.1:9/y", format: "slack", secret: "s", secretPrefix: "s", enabled: false } });
    await ingest(org.id, [spend("0.7")]);
    await ingest(org.id, [spend("0.7")]);
    await ingest(org.id, [spend("0.7")]);
    const deliveries = await prisma().webhookDelivery.findMany({ where: { orgId: org.id }, include: { alert: true } });
    expect(deliveries.map((d) => [d.webhookId, d.status, d.attempts, d.event, d.alert?.kind]).sort()).toEqual([
      [on.id, "pending", 0, "budget.alert", "cap"],
      [on.id, "pending", 0, "budget.alert", "threshold"],
    ]);
  });
});
