// Wire shapes of API keys (zod only; safe to import from client code).
import { z } from "zod";

// Objects
export const ApiKeyScope = z.enum(["ingest", "policy", "admin"]);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const ApiKeyDto = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(ApiKeyScope),
    teamId: z.string().nullable(),
    teamSlug: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .strict();
export type ApiKeyDto = z.infer<typeof ApiKeyDto>;

// Endpoints
export const CreateApiKeyBody = z
  .object({
    name: z.string().trim().min(1, "name is required").max(100, "name must be at most 100 characters"),
    scopes: z.array(ApiKeyScope).min(1, "choose at least one scope").transform((s) => [...new Set(s)]),
    teamId: z.string().min(1).nullish(),
  })
  .strict();
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;

export const CreateApiKeyResponse = z.object({ apiKey: ApiKeyDto, secret: z.string() }).strict();
export type CreateApiKeyResponse = z.infer<typeof CreateApiKeyResponse>;

export const ListApiKeysResponse = z.object({ apiKeys: z.array(ApiKeyDto) }).strict();
export type ListApiKeysResponse = z.infer<typeof ListApiKeysResponse>;
