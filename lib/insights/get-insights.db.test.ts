import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { GetInsightsQuery, GetInsightsResponse } from "@/lib/schemas/insights";
import { CreateBudgetBody } from "@/lib/schemas/budgets";
import { RUNAWAY } from "@/lib/seed/demo-catalog";
import { seedOrg } from "@/lib/seed/seed-org";
import { randomSlug } from "@/tests/factories";
import { pool } from "@/lib/db";
import { getInsights } from "./get-insights";

const END = new Date("2026-11-28T06:00:00Z");
const query = (params: Record<string, string> = {}) => GetInsightsQuery.parse({ to: END.toISOString(), ...params });

describe("getInsights on the demo organisation", () => {
  let orgId = "";
  let teamId = (slug: string) => slug;

  beforeAll(async () => {
    // the demo as `npm start` seeds it: 60,000 events over 90 days
    ({ orgId } = await seedOrg({ slug: randomSlug("ins"), events: 60_000, days: 90, end: END }));
    const { rows } = await pool().query<{ id: string; slug: string }>("SELECT id, slug FROM teams WHERE org_id = $1", [orgId]);
    const ids = new Map(rows.map((r) => [r.slug, r.id]));
    teamId = (slug) => ids.get(slug)!;
  }, 60_000);

  it("finds the planted spike, the runaway trace, the over-provisioned feature and the duplicated prompts, each with dollars", async () => {
    const answer = GetInsightsResponse.parse(await getInsights({ orgId, teamIds: null, query: query() }));
    const find = (kind: string, feature: string) => answer.insights.find((i) => i.kind === kind && i.feature === feature);

    const rightSize = find("right_size", "ticket-triage");
    expect(rightSize).toMatchObject({ team: "support", model: "claude-opus-4-1" });
    expect(Number(rightSize!.monthlySavingsUsd)).toBeGreaterThan(1);

    // where ROI data exists for the feature's models: cost per outcome of each
    const drafts = find("right_size", "reply-drafts");
    expect(drafts?.model).toBe("gpt-4.1");
    expect(drafts!.evidence.costPerOutcomeUsd).toMatch(/^\d+\.\d{9}$/);
    const mini = (drafts!.evidence.candidates as Array<{ model: string; costPerOutcomeUsd: string | null }>).find((c) => c.model === "gpt-4o-mini");
    expect(mini?.costPerOutcomeUsd).toMatch(/^\d+\.\d{9}$/);

    const redundancy = find("redundancy", "reply-drafts");
    expect(redundancy?.team).toBe("support");
    expect(redundancy!.evidence.repeatedShare as number).toBeGreaterThan(0.25);

    const runaway = find("runaway_agent", RUNAWAY.feature);
    expect(runaway?.traceId).toMatch(/-t0$/);
    expect((runaway!.evidence.worst as Array<{ steps: number }>)[0].steps).toBeGreaterThanOrEqual(300);

    const spike = find("anomaly", RUNAWAY.feature);
    expect(spike?.team).toBe("data-science");
    expect(Number(spike!.usdAtStake)).toBeGreaterThan(1);

    // nothing else flagged as a runaway or a spike: the rest of the demo is clean traffic
    expect(answer.insights.filter((i) => i.kind === "anomaly").map((i) => i.feature)).toEqual([RUNAWAY.feature]);
    expect(answer.insights.filter((i) => i.kind === "runaway_agent").map((i) => i.feature)).toEqual([RUNAWAY.feature]);

    // most valuable first
    const dollars = answer.insights.map((i) => Number(i.monthlySavingsUsd ?? i.usdAtStake));
    expect(dollars).toEqual([...dollars].sort((a, b) => b - a));
    // every suggested budget is a body POST /api/v1/budgets accepts
    for (const i of answer.insights) if (i.action?.type === "create_budget") expect(CreateBudgetBody.safeParse(i.action.budget).success, i.id).toBe(true);
  });

  it("limits a team-scoped caller to their teams, and refuses other teams by name", async () => {
    const support = [teamId("support")];
    const answer = await getInsights({ orgId, teamIds: support, query: query() });
    expect(answer.insights.length).toBeGreaterThan(0);
    expect(new Set(answer.insights.map((i) => i.team))).toEqual(new Set(["support"]));

    await expect(getInsights({ orgId, teamIds: support, query: query({ team: "data-science" }) })).rejects.toMatchObject({ code: "forbidden" } satisfies Partial<AppError>);
    await expect(getInsights({ orgId, teamIds: null, query: query({ team: "no-such-team" }) })).rejects.toMatchObject({ code: "not_found" });
    const filtered = await getInsights({ orgId, teamIds: null, query: query({ team: "data-science" }) });
    expect(new Set(filtered.insights.map((i) => i.team))).toEqual(new Set(["data-science"]));
  });
});
