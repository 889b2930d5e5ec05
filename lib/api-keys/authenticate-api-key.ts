import { pool } from "@/lib/db";
import { ensureListening, isListening, subscribe } from "@/lib/db-listener";
import { AppError } from "@/lib/http/errors";
import type { ApiKeyScope } from "@/lib/schemas/api-keys";
import { API_KEY_CHANNEL, hashApiKey, looksLikeApiKey } from "./key-format";

export type ApiKeyPrincipal = { orgId: string; keyId: string; scopes: ApiKeyScope[]; teamId: string | null };

const LAST_USED_EVERY_MS = 60_000;
const lastUsedWritten = new Map<string, number>();
const CACHE_MAX = 10_000;
/**
 * Keys seen valid, by hash. Served from memory only while the LISTEN
 * connection is live (a revocation notifies and drops the key at once);
 * otherwise used only while PostgreSQL cannot answer (policy fail modes).
 */
const known = new Map<string, ApiKeyPrincipal>();
let cacheValid = false;
/**
 * Counts revocations (and losses of the LISTEN connection) seen by this
 * process. A key read from the database is cached only if none came while it
 * was read: a revocation notified between the read's snapshot and its answer
 * would otherwise be undone by caching the row as it was before.
 */
let revocations = 0;

subscribe(
  API_KEY_CHANNEL,
  (hash) => {
    revocations++;
    known.delete(hash);
  },
  () => {
    revocations++;
    cacheValid = false;
  },
);

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
  const hash = hashApiKey(token);
  const cached = fromCache(hash);
  if (cached) return withScope(cached, scope);
  await ensureListening();
  if (!cacheValid && isListening()) {
    known.clear();
    cacheValid = true;
  }
  const revocationsBefore = revocations;
  const { rows } = await pool().query<{ org_id: string; id: string; scopes: string[]; team_id: string | null; revoked_at: Date | null }>(
    "SELECT org_id, id, scopes, team_id, revoked_at FROM api_keys WHERE key_hash = $1",
    [hash],
  );
  const key = rows[0];
  if (!key) throw new AppError("unauthenticated", "The API key is not valid.");
  if (key.revoked_at) throw new AppError("unauthenticated", "The API key was revoked.");
  const principal = { orgId: key.org_id, keyId: key.id, scopes: key.scopes as ApiKeyScope[], teamId: key.team_id };
  // a revocation came during the read: answer this request (it raced the revocation), cache nothing
  if (revocations === revocationsBefore) {
    if (known.size >= CACHE_MAX) known.delete(known.keys().next().value!);
    known.set(hash, principal);
  }
  return withScope(principal, scope);
}

function fromCache(hash: string): ApiKeyPrincipal | undefined {
  return cacheValid && isListening() ? known.get(hash) : undefined;
}

/**
 * The principal of a key this process holds as current (no I/O), checked for
 * the scope as authenticateApiKey checks it; null when the key is not held
 * (then call authenticateApiKey, which also answers malformed headers).
 */
export function cachedPrincipal(header: string | undefined, scope: ApiKeyScope): ApiKeyPrincipal | null {
  const token = bearerToken(header);
  const principal = token && looksLikeApiKey(token) ? fromCache(hashApiKey(token)) : undefined;
  return principal ? withScope(principal, scope) : null;
}

function withScope(principal: ApiKeyPrincipal, scope: ApiKeyScope): ApiKeyPrincipal {
  if (!principal.scopes.includes(scope)) throw new AppError("forbidden", `The API key lacks the '${scope}' scope.`);
  touchLastUsed(principal.orgId, principal.keyId);
  return principal;
}

/** Drops a key from this process's cache at once (after revoking it here). */
export function forgetApiKey(keyId: string): void {
  revocations++;
  for (const [hash, principal] of known) if (principal.keyId === keyId) known.delete(hash);
}

/**
 * The principal this process last authenticated for the key, or null. Only
 * for answering while storage is unreachable: a key revoked meanwhile is
 * refused again as soon as PostgreSQL answers.
 */
export function lastKnownPrincipal(header: string | undefined, scope: ApiKeyScope): ApiKeyPrincipal | null {
  const token = bearerToken(header);
  const principal = token ? known.get(hashApiKey(token)) : undefined;
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
