import { prisma } from "@/lib/db";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { toApiKeyDto } from "./to-api-key-dto";

/** Keys of the organisation, newest first; `teamIds` limits them to those teams' keys. */
export async function listApiKeys({ orgId, teamIds }: { orgId: string; teamIds: string[] | null }): Promise<ApiKeyDto[]> {
  const rows = await prisma().apiKey.findMany({
    where: { orgId, ...(teamIds ? { teamId: { in: teamIds } } : {}) },
    include: { team: { select: { slug: true } } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return rows.map(toApiKeyDto);
}
