// The one rule for a team filter on a read (spend, ROI, events, insights):
// a caller limited to some teams who names another team gets 403, whether
// or not it exists; an unknown team is 404; the filter then narrows the read
// to that team. Without a filter the caller's own scope stands.
import { pool } from "@/lib/db";
import { AppError } from "@/lib/http/errors";

/**
 * The team ids a read is limited to. `teamId` is the id of the team the
 * filter names (null when there is no such team); `what` names the data in
 * the refusal ("spend", "ROI", …).
 */
export function scopeToTeam(input: { teamIds: string[] | null; team: string | undefined; teamId: string | null; what: string }): string[] | null {
  const { teamIds, team, teamId, what } = input;
  if (team === undefined) return teamIds;
  if (teamIds && (!teamId || !teamIds.includes(teamId))) throw new AppError("forbidden", `You may read the ${what} of your own teams only, not of team '${team}'.`);
  if (!teamId) throw new AppError("not_found", `There is no team '${team}' in this organisation.`);
  return [teamId];
}

/** scopeToTeam, looking the named team up by its slug. */
export async function scopeToNamedTeam(input: { orgId: string; teamIds: string[] | null; team: string | undefined; what: string }): Promise<string[] | null> {
  if (input.team === undefined) return input.teamIds;
  const { rows } = await pool().query<{ id: string }>("SELECT id FROM teams WHERE org_id = $1 AND slug = $2", [input.orgId, input.team]);
  return scopeToTeam({ ...input, teamId: rows[0]?.id ?? null });
}
