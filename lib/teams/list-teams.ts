import { prisma } from "@/lib/db";

export type TeamSummary = { id: string; slug: string; name: string; unreviewed: boolean };

/** Teams of the organisation, limited to `teamIds` when not null. */
export async function listTeams({ orgId, teamIds }: { orgId: string; teamIds: string[] | null }): Promise<TeamSummary[]> {
  return prisma().team.findMany({
    where: { orgId, ...(teamIds ? { id: { in: teamIds } } : {}) },
    select: { id: true, slug: true, name: true, unreviewed: true },
    orderBy: { name: "asc" },
  });
}
