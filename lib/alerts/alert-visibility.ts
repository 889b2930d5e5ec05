import type { Prisma as Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

type Teams = Pick<Db, "team">;

/**
 * Which alerts a caller sees: every alert for org-wide roles (teamIds null);
 * team-limited roles see the alerts of their teams' budgets, and the insight
 * alerts (spikes, runaway agents) of their teams.
 */
export async function alertVisibility(db: Teams, orgId: string, teamIds: string[] | null): Promise<Prisma.AlertWhereInput> {
  if (!teamIds) return { orgId };
  const teams = await db.team.findMany({ where: { orgId, id: { in: teamIds } }, select: { slug: true } });
  const ofTeam: Prisma.AlertWhereInput[] = teams.map((t) => ({ budgetId: null, payload: { path: ["team"], equals: t.slug } }));
  return { orgId, AND: [{ OR: [{ budget: { scopeType: "team", scopeValue: { in: teamIds } } }, ...ofTeam] }] };
}
