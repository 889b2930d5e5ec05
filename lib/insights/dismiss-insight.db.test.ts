import { beforeAll, describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db";
import type { Caller } from "@/lib/http/route";
import { DismissInsightBody, GetInsightsQuery } from "@/lib/schemas/insights";
import { seedOrg } from "@/lib/seed/seed-org";
import { reviewTeam } from "@/lib/teams/review-team";
import { makeMember, randomSlug } from "@/tests/factories";
import { dismissInsight, restoreInsight } from "./dismiss-insight";
import { getInsights } from "./get-insights";

const END = new Date("2026-11-28T06:00:00Z");
const range = { to: END.toISOString() };

function callerOf(orgId: string, userId: string, teamIds: string[] | null): Caller {
  return { orgId, teamIds, actorUserId: userId, actorApiKeyId: null, apiKey: null, viewer: { userId } } as unknown as Caller;
}

describe("dismissing and restoring insights", () => {
  let orgId = "";
  let finance: Caller;
  let supportLead: Caller;

  beforeAll(async () => {
    ({ orgId } = await seedOrg({ slug: randomSlug("dis"), events: 30_000, days: 60, end: END }));
    const support = (await pool().query<{ id: string }>("SELECT id FROM teams WHERE org_id = $1 AND slug = 'support'", [orgId])).rows[0].id;
    finance = callerOf(orgId, (await makeMember(orgId, "finance")).id, null);
    supportLead = callerOf(orgId, (await makeMember(orgId, "team_lead", [support])).id, [support]);
  }, 60_000);

  const list = (caller: Caller) => getInsights({ orgId, teamIds: caller.teamIds, query: GetInsightsQuery.parse(range) });

  it("hides a dismissed insight, lists it apart with who and why, audits both ways, and restores it", async () => {
    const before = await list(finance);
    const target = before.insights.find((i) => i.team === "support")!;
    expect(target).toBeDefined();

    const dismissal = await dismissInsight(finance, DismissInsightBody.parse({ insightId: target.id, reason: "Known: migrating next sprint", ...range }));
    expect(dismissal).toMatchObject({ insightId: target.id, kind: target.kind, team: "support", title: target.title, reason: "Known: migrating next sprint", dismissedBy: "finance" });

    const after = await list(finance);
    expect(after.insights.map((i) => i.id)).not.toContain(target.id);
    expect(after.dismissed.map((d) => d.insightId)).toContain(target.id);
    // the team lead of support sees the dismissal too
    expect((await list(supportLead)).dismissed.map((d) => d.insightId)).toContain(target.id);

    await restoreInsight(supportLead, target.id);
    expect((await list(finance)).insights.map((i) => i.id)).toContain(target.id);
    const audit = await prisma().auditLog.findMany({ where: { orgId, entityType: "insight", entityId: target.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["insight.dismiss", "insight.restore"]);
  });

  it("refuses to dismiss what the caller cannot see, and a team lead restoring another team's insight", async () => {
    const other = (await list(finance)).insights.find((i) => i.team !== null && i.team !== "support")!;
    await expect(dismissInsight(supportLead, DismissInsightBody.parse({ insightId: other.id, reason: "not mine", ...range }))).rejects.toMatchObject({ code: "not_found" });
    expect((await list(finance)).insights.map((i) => i.id)).toContain(other.id);
    await expect(dismissInsight(finance, DismissInsightBody.parse({ insightId: "right_size:nope", reason: "gone", ...range }))).rejects.toMatchObject({ code: "not_found" });

    await dismissInsight(finance, DismissInsightBody.parse({ insightId: other.id, reason: "handled by finance", ...range }));
    await expect(restoreInsight(supportLead, other.id)).rejects.toMatchObject({ code: "forbidden" });
    // still dismissed, and only the dismissal audited
    expect((await list(finance)).dismissed.map((d) => d.insightId)).toContain(other.id);
    const audit = await prisma().auditLog.findMany({ where: { orgId, entityType: "insight", entityId: other.id } });
    expect(audit.map((a) => a.action)).toEqual(["insight.dismiss"]);
    await expect(restoreInsight(finance, "never-dismissed")).rejects.toMatchObject({ code: "not_found" });
  });

  it("names the field of a bad dismissal", () => {
    const result = DismissInsightBody.safeParse({ insightId: "x", reason: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["reason"]);
  });

  it("marks an unreviewed team reviewed, which resolves its shadow-spend insight", async () => {
    await prisma().team.updateMany({ where: { orgId, slug: "growth" }, data: { unreviewed: true } });
    const shadow = (await list(finance)).insights.find((i) => i.id === "unbudgeted:unreviewed:growth");
    expect(shadow?.action).toMatchObject({ type: "mark_team_reviewed", team: "growth" });
    const team = await reviewTeam({ orgId, actorUserId: finance.actorUserId!, slug: "growth" });
    expect(team.unreviewed).toBe(false);
    expect((await list(finance)).insights.map((i) => i.id)).not.toContain("unbudgeted:unreviewed:growth");
    await expect(reviewTeam({ orgId, actorUserId: finance.actorUserId!, slug: "nope" })).rejects.toMatchObject({ code: "not_found" });
  });
});
