// GET /api/v1/insights: the findings of every detector for the caller's
// teams (or the one team asked for), without those someone dismissed, which
// are listed apart with who dismissed them and why.
import { pool } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { DismissalDto, GetInsightsQuery, GetInsightsResponse } from "@/lib/schemas/insights";
import { detectInsights } from "./detect-insights";
import { toInsightDto } from "./to-insight-dto";

/**
 * The team ids a query is limited to: the team asked for (403 outside the
 * caller's teams, 404 when it does not exist), else the caller's scope.
 */
export async function insightTeamScope(orgId: string, teamIds: string[] | null, team: string | undefined): Promise<string[] | null> {
  if (team === undefined) return teamIds;
  const { rows } = await pool().query<{ id: string }>("SELECT id FROM teams WHERE org_id = $1 AND slug = $2", [orgId, team]);
  const id = rows[0]?.id;
  if (teamIds && (!id || !teamIds.includes(id))) throw new AppError("forbidden", `You may read the insights of your own teams only, not of team '${team}'.`);
  if (!id) throw new AppError("not_found", `There is no team '${team}' in this organisation.`);
  return [id];
}

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
  const teamIds = await insightTeamScope(orgId, input.teamIds, query.team);
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
