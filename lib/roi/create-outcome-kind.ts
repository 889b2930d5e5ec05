import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { Prisma as P } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import type { CreateOutcomeKindBody, OutcomeKindDto } from "@/lib/schemas/roi";
import { invalidateOutcomeKindDefaults } from "./outcome-kind-defaults";
import { OUTCOME_KIND_COLUMNS, type OutcomeKindRow, toOutcomeKindDto } from "./outcome-kind-row";

/** Names a kind (audited); its default applies to outcomes ingested from now on. 409 when the kind is named already. */
export async function createOutcomeKind(input: { orgId: string; actorUserId: string | null; body: CreateOutcomeKindBody }): Promise<OutcomeKindDto> {
  const { orgId, actorUserId, body } = input;
  const kind = await prisma().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<OutcomeKindRow[]>(P.sql`
      INSERT INTO outcome_kinds (org_id, kind, name, description, default_value_usd, created_by_id, updated_at)
      VALUES (${orgId}, ${body.kind}, ${body.name}, ${body.description || null}, ${body.defaultValueUsd ?? null}::numeric, ${actorUserId}, now())
      ON CONFLICT (org_id, kind) DO NOTHING
      RETURNING ${OUTCOME_KIND_COLUMNS}`);
    if (!row) {
      throw new AppError("conflict", `The outcome kind '${body.kind}' exists already: edit it instead.`, [{ path: "kind", message: "is named already" }]);
    }
    const dto = toOutcomeKindDto(row);
    await recordAudit(tx, { orgId, actorUserId, action: "outcome_kind.create", entityType: "outcome_kind", entityId: dto.kind, after: dto });
    return dto;
  });
  invalidateOutcomeKindDefaults(orgId);
  return kind;
}
