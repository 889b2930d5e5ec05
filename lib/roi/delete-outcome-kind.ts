import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { Prisma as P } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import type { OutcomeKindDto } from "@/lib/schemas/roi";
import { invalidateOutcomeKindDefaults } from "./outcome-kind-defaults";
import { OUTCOME_KIND_COLUMNS, type OutcomeKindRow, toOutcomeKindDto } from "./outcome-kind-row";

/**
 * Forgets a kind's name and default (audited). Stored outcomes of the kind
 * keep their value; new ones must carry valueUsd again.
 */
export async function deleteOutcomeKind(input: { orgId: string; kind: string; actorUserId: string | null }): Promise<OutcomeKindDto> {
  const { orgId, kind, actorUserId } = input;
  const deleted = await prisma().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<OutcomeKindRow[]>(P.sql`
      DELETE FROM outcome_kinds WHERE org_id = ${orgId} AND kind = ${kind} RETURNING ${OUTCOME_KIND_COLUMNS}`);
    if (!row) throw new AppError("not_found", `There is no outcome kind '${kind}'.`);
    const dto = toOutcomeKindDto(row);
    await recordAudit(tx, { orgId, actorUserId, action: "outcome_kind.delete", entityType: "outcome_kind", entityId: kind, before: dto });
    return dto;
  });
  invalidateOutcomeKindDefaults(orgId);
  return deleted;
}
