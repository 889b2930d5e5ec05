// What shadow-spend detection needs besides spend: the budgets in force
// (team scopes by slug), the teams with their review flag, and the ingest
// keys nobody owns (bound to no team, their creator no longer a member).
import { pool } from "@/lib/db";
import type { ActiveBudget } from "./detect-unbudgeted";

export type Governance = {
  budgets: ActiveBudget[];
  teams: Array<{ slug: string; name: string; unreviewed: boolean }>;
  ownerlessKeys: Array<{ id: string; name: string; prefix: string }>;
};

const SCOPE: Record<string, ActiveBudget["scope"]> = { org: "org", team: "team", feature: "feature", model: "model", api_key: "apiKey" };

export async function loadGovernance(input: { orgId: string; teamIds: string[] | null }): Promise<Governance> {
  const { orgId, teamIds } = input;
  const [budgets, teams, keys] = await Promise.all([
    pool().query<{ scope_type: string; value: string | null }>(
      `SELECT b.scope_type::text, CASE WHEN b.scope_type = 'team' THEN t.slug ELSE b.scope_value END AS value
         FROM budgets b LEFT JOIN teams t ON b.scope_type = 'team' AND t.org_id = b.org_id AND t.id = b.scope_value
        WHERE b.org_id = $1 AND b.archived_at IS NULL`,
      [orgId],
    ),
    pool().query<{ slug: string; name: string; unreviewed: boolean }>(
      `SELECT slug, name, unreviewed FROM teams WHERE org_id = $1 AND ($2::text[] IS NULL OR id = ANY($2)) ORDER BY slug`,
      [orgId, teamIds],
    ),
    // a team-limited caller sees no unbound key: those belong to the organisation
    teamIds
      ? Promise.resolve({ rows: [] })
      : pool().query<{ id: string; name: string; prefix: string }>(
          `SELECT k.id, k.name, k.prefix FROM api_keys k
            WHERE k.org_id = $1 AND k.revoked_at IS NULL AND k.team_id IS NULL AND 'ingest' = ANY(k.scopes)
              AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = k.org_id AND m.user_id = k.created_by_id)
            ORDER BY k.name`,
          [orgId],
        ),
  ]);
  return {
    budgets: budgets.rows.flatMap((b) => (SCOPE[b.scope_type] ? [{ scope: SCOPE[b.scope_type], value: b.value }] : [])),
    teams: teams.rows,
    ownerlessKeys: keys.rows,
  };
}
