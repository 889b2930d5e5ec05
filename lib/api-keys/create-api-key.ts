import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { ApiKeyDto, ApiKeyScope } from "@/lib/schemas/api-keys";
import { generateApiKey } from "./key-format";
import { toApiKeyDto } from "./to-api-key-dto";

export type CreateApiKeyInput = {
  orgId: string;
  name: string;
  scopes: ApiKeyScope[];
  teamId?: string | null;
  actorUserId?: string | null;
};

/** Creates a key and returns its secret: the only time the secret exists outside the caller. */
export async function createApiKey(input: CreateApiKeyInput): Promise<{ apiKey: ApiKeyDto; secret: string }> {
  const { secret, prefix, hash } = generateApiKey();
  const row = await prisma().$transaction(async (tx) => {
    if (input.teamId) {
      const team = await tx.team.findUnique({ where: { orgId_id: { orgId: input.orgId, id: input.teamId } } });
      if (!team) throw new AppError("validation_failed", "teamId names no team of this organisation.", [{ path: "teamId", message: "unknown team" }]);
    }
    const created = await tx.apiKey.create({
      data: { orgId: input.orgId, name: input.name, prefix, keyHash: hash, scopes: input.scopes, teamId: input.teamId ?? null, createdById: input.actorUserId ?? null },
      include: { team: { select: { slug: true } } },
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.actorUserId,
      action: "api_key.create",
      entityType: "api_key",
      entityId: created.id,
      after: { name: created.name, prefix, scopes: created.scopes, teamId: created.teamId },
    });
    return created;
  });
  return { apiKey: toApiKeyDto(row), secret };
}
