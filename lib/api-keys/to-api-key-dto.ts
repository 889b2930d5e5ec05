import type { ApiKeyDto, ApiKeyScope } from "@/lib/schemas/api-keys";

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  teamId: string | null;
  team?: { slug: string } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export function toApiKeyDto(row: ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiKeyScope[],
    teamId: row.teamId,
    teamSlug: row.team?.slug ?? null,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
