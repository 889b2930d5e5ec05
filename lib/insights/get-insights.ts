// GET /api/v1/insights: the findings of every detector for the caller's
// teams (or the one team asked for), without those someone dismissed, which
// are listed apart with who dismissed them and why.
import { scopeToNamedTeam } from "@/lib/analytics/team-scope";
import { pool } from "@/lib/db";
import type { DismissalDto, GetInsightsQuery, GetInsightsResponse } from "@/lib/schemas/insights";
import { detectInsights } from "./detect-insights";
import { toInsightDto } from "./to-insight-dto";

/** Dismissals of the organisation, or of the given teams' insights only. */
async function listDismissals(orgId: string, teamIds: string[] | null): Promise<DismissalDto[]> {
  const { rows } = await pool().query<{ insight_id: string; kind: DismissalDto["kind"]; team: string | null; title: string; reason: string; by: string | null; at: Date }>(
    `SELECT d.insight_id, d.kind, d.team, d.title, d.reason, coalesce(u.name, u.email) AS by, d.dismissed_at AS at
       FROM insight_dismissals d LEFT JOIN users u ON u.id = d.dismissed_by_id
      WHERE d.org_id = $1 AND ($2::text[] IS NULL OR d.team IN (SELECT slug FROM teams WHERE org_id = $1 AND id = ANY($2)))
      ORDER BY d.dismissed_at DESC`,
    [orgId, teamIds],
  );
  return rows.map((r) => ({ insightId: r.insight_id, kind: r.kind, team: r.team, title: r.title, reason: r.reason, dismissedBy: r.by, dismissedAt: r.at.toISOString() }));
}

export async function getInsights(input: { orgId: string; teamIds: string[] | null; query: GetInsightsQuery }): Promise<GetInsightsResponse> {
  const { orgId, query } = input;
  const teamIds = await scopeToNamedTeam({ orgId, teamIds: input.teamIds, team: query.team, what: "insights" });
  const [{ insights, detail }, dismissals] = await Promise.all([detectInsights({ orgId, teamIds, from: query.from, to: query.to }), listDismissals(orgId, teamIds)]);
  const dismissedIds = new Set(dismissals.map((d) => d.insightId));
  return {
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    detailWindow: { from: new Date(detail.from).toISOString(), to: new Date(detail.to).toISOString() },
    insights: insights.filter((i) => !dismissedIds.has(i.id)).map(toInsightDto),
    dismissed: dismissals,
  };
}
