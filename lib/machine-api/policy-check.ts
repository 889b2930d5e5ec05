// POST /api/v1/policy/check: ask before an LLM call (API.md).
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey, cachedPrincipal, lastKnownPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { isStorageUnavailable } from "@/lib/db-errors";
import { AppError } from "@/lib/http/errors";
import { sendJsonPayload } from "@/lib/http/node-response";
import { readBody } from "@/lib/http/read-body";
import { validationError } from "@/lib/http/zod-error";
import { checkPolicy } from "@/lib/policy/check-policy";
import { StorageDeadline, StorageTimeout } from "@/lib/policy/within-time";
import { PolicyCheckBody, type PolicyCheckResponse } from "@/lib/schemas/budgets";
import { machineRateLimiter } from "./rate-limit";

const MAX_BODY = 64 * 1024;

/**
 * A key not held in memory: while PostgreSQL cannot answer, a key this process saw valid keeps its
 * fail-mode answers (its wait counts against the check's time for storage); an unknown key waits for
 * PostgreSQL (then 401 or 503), and the check's time starts after it.
 */
async function authenticate(header: string | undefined, storage: StorageDeadline) {
  const authenticating = authenticateApiKey(header, "policy");
  const known = lastKnownPrincipal(header, "policy");
  if (!known) return authenticating;
  try {
    return await storage.within(authenticating);
  } catch (err) {
    if (err instanceof StorageTimeout || isStorageUnavailable(err)) return known;
    throw err;
  }
}

/** Non-reserving bodies parsed lately, by their text: agents repeat the same check, and parsing is a large part of answering it. */
const parsedBodies = new Map<string, PolicyCheckBody>();
const KEEP_BODIES = 1_000;
const KEEP_BODY_CHARS = 2_048;

function parseBody(text: string): PolicyCheckBody {
  const kept = parsedBodies.get(text);
  if (kept) return kept;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("invalid_body", "The request body is not valid JSON.");
  }
  const parsed = PolicyCheckBody.safeParse(json);
  if (!parsed.success) throw validationError(parsed.error);
  // reserving checks are never answered from memory: their bodies would only fill the map
  if (!parsed.data.reserve && text.length <= KEEP_BODY_CHARS) {
    if (parsedBodies.size >= KEEP_BODIES) parsedBodies.clear();
    parsedBodies.set(text, parsed.data);
  }
  return parsed.data;
}

/** Answers kept by check-cache.ts (frozen: shared between checks) repeat: each is serialised once. */
const payloads = new WeakMap<PolicyCheckResponse, Buffer>();

function payloadOf(answer: PolicyCheckResponse): string | Buffer {
  if (!Object.isFrozen(answer)) return JSON.stringify(answer);
  let payload = payloads.get(answer);
  if (!payload) {
    payload = Buffer.from(JSON.stringify(answer));
    payloads.set(answer, payload);
  }
  return payload;
}

export async function postPolicyCheck(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const storage = new StorageDeadline();
  const principal = cachedPrincipal(req.headers.authorization, "policy") ?? (await authenticate(req.headers.authorization, storage));
  machineRateLimiter.take(principal.keyId);
  const body = parseBody((await readBody(req, MAX_BODY)).toString("utf8"));
  sendJsonPayload(res, 200, payloadOf(await checkPolicy(principal, body, storage)));
}
