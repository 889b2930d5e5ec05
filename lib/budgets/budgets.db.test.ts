import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { pool, prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Caller } from "@/lib/http/route";
import { CreateBudgetBody, UpdateBudgetBody } from "@/lib/schemas/budgets";
import { makeOrg } from "@/tests/factories";
import { createBudget } from "./create-budget";
import { listBudgets } from "./list-budgets";
import { archiveBudget, updateBudget } from "./update-budget";

function callerAs(orgId: string, role: Role, teamIds: string[] = []): Caller {
  const viewer = { userId: `u-${role}`, email: "", name: role, orgId, orgSlug: "", orgName: "", timeZone: "UTC", role, teamIds } satisfies Viewer;
  const limited = role === "team_lead" || role === "viewer";
  return { orgId, teamIds: limited ? teamIds : null, actorUserId: viewer.userId, actorApiKeyId: null, viewer, apiKey: null };
}

const body = (overrides: Record<string, unknown> = {}) => CreateBudgetBody.parse({ name: "search monthly", scope: { type: "team", value: "alpha" }, period: "month", limitUsd: "500", ...overrides });

describe("budgets", () => {
  it("finance creates any budget; the team scope is stored by id and shown by slug", async () => {
    const { org, teams } = await makeOrg();
    const budget = await createBudget(callerAs(org.id, "finance"), body({ agentGuard: { maxSteps: 40 } }));
    expect(budget).toMatchObject({ scope: { type: "team", value: "alpha" }, limitUsd: "500.000000000", mode: "hard", action: "deny", alertThresholds: [0.5, 0.8, 1], agentGuard: { maxSteps: 40 } });
    const stored = await prisma().budget.findUniqueOrThrow({ where: { orgId_id: { orgId: org.id, id: budget.id } } });
    expect(stored.scopeValue).toBe(teams[0].id);
  });

  it.each<[Role, string, boolean]>([
    ["admin", "org", true],
    ["finance", "org", true],
    ["team_lead", "own team", true],
    ["team_lead", "other team", false],
    ["team_lead", "org", false],
    ["viewer", "own team", false],
  ])("%s on %s → allowed %s", async (role, target, allowed) => {
    const { org, teams } = await makeOrg();
    const caller = callerAs(org.id, role, [teams[0].id]);
    const scope = target === "org" ? { type: "org" } : { type: "team", value: target === "own team" ? "alpha" : "beta" };
    const attempt = createBudget(caller, body({ scope }));
    if (allowed) await expect(attempt).resolves.toMatchObject({ name: "search monthly" });
    else await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    // a refusal keeps nothing, not even an audit entry
    expect(await prisma().budget.count({ where: { orgId: org.id } })).toBe(allowed ? 1 : 0);
    expect(await prisma().auditLog.count({ where: { orgId: org.id } })).toBe(allowed ? 1 : 0);
  });

  it("refuses an unknown team naming scope.value, and keeps nothing", async () => {
    const { org } = await makeOrg();
    await expect(createBudget(callerAs(org.id, "finance"), body({ scope: { type: "team", value: "nope" } }))).rejects.toMatchObject({ code: "validation_failed" });
    expect(await prisma().budget.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("audits every change, before → after, and lists the current period", async () => {
    const { org, teams } = await makeOrg();
    const lead = callerAs(org.id, "team_lead", [teams[0].id]);
    const created = await createBudget(lead, body());
    await updateBudget(lead, created.id, { limitUsd: "750.000000000" });
    await expect(updateBudget(lead, created.id, { scope: { type: "team", value: "beta" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateBudget(lead, created.id, { action: "downgrade" })).rejects.toMatchObject({ code: "validation_failed" });
    const listed = await listBudgets({ orgId: org.id, teamIds: [teams[0].id], timeZone: "UTC" });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ limitUsd: "750.000000000", current: { spentUsd: "0.000000000", remainingUsd: "750.000000000", status: "ok" } });
    await archiveBudget(lead, created.id);
    expect(await listBudgets({ orgId: org.id, teamIds: null, timeZone: "UTC" })).toHaveLength(0);
    const audit = await prisma().auditLog.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["budget.create", "budget.update", "budget.archive"]);
    expect(audit[1]).toMatchObject({ actorUserId: "u-team_lead", before: expect.objectContaining({ limitUsd: "500.000000000" }), after: expect.objectContaining({ limitUsd: "750.000000000" }) });
  });

  it("a partial PATCH, parsed as the route parses it, changes only the fields it sends", async () => {
    const { org } = await makeOrg();
    const finance = callerAs(org.id, "finance");
    const created = await createBudget(finance, body({ mode: "soft", action: "downgrade", downgradeTo: "gpt-4o-mini", failMode: "closed", alertThresholds: [0.9], agentGuard: { maxSteps: 40 } }));
    const patched = await updateBudget(finance, created.id, UpdateBudgetBody.parse({ limitUsd: "600" }));
    expect(patched).toEqual({ ...created, limitUsd: "600.000000000", updatedAt: patched.updatedAt });
    // a downgrade still needs its model, whether the action or the model is what the PATCH sends
    await expect(updateBudget(finance, created.id, UpdateBudgetBody.parse({ downgradeTo: null }))).rejects.toMatchObject({ code: "validation_failed" });
    const denying = await updateBudget(finance, created.id, UpdateBudgetBody.parse({ action: "deny", downgradeTo: null }));
    expect(denying).toMatchObject({ action: "deny", mode: "soft", failMode: "closed", alertThresholds: [0.9] });
    await expect(updateBudget(finance, created.id, UpdateBudgetBody.parse({ action: "downgrade" }))).rejects.toMatchObject({ code: "validation_failed" });
    await expect(updateBudget(finance, created.id, UpdateBudgetBody.parse({ action: "downgrade", downgradeTo: "gpt-4o-mini" }))).resolves.toMatchObject({ action: "downgrade", downgradeTo: "gpt-4o-mini" });
  });

  it("does not reach another organisation's budget", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const budget = await createBudget(callerAs(a.org.id, "finance"), body());
    await expect(updateBudget(callerAs(b.org.id, "finance"), budget.id, { name: "x" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("a new budget's ledger", () => {
  it("counts the spend its scope already had this period, and only that", async () => {
    const { org, teams } = await makeOrg();
    const { ingestEvents } = await import("@/lib/ingest/ingest-events");
    const { makeUsageEvent } = await import("@/tests/factories");
    const principal = { orgId: org.id, keyId: "k", scopes: ["ingest" as const], teamId: null };
    const now = new Date().toISOString();
    const events = [
      makeUsageEvent({ team: "alpha", timestamp: now, costUsd: "1.5" }),
      makeUsageEvent({ team: "alpha", timestamp: now, costUsd: "0.25" }),
      makeUsageEvent({ team: "beta", timestamp: now, costUsd: "7" }),
      makeUsageEvent({ team: "alpha", timestamp: "2020-01-01T00:00:00Z", costUsd: "9" }),
    ];
    await ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })), contentType: "application/json" });
    const caller = callerAs(org.id, "finance");
    const budget = await createBudget(caller, body());
    const [listed] = await listBudgets({ orgId: org.id, teamIds: [teams[0].id], timeZone: "UTC" });
    expect(listed.current.spentUsd).toBe("1.750000000");
    await updateBudget(caller, budget.id, { scope: { type: "team", value: "beta" } });
    const [moved] = await listBudgets({ orgId: org.id, teamIds: null, timeZone: "UTC" });
    expect(moved.current.spentUsd).toBe("7.000000000");
    // exactly at its limit nothing is left: over (the policy engine refuses every call then)
    await updateBudget(caller, budget.id, { limitUsd: "7", alertThresholds: [] });
    const [full] = await listBudgets({ orgId: org.id, teamIds: null, timeZone: "UTC" });
    expect(full.current).toMatchObject({ remainingUsd: "0.000000000", status: "over" });
  });
});

describe("alerts a budget has already reached", () => {
  it("are raised when the budget is created past them, or its limit is lowered below its spend, once each", async () => {
    const { org } = await makeOrg();
    const { ingestEvents } = await import("@/lib/ingest/ingest-events");
    const { makeUsageEvent } = await import("@/tests/factories");
    const principal = { orgId: org.id, keyId: "k", scopes: ["ingest" as const], teamId: null };
    const events = [makeUsageEvent({ team: "alpha", timestamp: new Date().toISOString(), costUsd: "9" })];
    await ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })), contentType: "application/json" });
    const caller = callerAs(org.id, "finance");
    const budget = await createBudget(caller, body({ limitUsd: "10", alertThresholds: [0.5, 0.8] }));
    const alertsOf = async () =>
      (await pool().query("SELECT kind, threshold::float8 AS threshold FROM alerts WHERE org_id = $1 AND budget_id = $2 ORDER BY threshold", [org.id, budget.id])).rows;
    expect(await alertsOf()).toEqual([{ kind: "threshold", threshold: 0.5 }, { kind: "threshold", threshold: 0.8 }]);
    await updateBudget(caller, budget.id, { limitUsd: "9" });
    await updateBudget(caller, budget.id, { name: "renamed" });
    expect(await alertsOf()).toEqual([{ kind: "threshold", threshold: 0.5 }, { kind: "threshold", threshold: 0.8 }, { kind: "cap", threshold: 1 }]);
  });
});

describe("a budget write beside ingest", () => {
  it("waits for transactions writing ledgers to commit before it counts the spend, so none of theirs is missed", async () => {
    const { org, teams } = await makeOrg();
    const writer = await pool().connect();
    try {
      // an ingest transaction, mid-way: its event is stored (no budget yet for its trigger to
      // add it to) and it holds the lock its ledger upsert takes
      await writer.query("BEGIN");
      await writer.query(
        "INSERT INTO usage_events (org_id, event_id, ts, team_id, model, cost_source, cost_usd) VALUES ($1, 'in-flight', now(), $2, 'gpt-4o', 'catalog', 1.25)",
        [org.id, teams[0].id],
      );
      await writer.query("LOCK TABLE budget_ledgers IN ROW EXCLUSIVE MODE");
      let created = false;
      const creating = createBudget(callerAs(org.id, "finance"), body()).then(() => (created = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(created).toBe(false);
      await writer.query("COMMIT");
      await creating;
      expect(created).toBe(true);
      // the new budget counted the event that committed while it waited
      const [listed] = await listBudgets({ orgId: org.id, teamIds: null, timeZone: "UTC" });
      expect(listed.current.spentUsd).toBe("1.250000000");
    } finally {
      writer.release();
    }
  });
});
