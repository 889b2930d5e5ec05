import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { forgetApiKey } from "./authenticate-api-key";
import { API_KEY_CHANNEL } from "./key-format";
import { toApiKeyDto } from "./to-api-key-dto";

/**
 * Revokes a key (idempotent). `authorize` throws when the caller may not
 * manage the key; it sees the stored row's team, never client input.
 */
export async function revokeApiKey(input: {
  orgId: string;
  id: string;
  actorUserId: string | null;
  authorize: (teamId: string | null) => void;
}): Promise<ApiKeyDto> {
  const revoked = await prisma().$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({
      where: { orgId_id: { orgId: input.orgId, id: input.id } },
      include: { team: { select: { slug: true } } },
    });
    if (!key) throw new AppError("not_found", "No API key with this id.");
    input.authorize(key.teamId);
    if (key.revokedAt) return toApiKeyDto(key);
    await tx.$executeRaw`SELECT pg_notify(${API_KEY_CHANNEL}, key_hash) FROM api_keys WHERE org_id = ${input.orgId} AND id = ${input.id}`;
    const updated = await tx.apiKey.update({
      where: { orgId_id: { orgId: input.orgId, id: input.id } },
      data: { revokedAt: new Date() },
      include: { team: { select: { slug: true } } },
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.actorUserId,
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: key.id,
      before: { revokedAt: null },
      after: { revokedAt: updated.revokedAt },
    });
    return toApiKeyDto(updated);
  });
  forgetApiKey(input.id);
  return revoked;
}
