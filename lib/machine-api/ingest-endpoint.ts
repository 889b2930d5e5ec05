// POST /api/v1/events and /api/v1/outcomes (API.md): authenticate the key,
// rate-limit it, read the body within its limit, ingest.
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { readBody } from "@/lib/http/read-body";
import { sendJson } from "@/lib/http/node-response";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import type { IngestRequest } from "@/lib/ingest/ingest-items";
import { ingestOutcomes } from "@/lib/ingest/ingest-outcomes";
import type { IngestResponse } from "@/lib/schemas/events";
import { MAX_BODY_BYTES } from "@/lib/schemas/events";
import { machineRateLimiter } from "./rate-limit";

function ingestEndpoint(ingest: (request: IngestRequest) => Promise<IngestResponse>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const principal = await authenticateApiKey(req.headers.authorization, "ingest");
    machineRateLimiter.take(principal.keyId);
    const body = await readBody(req, MAX_BODY_BYTES);
    sendJson(res, 200, await ingest({ principal, body, contentType: req.headers["content-type"] }));
  };
}

export const postEvents = ingestEndpoint(ingestEvents);
export const postOutcomes = ingestEndpoint(ingestOutcomes);
