import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { AppError } from "@/lib/http/errors";
import type { RejectedItem } from "@/lib/schemas/events";
import { findTeams, findTeamSlug, type OrgContext } from "@/lib/org/org-context";
import { reject, type Valid } from "./validate-items";

type Named = { team?: string; id: string };

export type TeamResolution<T> = { items: (Valid<T> & { teamSlug: string; newTeam: boolean })[]; rejected: RejectedItem[] };

/**
 * The team of each item: its own `team`, else the API key's. A key bound to
 * a team may only write that team (403 for the whole request). An unknown
 * slug creates an unreviewed team, unless the organisation turned that off.
 */
export async function resolveTeams<T extends Named>(ctx: OrgContext, principal: ApiKeyPrincipal, valid: Valid<T>[]): Promise<TeamResolution<T>> {
  const keyTeam = principal.teamId ? (ctx.teamSlugById.get(principal.teamId) ?? (await keyTeamSlug(ctx, principal.teamId))) : null;
  const rejected: RejectedItem[] = [];
  const named: (Valid<T> & { teamSlug: string })[] = [];
  for (const item of valid) {
    const slug = item.value.team ?? keyTeam;
    if (keyTeam && slug !== keyTeam) {
      throw new AppError("forbidden", `This API key may only write team '${keyTeam}'; item ${item.index} names '${slug}'.`, [{ path: `[${item.index}].team`, message: `must be '${keyTeam}' or absent` }]);
    }
    if (!slug) rejected.push(reject(item.index, item.value.id, "team", "is required: this API key is not bound to a team"));
    else named.push({ index: item.index, value: item.value, teamSlug: slug });
  }
  const unknown = [...new Set(named.map((i) => i.teamSlug).filter((s) => !ctx.teamIdBySlug.has(s)))];
  const found = await findTeams(ctx.orgId, unknown);
  const items: TeamResolution<T>["items"] = [];
  for (const item of named) {
    const known = ctx.teamIdBySlug.has(item.teamSlug) || found.has(item.teamSlug);
    if (known || ctx.autoCreateTeams) items.push({ index: item.index, value: item.value, teamSlug: item.teamSlug, newTeam: !known });
    else rejected.push(reject(item.index, item.value.id, "team", `no team '${item.teamSlug}' in this organisation, and creating teams from events is turned off`));
  }
  return { items, rejected };
}

async function keyTeamSlug(ctx: OrgContext, teamId: string): Promise<string> {
  const slug = await findTeamSlug(ctx.orgId, teamId);
  if (!slug) throw new AppError("forbidden", "The API key's team no longer exists.");
  return slug;
}
