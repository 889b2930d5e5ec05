// Dismissing an insight (with a reason) hides it from the list until it is
// restored; both are audited. The insight is looked up again in the caller's
// scope, so nobody dismisses what they cannot see, and what is stored (kind,
// team, title) is the server's, not the caller's.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { Caller } from "@/lib/http/route";
import type { DismissalDto, DismissInsightBody } from "@/lib/schemas/insights";
import { detectInsights } from "./detect-insights";

type Row = { insightId: string; kind: string; team: string | null; title: string; reason: string; dismissedAt: Date };

const toDto = (row: Row, by: string | null): DismissalDto => ({
  insightId: row.insightId,
  kind: row.kind as DismissalDto["kind"],
  team: row.team,
  title: row.title,
  reason: row.reason,
  dismissedBy: by,
  dismissedAt: row.dismissedAt.toISOString(),
});

async function actorName(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  return user ? user.name || user.email : null;
}

export async function dismissInsight(caller: Caller, body: DismissInsightBody): Promise<DismissalDto> {
  const { insights } = await detectInsights({ orgId: caller.orgId, teamIds: caller.teamIds, from: body.from, to: body.to });
  const insight = insights.find((i) => i.id === body.insightId);
  if (!insight) throw new AppError("not_found", `No current insight has the id '${body.insightId}' in your teams and range: it may have been resolved already.`);
  const data = { kind: insight.kind, team: insight.team, title: insight.title, reason: body.reason, dismissedById: caller.actorUserId, dismissedAt: new Date() };
  const row = await prisma().$transaction(async (tx) => {
    const saved = await tx.insightDismissal.upsert({
      where: { orgId_insightId: { orgId: caller.orgId, insightId: insight.id } },
      create: { orgId: caller.orgId, insightId: insight.id, ...data },
      update: data,
    });
    await recordAudit(tx, {
      orgId: caller.orgId, actorUserId: caller.actorUserId, actorApiKeyId: caller.actorApiKeyId,
      action: "insight.dismiss", entityType: "insight", entityId: insight.id, after: { title: insight.title, reason: body.reason },
    });
    return saved;
  });
  return toDto(row, await actorName(caller.actorUserId));
}

export async function restoreInsight(caller: Caller, insightId: string): Promise<{ restored: string }> {
  await prisma().$transaction(async (tx) => {
    const row = await tx.insightDismissal.findUnique({ where: { orgId_insightId: { orgId: caller.orgId, insightId } } });
    if (!row) throw new AppError("not_found", `The insight '${insightId}' is not dismissed.`);
    if (caller.teamIds) {
      const team = row.team === null ? null : await tx.team.findUnique({ where: { orgId_slug: { orgId: caller.orgId, slug: row.team } }, select: { id: true } });
      if (!team || !caller.teamIds.includes(team.id)) throw new AppError("forbidden", "You may restore the insights of your own teams only.");
    }
    await tx.insightDismissal.delete({ where: { orgId_insightId: { orgId: caller.orgId, insightId } } });
    await recordAudit(tx, {
      orgId: caller.orgId, actorUserId: caller.actorUserId, actorApiKeyId: caller.actorApiKeyId,
      action: "insight.restore", entityType: "insight", entityId: insightId, before: { title: row.title, reason: row.reason },
    });
  });
  return { restored: insightId };
}
