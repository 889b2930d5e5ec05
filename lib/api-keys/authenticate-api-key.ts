import { pool } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { ApiKeyScope } from "@/lib/schemas/api-keys";
import { hashApiKey, looksLikeApiKey } from "./key-format";

export type ApiKeyPrincipal = { orgId: string; keyId: string; scopes: ApiKeyScope[]; teamId: string | null };

const LAST_USED_EVERY_MS = 60_000;
const lastUsedWritten = new Map<string, number>();
const LAST_KNOWN_MAX = 10_000;
/** Keys last seen valid, by hash: used only while PostgreSQL cannot answer (policy fail modes). */
const lastKnown = new Map<string, ApiKeyPrincipal>();

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1] : null;
}

/**
 * 401 for a missing, unknown or revoked key; 403 for a valid key without the
 * scope. last_used_at is written at most once a minute per key.
 */
export async function authenticateApiKey(header: string | undefined, scope: ApiKeyScope): Promise<ApiKeyPrincipal> {
  const token = bearerToken(header);
  if (!token) throw new AppError("unauthenticated", "Send an API key as 'Authorization: Bearer <key>'.");
  if (!looksLikeApiKey(token)) throw new AppError("unauthenticated", "The API key is not valid.");
  const { rows } = await pool().query<{ org_id: string; id: string; scopes: string[]; team_id: string | null; revoked_at: Date | null }>(
    "SELECT org_id, id, scopes, team_id, revoked_at FROM api_keys WHERE key_hash = $1",
    [hashApiKey(token)],
  );
  const key = rows[0];
  if (!key) throw new AppError("unauthenticated", "The API key is not valid.");
  if (key.revoked_at) throw new AppError("unauthenticated", "The API key was revoked.");
  if (!key.scopes.includes(scope)) throw new AppError("forbidden", `The API key lacks the '${scope}' scope.`);
  touchLastUsed(key.org_id, key.id);
  const principal = { orgId: key.org_id, keyId: key.id, scopes: key.scopes as ApiKeyScope[], teamId: key.team_id };
  if (lastKnown.size >= LAST_KNOWN_MAX) lastKnown.delete(lastKnown.keys().next().value!);
  lastKnown.set(hashApiKey(token), principal);
  return principal;
}

/**
 * The principal this process last authenticated for the key, or null. Only
 * for answering while storage is unreachable: a key revoked meanwhile is
 * refused again as soon as PostgreSQL answers.
 */
export function lastKnownPrincipal(header: string | undefined, scope: ApiKeyScope): ApiKeyPrincipal | null {
  const token = bearerToken(header);
  const principal = token ? lastKnown.get(hashApiKey(token)) : undefined;
  return principal && principal.scopes.includes(scope) ? principal : null;
}

function touchLastUsed(orgId: string, keyId: string): void {
  const now = Date.now();
  if (now - (lastUsedWritten.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
  lastUsedWritten.set(keyId, now);
  pool()
    .query("UPDATE api_keys SET last_used_at = now() WHERE org_id = $1 AND id = $2", [orgId, keyId])
    .catch((err: Error) => console.error("could not record API key use:", err.message));
}
