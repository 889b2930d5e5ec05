import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { invalidateOrgContext, ORG_CHANNEL } from "@/lib/org/org-context";
import type { PriceOverrideDto } from "@/lib/schemas/prices";
import { toPriceOverrideDto } from "./to-price-dto";

/**
 * Deletes an override (audited); ingest stops using it at once. Events it
 * already priced keep their cost: a recorded cost is history, not a quote.
 */
export async function deletePriceOverride({ orgId, id, actorUserId }: { orgId: string; id: string; actorUserId: string | null }): Promise<PriceOverrideDto> {
  const override = await prisma().$transaction(async (tx) => {
    const row = await tx.priceOverride.delete({ where: { orgId_id: { orgId, id } } }).catch((err: unknown) => {
      throw (err as { code?: string }).code === "P2025" ? new AppError("not_found", "No price override with this id.") : err;
    });
    const dto = toPriceOverrideDto(row);
    await recordAudit(tx, { orgId, actorUserId, action: "price_override.delete", entityType: "price_override", entityId: id, before: dto });
    // at commit, every other process drops the price book it keeps (for up to 15 s otherwise)
    await tx.$executeRaw`SELECT pg_notify(${ORG_CHANNEL}, ${orgId})`;
    return dto;
  });
  invalidateOrgContext(orgId);
  return override;
}
