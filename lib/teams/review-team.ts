import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { TeamSummary } from "./list-teams";

/** Marks a team that ingest created on the fly as reviewed (audited); idempotent. */
export async function reviewTeam(input: { orgId: string; actorUserId: string; slug: string }): Promise<TeamSummary> {
  return prisma().$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { orgId_slug: { orgId: input.orgId, slug: input.slug } }, select: { id: true, slug: true, name: true, unreviewed: true } });
    if (!team) throw new AppError("not_found", `There is no team '${input.slug}' in this organisation.`);
    if (!team.unreviewed) return team;
    const updated = await tx.team.update({ where: { orgId_id: { orgId: input.orgId, id: team.id } }, data: { unreviewed: false }, select: { id: true, slug: true, name: true, unreviewed: true } });
    await recordAudit(tx, { orgId: input.orgId, actorUserId: input.actorUserId, action: "team.review", entityType: "team", entityId: team.id, before: { unreviewed: true }, after: { unreviewed: false } });
    return updated;
  });
}
