// POST /api/v1/events: usage events from services (API.md).
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { readBody } from "@/lib/http/read-body";
import { sendJson } from "@/lib/http/node-response";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { MAX_BODY_BYTES } from "@/lib/schemas/events";
import { machineRateLimiter } from "./rate-limit";

export async function postEvents(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const principal = await authenticateApiKey(req.headers.authorization, "ingest");
  machineRateLimiter.take(principal.keyId);
  const body = await readBody(req, MAX_BODY_BYTES);
  sendJson(res, 200, await ingestEvents({ principal, body, contentType: req.headers["content-type"] }));
}
