import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { Prisma as P } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import type { OutcomeKindDto, UpdateOutcomeKindBody } from "@/lib/schemas/roi";
import { invalidateOutcomeKindDefaults } from "./outcome-kind-defaults";
import { OUTCOME_KIND_COLUMNS, type OutcomeKindRow, toOutcomeKindDto } from "./outcome-kind-row";

/**
 * Renames a kind or changes its description or default (audited). A new
 * default applies to outcomes ingested from now on: stored outcomes keep the
 * value they were stored with.
 */
export async function updateOutcomeKind(input: { orgId: string; kind: string; actorUserId: string | null; body: UpdateOutcomeKindBody }): Promise<OutcomeKindDto> {
  const { orgId, kind, actorUserId, body } = input;
  const updated = await prisma().$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<OutcomeKindRow[]>(P.sql`
      SELECT ${OUTCOME_KIND_COLUMNS} FROM outcome_kinds WHERE org_id = ${orgId} AND kind = ${kind} FOR UPDATE`);
    if (!before) throw new AppError("not_found", `There is no outcome kind '${kind}'.`);
    const name = body.name ?? before.name;
    const description = body.description === undefined ? before.description : body.description || null;
    const value = body.defaultValueUsd === undefined ? before.default_value_usd : body.defaultValueUsd;
    const [row] = await tx.$queryRaw<OutcomeKindRow[]>(P.sql`
      UPDATE outcome_kinds SET name = ${name}, description = ${description}, default_value_usd = ${value}::numeric, updated_at = now()
       WHERE org_id = ${orgId} AND kind = ${kind}
      RETURNING ${OUTCOME_KIND_COLUMNS}`);
    const dto = toOutcomeKindDto(row);
    await recordAudit(tx, { orgId, actorUserId, action: "outcome_kind.update", entityType: "outcome_kind", entityId: kind, before: toOutcomeKindDto(before), after: dto });
    return dto;
  });
  invalidateOutcomeKindDefaults(orgId);
  return updated;
}
