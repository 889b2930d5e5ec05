import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { AlertDto, ListAlertsResponse } from "@/lib/schemas/alerts";
import { makeBudget, makeOrg } from "@/tests/factories";
import { acknowledgeAlert } from "./acknowledge-alert";
import { listAlerts } from "./list-alerts";

async function setup() {
  const { org, teams } = await makeOrg();
  const [alpha, beta] = teams;
  const orgBudget = await makeBudget(org.id, { name: "all" });
  const alphaBudget = await makeBudget(org.id, { name: "alpha", scopeType: "team", scopeValue: alpha.id });
  const betaBudget = await makeBudget(org.id, { name: "beta", scopeType: "team", scopeValue: beta.id });
  const base = Date.parse("2026-11-20T10:00:00Z");
  const alerts = [orgBudget, alphaBudget, betaBudget, alphaBudget].map((b, i) => ({
    orgId: org.id,
    budgetId: b.id,
    kind: "threshold",
    threshold: [0.5, 0.5, 0.5, 0.8][i],
    periodStart: new Date("2026-11-01T00:00:00Z"),
    message: `alert ${i}`,
    createdAt: new Date(base + i * 1000),
  }));
  await prisma().alert.createMany({ data: alerts });
  return { org, alpha, beta };
}

describe("alerts", () => {
  it("lists newest first, page by page; team roles see their teams' budgets only", async () => {
    const { org, alpha } = await setup();
    const all = await listAlerts({ orgId: org.id, teamIds: null, status: "all", limit: 3 });
    expect(ListAlertsResponse.parse(all)).toEqual(all);
    expect(all.alerts.map((a) => a.message)).toEqual(["alert 3", "alert 2", "alert 1"]);
    const rest = await listAlerts({ orgId: org.id, teamIds: null, status: "all", limit: 3, cursor: all.nextCursor! });
    expect(rest).toMatchObject({ alerts: [{ message: "alert 0", threshold: 0.5, kind: "threshold", acknowledgedAt: null }], nextCursor: null });

    const team = await listAlerts({ orgId: org.id, teamIds: [alpha.id], status: "all", limit: 50 });
    expect(team.alerts.map((a) => a.message)).toEqual(["alert 3", "alert 1"]);
    expect((await listAlerts({ orgId: org.id, teamIds: [], status: "all", limit: 50 })).alerts).toEqual([]);
    await expect(listAlerts({ orgId: org.id, teamIds: null, status: "all", limit: 3, cursor: "nonsense" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("acknowledges once (audited), hides acknowledged ones from 'open', refuses alerts out of reach", async () => {
    const { org, alpha, beta } = await setup();
    const [newest] = (await listAlerts({ orgId: org.id, teamIds: [alpha.id], status: "all", limit: 1 })).alerts;
    const first = await acknowledgeAlert({ orgId: org.id, id: newest.id, teamIds: [alpha.id], actorUserId: null });
    expect(AlertDto.parse(first).acknowledgedAt).not.toBeNull();
    const again = await acknowledgeAlert({ orgId: org.id, id: newest.id, teamIds: null, actorUserId: null });
    expect(again.acknowledgedAt).toBe(first.acknowledgedAt);
    expect(await prisma().auditLog.count({ where: { orgId: org.id, action: "alert.acknowledge", entityId: newest.id } })).toBe(1);

    const open = await listAlerts({ orgId: org.id, teamIds: null, status: "open", limit: 50 });
    expect(open.alerts.map((a) => a.message)).toEqual(["alert 2", "alert 1", "alert 0"]);

    await expect(acknowledgeAlert({ orgId: org.id, id: newest.id, teamIds: [beta.id], actorUserId: null })).rejects.toMatchObject({ code: "not_found" });
    const other = await makeOrg();
    await expect(acknowledgeAlert({ orgId: other.org.id, id: newest.id, teamIds: null, actorUserId: null })).rejects.toMatchObject({ code: "not_found" });
  });
});
