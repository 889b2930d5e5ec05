// POST /api/v1/policy/check: ask before an LLM call (API.md).
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey, cachedPrincipal, lastKnownPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { isStorageUnavailable } from "@/lib/db-errors";
import { AppError } from "@/lib/http/errors";
import { sendJson } from "@/lib/http/node-response";
import { readBody } from "@/lib/http/read-body";
import { validationError } from "@/lib/http/zod-error";
import { checkPolicy } from "@/lib/policy/check-policy";
import { StorageTimeout, withinTime } from "@/lib/policy/within-time";
import { PolicyCheckBody } from "@/lib/schemas/budgets";
import { machineRateLimiter } from "./rate-limit";

const MAX_BODY = 64 * 1024;

/**
 * A key not held in memory: while PostgreSQL cannot answer, a key this process saw valid keeps its
 * fail-mode answers; an unknown key waits for PostgreSQL (then 401 or 503).
 */
async function authenticate(header: string | undefined) {
  const authenticating = authenticateApiKey(header, "policy");
  try {
    return await withinTime(authenticating);
  } catch (err) {
    const known = err instanceof StorageTimeout || isStorageUnavailable(err) ? lastKnownPrincipal(header, "policy") : null;
    if (known) return known;
    if (err instanceof StorageTimeout) return authenticating;
    throw err;
  }
}

export async function postPolicyCheck(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const principal = cachedPrincipal(req.headers.authorization, "policy") ?? (await authenticate(req.headers.authorization));
  machineRateLimiter.take(principal.keyId);
  const raw = await readBody(req, MAX_BODY);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new AppError("invalid_body", "The request body is not valid JSON.");
  }
  const parsed = PolicyCheckBody.safeParse(json);
  if (!parsed.success) throw validationError(parsed.error);
  sendJson(res, 200, await checkPolicy(principal, parsed.data));
}
