import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { AlertDto } from "@/lib/schemas/alerts";
import { alertVisibility } from "./alert-visibility";
import { toAlertDto } from "./to-alert-dto";

/**
 * Marks an alert acknowledged (idempotent: the first acknowledgement's time
 * stays). An alert the caller may not see is answered as not found.
 */
export async function acknowledgeAlert(input: { orgId: string; id: string; teamIds: string[] | null; actorUserId: string | null }): Promise<AlertDto> {
  return prisma().$transaction(async (tx) => {
    const alert = await tx.alert.findFirst({ where: { ...(await alertVisibility(tx, input.orgId, input.teamIds)), id: input.id } });
    if (!alert) throw new AppError("not_found", "No alert with this id.");
    if (alert.acknowledgedAt) return toAlertDto(alert);
    const where = { orgId: input.orgId, id: input.id };
    const { count } = await tx.alert.updateMany({ where: { ...where, acknowledgedAt: null }, data: { acknowledgedAt: new Date() } });
    const updated = await tx.alert.findFirstOrThrow({ where });
    if (count === 0) return toAlertDto(updated); // acknowledged concurrently
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.actorUserId,
      action: "alert.acknowledge",
      entityType: "alert",
      entityId: alert.id,
      before: { acknowledgedAt: null },
      after: { acknowledgedAt: updated.acknowledgedAt },
    });
    return toAlertDto(updated);
  });
}
